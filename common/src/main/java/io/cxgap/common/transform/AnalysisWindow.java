package io.cxgap.common.transform;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The days a run for D covers (DESIGN.md §3 {@code cx.window-days}): D-days+1 through D inclusive,
 * UTC dates. {@link #previous()} is the non-overlapping window of the same length just before it
 * (DESIGN.md §5 gold.gap_trend).
 */
public record AnalysisWindow(LocalDate end, int days) {
  public AnalysisWindow {
    if (days < 1) {
      throw new IllegalArgumentException("window days must be >= 1, was " + days);
    }
  }

  public LocalDate start() {
    return end.minusDays(days - 1L);
  }

  public AnalysisWindow previous() {
    return new AnalysisWindow(end.minusDays(days), days);
  }

  /** {@code dateColumn} within start..end inclusive. */
  public Column contains(Column dateColumn) {
    return dateColumn.between(
        lit(start().toString()).cast("date"), lit(end.toString()).cast("date"));
  }

  /**
   * The silver survey items answered in this window or the previous one of the same length: what a
   * table that compares the two windows reads (one pass over both).
   */
  public Dataset<Row> itemsWithPrevious(Dataset<Row> surveyItems) {
    return surveyItems.where(
        col(RESPONSE_DATE)
            .between(
                lit(previous().start().toString()).cast("date"), lit(end.toString()).cast("date")));
  }

  /** The silver survey items answered in the window. */
  public Dataset<Row> items(Dataset<Row> surveyItems) {
    return surveyItems.where(contains(col(RESPONSE_DATE)));
  }

  /** The silver interactions started in the window. */
  public Dataset<Row> contacts(Dataset<Row> interactions) {
    return interactions.where(contains(col(CONTACT_DATE)));
  }

  /** The first instant after D (UTC), as a timestamp column. */
  public Column endExclusive() {
    return to_timestamp(lit(end.plusDays(1).toString()));
  }
}

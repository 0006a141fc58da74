package io.cxgap.common.privacy;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * Bronze retention (DESIGN.md §6, {@code cx.privacy.bronze-retention-days}): a bronze row's load
 * date is the run date D of the ingest run that loaded it, which its {@code run_id} starts with
 * ({@code 2026-10-31-1a2b3c4d}); a row is past retention when its load date is more than {@code
 * days} days before the current run's date.
 */
public final class Retention {
  private Retention() {}

  /** The first load date that is kept: rows loaded before it are past retention. */
  public static LocalDate firstKept(LocalDate runDate, int days) {
    return runDate.minusDays(days);
  }

  /** A row's load date, from its {@code run_id}; null where the run id does not start with one. */
  public static Column loadDate() {
    return to_date(substring(col(Columns.RUN_ID), 1, 10), "yyyy-MM-dd");
  }

  /** Rows loaded before {@code firstKept}. */
  public static Column loadedBefore(LocalDate firstKept) {
    return loadDate().lt(lit(firstKept.toString()).cast("date"));
  }
}

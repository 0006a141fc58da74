package io.cxgap.common.transform;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Scores to the 0..100 scale and the item gap (DESIGN.md §5). */
public final class Normalise {
  private Normalise() {}

  /** {@code 100 * (x - min) / (max - min)}. */
  public static Column norm(Column x, Column min, Column max) {
    return lit(100.0).multiply(x.minus(min)).divide(max.minus(min));
  }

  /**
   * Bronze survey rows to silver items: normalised expectation and experience, their gap, the UTC
   * response date; the raw scale columns are kept for traceability.
   */
  public static Dataset<Row> surveyItems(Dataset<Row> bronze) {
    Column exp = norm(col(EXPECTATION), col(SCALE_MIN), col(SCALE_MAX));
    Column perc = norm(col(EXPERIENCE), col(SCALE_MIN), col(SCALE_MAX));
    return bronze.select(
        col(RESPONSE_ID),
        col(CUSTOMER_ID),
        col(SURVEY_ID),
        col(RESPONDED_AT),
        to_date(col(RESPONDED_AT)).as(RESPONSE_DATE),
        col(TOUCHPOINT),
        col(EXPECTATION),
        col(EXPERIENCE),
        col(SCALE_MIN),
        col(SCALE_MAX),
        exp.as(EXPECTATION_NORM),
        perc.as(EXPERIENCE_NORM),
        perc.minus(exp).as(GAP),
        col(OVERALL_NPS),
        col(COMMENT),
        col(BATCH_ID));
  }

  /** Bronze interaction rows to silver: the UTC contact date added, lineage dropped. */
  public static Dataset<Row> interactions(Dataset<Row> bronze) {
    return bronze.select(
        col(EVENT_ID),
        col(CUSTOMER_ID),
        col(CHANNEL),
        col(TOUCHPOINT),
        col(STARTED_AT),
        to_date(col(STARTED_AT)).as(CONTACT_DATE),
        col(WAIT_S),
        col(DURATION_S),
        col(OUTCOME),
        col(BATCH_ID));
  }
}

package io.cxgap.common.transform;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.util.Arrays;
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
   * response date; the raw scale columns are kept for traceability. The zone of tolerance
   * (DESIGN.md §4, §5): {@code adequate_norm} (null without an adequate answer), {@code
   * zot_inversion} (adequate > expectation; null without an adequate answer) and {@code msa} =
   * experience_norm - adequate_norm, null without an adequate answer and for an inversion. Bronze
   * batches written before the adequate column existed read as rows without an adequate answer.
   */
  public static Dataset<Row> surveyItems(Dataset<Row> bronze) {
    Column exp = norm(col(EXPECTATION), col(SCALE_MIN), col(SCALE_MAX));
    Column perc = norm(col(EXPERIENCE), col(SCALE_MIN), col(SCALE_MAX));
    Column adequate =
        Arrays.asList(bronze.columns()).contains(ADEQUATE)
            ? col(ADEQUATE)
            : lit(null).cast("double");
    Column adq = norm(adequate, col(SCALE_MIN), col(SCALE_MAX));
    Column inversion = adequate.gt(col(EXPECTATION));
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
        adequate.as(ADEQUATE),
        adq.as(ADEQUATE_NORM),
        when(not(inversion), perc.minus(adq)).as(MSA),
        inversion.as(ZOT_INVERSION),
        col(OVERALL_NPS),
        col(COMMENT),
        col(BATCH_ID));
  }

  /** The number of zone-of-tolerance inversions among silver items (adequate > expectation). */
  public static Column inversions() {
    return coalesce(sum(when(col(ZOT_INVERSION), 1L)), lit(0L));
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

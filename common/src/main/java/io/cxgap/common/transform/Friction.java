package io.cxgap.common.transform;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Channel-friction flags per contact (DESIGN.md §5). */
public final class Friction {
  public static final String IS_REPEAT = "is_repeat";
  public static final String IS_ABANDONED = "is_abandoned";
  public static final String IS_FAILURE = "is_failure";

  /** A follow-up within this many microseconds after a contact makes it a repeat (7 days). */
  public static final long REPEAT_MICROS = 7L * 24 * 3600 * 1_000_000;

  private Friction() {}

  /**
   * The window's contacts with three flags. A contact is a repeat when the same customer contacts
   * the same touchpoint again within 7 days after it (inclusive), counting follow-ups up to the end
   * of D only; {@code is_failure} counts {@code failed} and {@code unresolved} outcomes.
   *
   * @param interactions silver interactions (any dates; later ones than D are ignored)
   */
  public static Dataset<Row> flagged(Dataset<Row> interactions, AnalysisWindow window) {
    Column next =
        lead(col(STARTED_AT), 1)
            .over(
                Window.partitionBy(col(CUSTOMER_ID), col(TOUCHPOINT))
                    .orderBy(col(STARTED_AT), col(EVENT_ID)));
    // microseconds: a cast to long would drop fractions of a second (7 d + 0.2 s is no repeat)
    Column gap = expr("unix_micros(_next) - unix_micros(" + STARTED_AT + ")");
    // The follow-up of a contact in the window is later and no later than D, so in the window too:
    // only the window's contacts need sorting, not every contact before it.
    return window
        .contacts(interactions)
        .where(col(STARTED_AT).lt(window.endExclusive()))
        .withColumn("_next", next)
        .withColumn(IS_REPEAT, coalesce(gap.leq(REPEAT_MICROS), lit(false)))
        .withColumn(IS_ABANDONED, coalesce(col(OUTCOME).equalTo("abandoned"), lit(false)))
        .withColumn(IS_FAILURE, coalesce(col(OUTCOME).isin("failed", "unresolved"), lit(false)))
        .drop("_next");
  }
}

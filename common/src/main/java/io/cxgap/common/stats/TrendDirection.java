package io.cxgap.common.stats;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * The direction of a cell between the previous window and the current one (DESIGN.md §5, {@code
 * gold.gap_trend} and {@code gold.nps_segment}): one rule for every table that compares windows.
 */
public final class TrendDirection {
  public static final String DETERIORATING = "deteriorating";
  public static final String IMPROVING = "improving";
  public static final String STABLE = "stable";
  public static final String NEW = "new";
  public static final String SUPPRESSED = "suppressed";

  /** A change counts when its Benjamini–Hochberg q is below this. */
  public static final double ALPHA = 0.05;

  private TrendDirection() {}

  /**
   * In this order: {@code suppressed} where {@code suppressed}; {@code new} where {@code isNew} (no
   * previous responses); {@code suppressed} where {@code untested} (a previous window too small to
   * test); {@code deteriorating} when delta ≤ −minDelta and q < 0.05; {@code improving} when delta
   * ≥ minDelta and q < 0.05; else {@code stable}.
   */
  public static Column of(
      Column suppressed,
      Column isNew,
      Column untested,
      Column delta,
      Column qValue,
      double minDelta) {
    Column significant = qValue.lt(ALPHA);
    return when(suppressed, lit(SUPPRESSED))
        .when(isNew, lit(NEW))
        .when(untested, lit(SUPPRESSED))
        .when(delta.leq(-minDelta).and(significant), lit(DETERIORATING))
        .when(delta.geq(minDelta).and(significant), lit(IMPROVING))
        .otherwise(lit(STABLE));
  }
}

package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.transform.AnalysisWindow;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.gap_trend} (DESIGN.md §5): each cell's gap in the current window against the previous
 * non-overlapping window of the same length, with Welch's t-test. Both windows are cut by the CRM
 * state as of D, so a cell holds the same customers' answers in both. One aggregation over both
 * windows.
 *
 * <p>Directions: {@code deteriorating} when delta ≤ −minDelta and p < 0.05, {@code improving} when
 * delta ≥ minDelta and p < 0.05, else {@code stable}; a cell with no responses in the previous
 * window is {@code new} (null delta); a cell below min-respondents in either window is {@code
 * suppressed} (null means, delta and p). Cells with no responses in the current window are left
 * out.
 */
public final class GapTrend {
  public static final String DETERIORATING = "deteriorating";
  public static final String IMPROVING = "improving";
  public static final String STABLE = "stable";
  public static final String NEW = "new";
  public static final String SUPPRESSED = "suppressed";
  static final double ALPHA = 0.05;

  private GapTrend() {}

  public static Dataset<Row> trend(
      Dataset<Row> items,
      Dataset<Row> customersAsOf,
      List<String> dimensions,
      int minRespondents,
      AnalysisWindow window,
      double minDelta) {
    AnalysisWindow prev = window.previous();
    Dataset<Row> both =
        items
            .where(window.contains(col(RESPONSE_DATE)).or(prev.contains(col(RESPONSE_DATE))))
            .withColumn("_cur", window.contains(col(RESPONSE_DATE)));
    Dataset<Row> cells =
        SegmentCuts.explode(both, customersAsOf, dimensions)
            .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT)
            .agg(
                count(when(col("_cur"), lit(1))).as("responses"),
                count(when(not(col("_cur")), lit(1))).as("previous_responses"),
                avg(when(col("_cur"), col(GAP))).as("_m1"),
                var_samp(when(col("_cur"), col(GAP))).as("_v1"),
                avg(when(not(col("_cur")), col(GAP))).as("_m2"),
                var_samp(when(not(col("_cur")), col(GAP))).as("_v2"))
            .where(col("responses").gt(0))
            .join(
                SegmentCuts.respondents(both, customersAsOf, dimensions, col("_cur")),
                SegmentCuts.cellKeys())
            .withColumnRenamed(SegmentCuts.RESPONDENTS_IN, "respondents")
            .withColumnRenamed(SegmentCuts.RESPONDENTS_OUT, "previous_respondents");
    Column isNew = col("previous_responses").equalTo(0);
    Column suppressed =
        not(isNew)
            .and(
                col("respondents")
                    .lt(minRespondents)
                    .or(col("previous_respondents").lt(minRespondents)))
            .or(isNew.and(col("respondents").lt(minRespondents)));
    Column delta = when(not(suppressed).and(not(isNew)), col("_m1").minus(col("_m2")));
    Column p =
        when(
            not(suppressed).and(not(isNew)),
            Stats.WELCH_P.apply(
                col("_m1"),
                col("_v1"),
                col("responses"),
                col("_m2"),
                col("_v2"),
                col("previous_responses")));
    Column significant = col("p_value").lt(ALPHA);
    Column direction =
        when(suppressed, lit(SUPPRESSED))
            .when(isNew, lit(NEW))
            .when(col("delta").leq(-minDelta).and(significant), lit(DETERIORATING))
            .when(col("delta").geq(minDelta).and(significant), lit(IMPROVING))
            .otherwise(lit(STABLE));
    return cells
        .withColumn("delta", delta)
        .withColumn("p_value", p)
        .select(
            lit(java.sql.Date.valueOf(window.end())).as(AS_OF_DATE),
            lit(window.days()).as(WINDOW_DAYS),
            col(SEGMENT_DIMENSION),
            col(SEGMENT_VALUE),
            col(TOUCHPOINT),
            when(not(suppressed), col("_m1")).as("gap_mean"),
            when(not(suppressed), col("_m2")).as("previous_gap_mean"),
            col("delta"),
            col("p_value"),
            direction.as("direction"),
            col("respondents"),
            col("previous_respondents"),
            col("responses"),
            col("previous_responses"),
            suppressed.as("suppressed"))
        .orderBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT);
  }
}

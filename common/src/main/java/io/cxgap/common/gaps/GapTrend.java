package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.stats.FalseDiscovery;
import io.cxgap.common.stats.TTests;
import io.cxgap.common.stats.TrendDirection;
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
 * <p>{@code q_value} is the Benjamini–Hochberg adjusted p over the date's non-null p-values ({@link
 * FalseDiscovery}). Directions: {@code deteriorating} when delta ≤ −minDelta and q < 0.05, {@code
 * improving} when delta ≥ minDelta and q < 0.05, else {@code stable}; a cell with no responses in
 * the previous window is {@code new} (null delta); a cell below min-respondents in either window is
 * {@code suppressed} (null means, delta and p). Cells with no responses in the current window are
 * left out.
 */
public final class GapTrend {

  private GapTrend() {}

  public static Dataset<Row> trend(
      Dataset<Row> items,
      Dataset<Row> customersAsOf,
      List<String> dimensions,
      int minRespondents,
      AnalysisWindow window,
      double minDelta) {
    Dataset<Row> both =
        window.itemsWithPrevious(items).withColumn("_cur", window.contains(col(RESPONSE_DATE)));
    Dataset<Row> cells =
        SegmentCuts.explode(both, customersAsOf, dimensions)
            .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT)
            .agg(
                count(when(col("_cur"), lit(1))).as(GapColumns.RESPONSES),
                count(when(not(col("_cur")), lit(1))).as(GapColumns.PREVIOUS_RESPONSES),
                avg(when(col("_cur"), col(GAP))).as("_m1"),
                var_samp(when(col("_cur"), col(GAP))).as("_v1"),
                avg(when(not(col("_cur")), col(GAP))).as("_m2"),
                var_samp(when(not(col("_cur")), col(GAP))).as("_v2"))
            .where(col(GapColumns.RESPONSES).gt(0))
            .join(
                SegmentCuts.respondents(both, customersAsOf, dimensions, col("_cur")),
                SegmentCuts.cellKeys())
            .withColumnRenamed(SegmentCuts.RESPONDENTS_IN, GapColumns.RESPONDENTS)
            .withColumnRenamed(SegmentCuts.RESPONDENTS_OUT, GapColumns.PREVIOUS_RESPONDENTS);
    Column isNew = col(GapColumns.PREVIOUS_RESPONSES).equalTo(0);
    Column suppressed =
        not(isNew)
            .and(
                col(GapColumns.RESPONDENTS)
                    .lt(minRespondents)
                    .or(col(GapColumns.PREVIOUS_RESPONDENTS).lt(minRespondents)))
            .or(isNew.and(col(GapColumns.RESPONDENTS).lt(minRespondents)));
    Column delta = when(not(suppressed).and(not(isNew)), col("_m1").minus(col("_m2")));
    Column p =
        when(
            not(suppressed).and(not(isNew)),
            TTests.WELCH_P.apply(
                col("_m1"),
                col("_v1"),
                col(GapColumns.RESPONSES),
                col("_m2"),
                col("_v2"),
                col(GapColumns.PREVIOUS_RESPONSES)));
    Dataset<Row> tested =
        cells.select(
            lit(java.sql.Date.valueOf(window.end())).as(AS_OF_DATE),
            lit(window.days()).as(WINDOW_DAYS),
            col(SEGMENT_DIMENSION),
            col(SEGMENT_VALUE),
            col(TOUCHPOINT),
            when(not(suppressed), col("_m1")).as(GapColumns.GAP_MEAN),
            when(not(suppressed), col("_m2")).as(GapColumns.PREVIOUS_GAP_MEAN),
            delta.as(GapColumns.DELTA),
            p.as(GapColumns.P_VALUE),
            col(GapColumns.RESPONDENTS),
            col(GapColumns.PREVIOUS_RESPONDENTS),
            col(GapColumns.RESPONSES),
            col(GapColumns.PREVIOUS_RESPONSES),
            suppressed.as(GapColumns.SUPPRESSED));
    Column direction =
        TrendDirection.of(
            col(GapColumns.SUPPRESSED),
            col(GapColumns.PREVIOUS_RESPONSES).equalTo(0),
            lit(false),
            col(GapColumns.DELTA),
            col(GapColumns.Q_VALUE),
            minDelta);
    return FalseDiscovery.withQValue(tested, GapColumns.P_VALUE, GapColumns.Q_VALUE, AS_OF_DATE)
        .withColumn(GapColumns.DIRECTION, direction)
        .select(GapColumns.GAP_TREND.stream().map(c -> col(c)).toArray(Column[]::new))
        .orderBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT);
  }
}

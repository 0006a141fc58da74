package io.cxgap.common.nps;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.nps.NpsColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.gaps.SegmentCuts;
import io.cxgap.common.stats.FalseDiscovery;
import io.cxgap.common.stats.TrendDirection;
import io.cxgap.common.transform.AnalysisWindow;
import java.util.List;
import org.apache.commons.math3.special.Erf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code gold.nps_segment} (DESIGN.md §5): the Net Promoter Score of each segment cut over the
 * window ending D, with its adjusted-Wald interval, against the previous window of the same length.
 *
 * <p>The unit is a survey response with an {@code overall_nps}: a response counts once, however
 * many items it has; where its items carry different values, the response's value is their mean.
 * Promoters have a value of at least 9, detractors at most 6. Both windows are cut by the CRM state
 * as of D, as in {@link io.cxgap.common.gaps.GapTrend}. Interval: n' = n + 3, p' = (promoters +
 * 0.75)/n', d' = (detractors + 0.75)/n', se = sqrt((p' + d' − (p' − d')²)/n'), 100·((p' − d') ±
 * 1.96·se) clipped to [−100, 100]. The test: z = (p' − d' now − p' − d' before)/sqrt(se_now² +
 * se_before²), two-sided normal p; {@code q_value} is the Benjamini–Hochberg q over the date's
 * p-values ({@link FalseDiscovery}).
 *
 * <p>Directions as in gap_trend, with delta in NPS points: {@code suppressed} when the current
 * window has fewer than min-respondents customers (then every share, score, interval and test is
 * null; responses and respondents stay) or when the previous window has some but too few (then the
 * previous score and the test are null); {@code new} when the previous window has no responses;
 * else {@code deteriorating}, {@code improving} or {@code stable} on delta and q < 0.05. Cuts
 * without a response in the current window are left out.
 */
public final class NpsSegment {
  static final double Z975 = 1.96;

  private static final String CUR = "_cur";
  private static final String VALUE = "_nps";
  private static final String N = "_n";
  private static final String P = "_p";
  private static final String D = "_d";

  private NpsSegment() {}

  public static Dataset<Row> nps(
      Dataset<Row> items,
      Dataset<Row> customersAsOf,
      List<String> dimensions,
      int minRespondents,
      AnalysisWindow window,
      double minDelta) {
    Dataset<Row> responses =
        window
            .itemsWithPrevious(items)
            .where(col(CUSTOMER_ID).isNotNull())
            .groupBy(col(CUSTOMER_ID), col(RESPONSE_ID))
            .agg(avg(col(OVERALL_NPS)).as(VALUE), min(col(RESPONSE_DATE)).as(RESPONSE_DATE))
            .where(col(VALUE).isNotNull());
    // per customer and window first: a customer is one row per window, so counting rows per cut
    // counts distinct customers
    Dataset<Row> perCustomer =
        responses
            .groupBy(col(CUSTOMER_ID), window.contains(col(RESPONSE_DATE)).as(CUR))
            .agg(
                count(lit(1)).as(N),
                count(when(col(VALUE).geq(9), lit(1))).as(P),
                count(when(col(VALUE).leq(6), lit(1))).as(D));
    Column cur = col(CUR);
    Column before = not(cur);
    Dataset<Row> cells =
        SegmentCuts.explode(perCustomer, customersAsOf, dimensions)
            .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE)
            .agg(
                coalesce(sum(when(cur, col(N))), lit(0L)).as(RESPONSES),
                count(when(cur, lit(1))).as(RESPONDENTS),
                coalesce(sum(when(cur, col(P))), lit(0L)).as(P + 1),
                coalesce(sum(when(cur, col(D))), lit(0L)).as(D + 1),
                coalesce(sum(when(before, col(N))), lit(0L)).as(PREVIOUS_RESPONSES),
                count(when(before, lit(1))).as(PREVIOUS_RESPONDENTS),
                coalesce(sum(when(before, col(P))), lit(0L)).as(P + 0),
                coalesce(sum(when(before, col(D))), lit(0L)).as(D + 0))
            .where(col(RESPONSES).gt(0));
    return FalseDiscovery.withQValue(
            tested(cells, window, minRespondents), P_VALUE, Q_VALUE, AS_OF_DATE)
        .withColumn(DIRECTION, direction(minDelta))
        .select(NPS_SEGMENT.stream().map(c -> col(c)).toArray(Column[]::new))
        .orderBy(SEGMENT_DIMENSION, SEGMENT_VALUE);
  }

  /** Every column but q_value and direction, from the cells' counts. */
  private static Dataset<Row> tested(Dataset<Row> cells, AnalysisWindow window, int min) {
    Column n = col(RESPONSES);
    Column promoters = col(P + 1);
    Column detractors = col(D + 1);
    Column n0 = col(PREVIOUS_RESPONSES);
    Column suppressed = col(RESPONDENTS).lt(min);
    Column compared = not(suppressed).and(col(PREVIOUS_RESPONDENTS).geq(min));
    Column diff1 = adjustedDiff(n, promoters, detractors);
    Column diff0 = adjustedDiff(n0, col(P + 0), col(D + 0));
    Column z =
        diff1
            .minus(diff0)
            .divide(
                sqrt(
                    adjustedVariance(n, promoters, detractors)
                        .plus(adjustedVariance(n0, col(P + 0), col(D + 0)))));
    Column se1 = sqrt(adjustedVariance(n, promoters, detractors));
    Column nps = score(n, promoters, detractors);
    Column previous = score(n0, col(P + 0), col(D + 0));
    Column shown = not(suppressed);
    return cells.select(
        lit(java.sql.Date.valueOf(window.end())).as(AS_OF_DATE),
        lit(window.days()).as(WINDOW_DAYS),
        col(SEGMENT_DIMENSION),
        col(SEGMENT_VALUE),
        n.as(RESPONSES),
        col(RESPONDENTS),
        when(shown, promoters).as(PROMOTERS),
        when(shown, n.minus(promoters).minus(detractors)).as(PASSIVES),
        when(shown, detractors).as(DETRACTORS),
        when(shown, promoters.divide(n)).as(PROMOTER_SHARE),
        when(shown, n.minus(promoters).minus(detractors).divide(n)).as(PASSIVE_SHARE),
        when(shown, detractors.divide(n)).as(DETRACTOR_SHARE),
        when(shown, nps).as(NPS),
        when(shown, clip(diff1.minus(se1.multiply(Z975)).multiply(100))).as(NPS_CI95_LOW),
        when(shown, clip(diff1.plus(se1.multiply(Z975)).multiply(100))).as(NPS_CI95_HIGH),
        n0.as(PREVIOUS_RESPONSES),
        col(PREVIOUS_RESPONDENTS),
        when(compared, previous).as(PREVIOUS_NPS),
        when(compared, nps.minus(previous)).as(DELTA),
        when(compared, TWO_SIDED_P.apply(z)).as(P_VALUE),
        suppressed.as(SUPPRESSED));
  }

  private static Column direction(double minDelta) {
    return TrendDirection.of(
        col(SUPPRESSED),
        col(PREVIOUS_RESPONSES).equalTo(0),
        col(P_VALUE).isNull(),
        col(DELTA),
        col(Q_VALUE),
        minDelta);
  }

  /** 100·(promoters − detractors)/n. */
  private static Column score(Column n, Column promoters, Column detractors) {
    return promoters.minus(detractors).multiply(100.0).divide(n);
  }

  /** p' − d' of the adjusted Wald interval. */
  private static Column adjustedDiff(Column n, Column promoters, Column detractors) {
    return promoters.minus(detractors).divide(n.plus(3));
  }

  /** se² = (p' + d' − (p' − d')²)/n' of the adjusted Wald interval. */
  private static Column adjustedVariance(Column n, Column promoters, Column detractors) {
    Column n1 = n.plus(3);
    Column sum = promoters.plus(detractors).plus(1.5).divide(n1);
    Column diff = adjustedDiff(n, promoters, detractors);
    return sum.minus(diff.multiply(diff)).divide(n1);
  }

  private static Column clip(Column v) {
    return greatest(lit(-100.0), least(lit(100.0), v));
  }

  /** Two-sided p of a standard normal z: erfc(|z|/√2); null for null z. */
  static Double twoSidedP(Double z) {
    return z == null ? null : Erf.erfc(Math.abs(z) / Math.sqrt(2));
  }

  private static final UserDefinedFunction TWO_SIDED_P =
      udf((UDF1<Double, Double>) NpsSegment::twoSidedP, DataTypes.DoubleType);
}

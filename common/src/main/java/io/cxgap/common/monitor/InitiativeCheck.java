package io.cxgap.common.monitor;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.monitor.InitiativeColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.gaps.SegmentCuts;
import io.cxgap.common.stats.TTests;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.initiative_check} (DESIGN.md §5): one row per (as_of_date, initiative), saying
 * whether the gap of the initiative's touchpoint in its segment cut has changed as expected. Pure:
 * Datasets and values in, a Dataset out.
 *
 * <p>Periods: the baseline is the cell's items in the window-days days before {@code started}
 * ({@code started − window .. started − 1}); the current period is the window ending D, clipped to
 * start no earlier than {@code started}. Segments are the CRM state as of D for both periods, as in
 * gap_trend. {@code observed_change} = current − baseline mean item gap, with Welch's interval
 * (Welch–Satterthwaite degrees of freedom, t quantile) and two-sided p. {@code control_change} is
 * the same change over the same cut's items on every other touchpoint, pooled; {@code did_change} =
 * observed − control, with se = sqrt(se_obs² + se_ctrl²) (the four periods' samples treated as
 * independent) and Welch–Satterthwaite df over the four samples, Σ(v/n)² / Σ((v/n)²/(n − 1)).
 *
 * <p>Status, first that applies: {@code not_started} (D before started), {@code insufficient_data}
 * (either period of the cell below min-respondents distinct customers), {@code achieved} (the
 * observed CI95 bound on the expected side reaches expected_change), {@code missed} (D on or after
 * due), {@code on_track} (observed_change on the expected side of expected_to_date = elapsed_share
 * · expected_change, inclusive), else {@code behind}.
 *
 * <p>Nulls: respondents are always counted (0 where none); a period's gap is null below
 * min-respondents (and the current gap before started); the change, its interval, p, control and
 * DiD are null unless the status is achieved, missed, on_track or behind; control_change and the
 * DiD columns are also null when the cut's other touchpoints have fewer than min-respondents
 * customers in either period. An interval is null where a sample has fewer than two items.
 */
public final class InitiativeCheck {
  private static final String IID = "_iid";
  private static final String B0 = "_b0";
  private static final String B1 = "_b1";
  private static final String C0 = "_c0";

  private InitiativeCheck() {}

  /**
   * @param items silver survey items (any dates): customer_id, touchpoint, response_date, gap
   * @param customersAsOf the CRM as of D: customer_id and the initiatives' segment dimensions
   * @param windowDays cx.window-days: the baseline's length and the current period's longest
   * @param asOf the run date D
   */
  public static Dataset<Row> check(
      Dataset<Row> items,
      Dataset<Row> customersAsOf,
      List<Initiative> initiatives,
      int windowDays,
      int minRespondents,
      LocalDate asOf) {
    Dataset<Row> declared = declared(items, initiatives, windowDays, asOf);
    List<String> dims =
        initiatives.stream()
            .filter(i -> !i.isTotal())
            .map(Initiative::segmentDimension)
            .distinct()
            .toList();
    LocalDate from =
        initiatives.stream()
            .map(i -> i.started().minusDays(windowDays))
            .min(LocalDate::compareTo)
            .orElse(asOf);
    Dataset<Row> cut =
        SegmentCuts.explode(
            items.where(
                col(RESPONSE_DATE).between(lit(Date.valueOf(from)), lit(Date.valueOf(asOf)))),
            customersAsOf,
            dims);
    Dataset<Row> inCell =
        cut.join(
                broadcast(
                    declared
                        .select(IID, SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT, B0, B1, C0)
                        .withColumnRenamed(TOUCHPOINT, "_tp")),
                new String[] {SEGMENT_DIMENSION, SEGMENT_VALUE})
            .withColumn("_base", col(RESPONSE_DATE).between(col(B0), col(B1)))
            .withColumn("_cur", col(RESPONSE_DATE).between(col(C0), lit(Date.valueOf(asOf))))
            .withColumn("_target", col(TOUCHPOINT).equalTo(col("_tp")));
    Column target = col("_target");
    Column base = col("_base");
    Column cur = col("_cur");
    List<Column> aggs = new ArrayList<>();
    aggs.addAll(sample("tb", target.and(base)));
    aggs.addAll(sample("tc", target.and(cur)));
    aggs.addAll(sample("cb", not(target).and(base)));
    aggs.addAll(sample("cc", not(target).and(cur)));
    Dataset<Row> samples =
        inCell
            .where(base.or(cur))
            .groupBy(IID)
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    return finish(declared.join(samples, new String[] {IID}, "left"), minRespondents, asOf)
        .orderBy(INITIATIVE_ID);
  }

  /** n, mean, variance and distinct customers of the gap over the rows where {@code in} holds. */
  private static List<Column> sample(String s, Column in) {
    return List.of(
        count(when(in, lit(1))).as(s + "_n"),
        avg(when(in, col(GAP))).as(s + "_m"),
        var_samp(when(in, col(GAP))).as(s + "_v"),
        countDistinct(when(in, col(CUSTOMER_ID))).as(s + "_r"));
  }

  /** The initiatives as a small frame with their periods, elapsed share and expected path. */
  static Dataset<Row> declared(
      Dataset<Row> items, List<Initiative> initiatives, int windowDays, LocalDate asOf) {
    StructType schema =
        new StructType()
            .add(IID, DataTypes.StringType, false)
            .add(NAME, DataTypes.StringType, false)
            .add(TOUCHPOINT, DataTypes.StringType, false)
            .add(SEGMENT_DIMENSION, DataTypes.StringType, false)
            .add(SEGMENT_VALUE, DataTypes.StringType, false)
            .add(STARTED, DataTypes.DateType, false)
            .add(DUE, DataTypes.DateType, false)
            .add(EXPECTED_CHANGE, DataTypes.DoubleType, false)
            .add(B0, DataTypes.DateType, false)
            .add(B1, DataTypes.DateType, false)
            .add(C0, DataTypes.DateType, false)
            .add(ELAPSED_SHARE, DataTypes.DoubleType, false)
            .add(EXPECTED_TO_DATE, DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (Initiative i : initiatives) {
      LocalDate windowStart = asOf.minusDays(windowDays - 1L);
      LocalDate c0 = i.started().isAfter(windowStart) ? i.started() : windowStart;
      double share = elapsedShare(i, asOf);
      rows.add(
          RowFactory.create(
              i.id(),
              i.name(),
              i.touchpoint(),
              i.segmentDimension(),
              i.segmentValue(),
              Date.valueOf(i.started()),
              Date.valueOf(i.due()),
              i.expectedChange(),
              Date.valueOf(i.started().minusDays(windowDays)),
              Date.valueOf(i.started().minusDays(1)),
              Date.valueOf(c0),
              share,
              share * i.expectedChange()));
    }
    return items.sparkSession().createDataFrame(rows, schema);
  }

  /** clamp((D − started) / (due − started), 0, 1), in days. */
  static double elapsedShare(Initiative i, LocalDate asOf) {
    double done = ChronoUnit.DAYS.between(i.started(), asOf);
    double all = ChronoUnit.DAYS.between(i.started(), i.due());
    return Math.max(0, Math.min(1, done / all));
  }

  private static Dataset<Row> finish(Dataset<Row> cells, int min, LocalDate asOf) {
    Column d = lit(Date.valueOf(asOf));
    Column notStarted = d.lt(col(STARTED));
    Column baseShown = respondents("tb").geq(min);
    Column curShown = not(notStarted).and(respondents("tc").geq(min));
    Column tested = baseShown.and(curShown);
    Column controlled = tested.and(respondents("cb").geq(min)).and(respondents("cc").geq(min));
    Column obs = col("tc_m").minus(col("tb_m"));
    Column obsVar = share("tc").plus(share("tb"));
    Column obsHalf = half(obsVar, dfTerm("tc").plus(dfTerm("tb")));
    Column ctrl = col("cc_m").minus(col("cb_m"));
    Column did = obs.minus(ctrl);
    Column didVar = obsVar.plus(share("cc")).plus(share("cb"));
    Column didHalf =
        half(didVar, dfTerm("tc").plus(dfTerm("tb")).plus(dfTerm("cc")).plus(dfTerm("cb")));
    Column up = col(EXPECTED_CHANGE).gt(0);
    Column achieved =
        when(up, obs.minus(obsHalf).geq(col(EXPECTED_CHANGE)))
            .otherwise(obs.plus(obsHalf).leq(col(EXPECTED_CHANGE)));
    Column onTrack =
        when(up, obs.geq(col(EXPECTED_TO_DATE))).otherwise(obs.leq(col(EXPECTED_TO_DATE)));
    Column status =
        when(notStarted, lit(NOT_STARTED))
            .when(not(tested), lit(INSUFFICIENT_DATA))
            .when(coalesce(achieved, lit(false)), lit(ACHIEVED))
            .when(d.geq(col(DUE)), lit(MISSED))
            .when(onTrack, lit(ON_TRACK))
            .otherwise(lit(BEHIND));
    return cells.select(
        d.as(AS_OF_DATE),
        col(IID).as(INITIATIVE_ID),
        col(NAME),
        col(TOUCHPOINT),
        col(SEGMENT_DIMENSION),
        col(SEGMENT_VALUE),
        col(STARTED),
        col(DUE),
        col(EXPECTED_CHANGE),
        respondents("tb").as(BASELINE_RESPONDENTS),
        when(notStarted, lit(0L)).otherwise(respondents("tc")).as(CURRENT_RESPONDENTS),
        when(baseShown, col("tb_m")).as(BASELINE_GAP),
        when(curShown, col("tc_m")).as(CURRENT_GAP),
        when(tested, obs).as(OBSERVED_CHANGE),
        when(tested, obs.minus(obsHalf)).as(OBSERVED_CI95_LOW),
        when(tested, obs.plus(obsHalf)).as(OBSERVED_CI95_HIGH),
        when(
                tested,
                TTests.WELCH_P.apply(
                    col("tc_m"), col("tc_v"), col("tc_n"), col("tb_m"), col("tb_v"), col("tb_n")))
            .as(P_VALUE),
        when(controlled, ctrl).as(CONTROL_CHANGE),
        when(controlled, did).as(DID_CHANGE),
        when(controlled, did.minus(didHalf)).as(DID_CI95_LOW),
        when(controlled, did.plus(didHalf)).as(DID_CI95_HIGH),
        col(ELAPSED_SHARE),
        col(EXPECTED_TO_DATE),
        status.as(STATUS));
  }

  private static Column respondents(String s) {
    return coalesce(col(s + "_r"), lit(0L));
  }

  /** v/n of a sample: its mean's squared standard error; null below two items. */
  private static Column share(String s) {
    return when(col(s + "_n").geq(2), col(s + "_v").divide(col(s + "_n")));
  }

  /** (v/n)² / (n − 1): a sample's term of the Welch–Satterthwaite denominator. */
  private static Column dfTerm(String s) {
    return pow(share(s), 2).divide(col(s + "_n").minus(1));
  }

  /**
   * t(0.975, df) · se with df = var² / Σ dfTerms (Welch–Satterthwaite); 0 where every sample is
   * constant (no spread, so the interval is the point).
   */
  private static Column half(Column var, Column dfTerms) {
    Column df = pow(var, 2).divide(dfTerms);
    return when(var.equalTo(0), lit(0.0)).otherwise(TTests.T975_DF.apply(df).multiply(sqrt(var)));
  }
}

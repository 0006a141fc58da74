package io.cxgap.common.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gold.alert on tiny hand-made slices of the tables it reads, D = 2026-10-31. Touchpoint ranks on
 * D: helpdesk_phone 2, onboarding 4, billing 5, web none (D − 1 ranks billing 1: ignored).
 *
 * <ul>
 *   <li>gap_trend: segment=SMB helpdesk_phone deteriorating (q 0.003, rank 2: high), total billing
 *       deteriorating (q 0.0004: high), region=North billing deteriorating (q 0.02, rank 5:
 *       medium), SMB web improving (no alert), and a deteriorating row of D − 1 (ignored).
 *   <li>nps_segment: SMB deteriorating (q 0.0002: high), tier=Gold deteriorating (q 0.04: medium),
 *       total stable.
 *   <li>gap_segment_touchpoint: Enterprise onboarding gap −20, CI −25..−15 below target 0
 *       (target_missed, medium); SMB helpdesk_phone CI high −4 above its target −5 (no
 *       target_missed) but zot_status below (zot_below, high); total web CI reaching 0.5 above
 *       target 0, and region=North billing CI high −10 equal to target −10 (not wholly below); a
 *       suppressed cell.
 *   <li>initiative_check: ivr-2026 behind (high: helpdesk_phone), bill-2026 missed (medium),
 *       web-2026 on_track.
 *   <li>previous alerts: SMB helpdesk_phone's gap alert fired on D − 1 since 10-28; SMB's NPS alert
 *       fired on D − 2 only; a target_missed of D − 1 that does not fire on D.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final Date DD = Date.valueOf(D);
  static final Date D1 = Date.valueOf(D.minusDays(1));
  final Map<String, Row> alerts = new LinkedHashMap<>();

  static final StructType TREND =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("window_days", DataTypes.IntegerType)
          .add("segment_dimension", DataTypes.StringType)
          .add("segment_value", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("gap_mean", DataTypes.DoubleType)
          .add("previous_gap_mean", DataTypes.DoubleType)
          .add("delta", DataTypes.DoubleType)
          .add("q_value", DataTypes.DoubleType)
          .add("direction", DataTypes.StringType);
  static final StructType NPS =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("window_days", DataTypes.IntegerType)
          .add("segment_dimension", DataTypes.StringType)
          .add("segment_value", DataTypes.StringType)
          .add("nps", DataTypes.DoubleType)
          .add("previous_nps", DataTypes.DoubleType)
          .add("delta", DataTypes.DoubleType)
          .add("q_value", DataTypes.DoubleType)
          .add("direction", DataTypes.StringType);
  static final StructType CELLS =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("segment_dimension", DataTypes.StringType)
          .add("segment_value", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("gap_mean", DataTypes.DoubleType)
          .add("gap_ci95_low", DataTypes.DoubleType)
          .add("gap_ci95_high", DataTypes.DoubleType)
          .add("target_gap", DataTypes.DoubleType)
          .add("meets_target", DataTypes.BooleanType)
          .add("suppressed", DataTypes.BooleanType)
          .add("msa_mean", DataTypes.DoubleType)
          .add("msa_ci95_high", DataTypes.DoubleType)
          .add("zot_status", DataTypes.StringType);
  static final StructType DRIVERS =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("touchpoint", DataTypes.StringType)
          .add("priority_rank", DataTypes.IntegerType);
  static final StructType CHECKS =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("initiative_id", DataTypes.StringType)
          .add("name", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("segment_dimension", DataTypes.StringType)
          .add("segment_value", DataTypes.StringType)
          .add("due", DataTypes.DateType)
          .add("expected_change", DataTypes.DoubleType)
          .add("observed_change", DataTypes.DoubleType)
          .add("expected_to_date", DataTypes.DoubleType)
          .add("status", DataTypes.StringType);
  static final StructType PREVIOUS =
      new StructType()
          .add("as_of_date", DataTypes.DateType)
          .add("alert_key", DataTypes.StringType)
          .add("first_seen", DataTypes.DateType);

  static Dataset<Row> frame(StructType schema, Object[]... rows) {
    List<Row> out = new ArrayList<>();
    Arrays.stream(rows).forEach(r -> out.add(RowFactory.create(r)));
    return spark().createDataFrame(out, schema);
  }

  static Object[] r(Object... cells) {
    return cells;
  }

  static Date day(String d) {
    return Date.valueOf(d);
  }

  @BeforeAll
  void compute() {
    Dataset<Row> trend =
        frame(
            TREND,
            r(
                DD,
                90,
                "segment",
                "SMB",
                "helpdesk_phone",
                -15.0,
                -5.0,
                -10.0,
                0.003,
                "deteriorating"),
            r(DD, 90, "total", "all", "billing", -12.0, -4.0, -8.0, 0.0004, "deteriorating"),
            r(DD, 90, "region", "North", "billing", -10.0, -4.0, -6.0, 0.02, "deteriorating"),
            r(DD, 90, "segment", "SMB", "web", -1.0, -9.0, 8.0, 0.001, "improving"),
            r(D1, 90, "segment", "SMB", "web", -9.0, -1.0, -8.0, 0.001, "deteriorating"));
    Dataset<Row> nps =
        frame(
            NPS,
            r(DD, 90, "segment", "SMB", 5.0, 20.0, -15.0, 0.0002, "deteriorating"),
            r(DD, 90, "tier", "Gold", 30.0, 38.0, -8.0, 0.04, "deteriorating"),
            r(DD, 90, "total", "all", 40.0, 41.0, -1.0, 0.8, "stable"));
    Dataset<Row> cells =
        frame(
            CELLS,
            cell(DD, "segment", "Enterprise", "onboarding", -20.0, -25.0, -15.0, 0.0, false),
            cell(DD, "segment", "SMB", "helpdesk_phone", -8.0, -12.0, -4.0, -5.0, false),
            cell(DD, "total", "all", "web", -3.0, -6.5, 0.5, 0.0, false),
            cell(DD, "region", "North", "billing", -12.0, -14.0, -10.0, -10.0, false),
            r(DD, "segment", "Tiny", "web", null, null, null, 0.0, null, true, null, null, null));
    Dataset<Row> drivers =
        frame(
            DRIVERS,
            r(DD, "helpdesk_phone", 2),
            r(DD, "onboarding", 4),
            r(DD, "billing", 5),
            r(DD, "web", null),
            r(D1, "billing", 1));
    Dataset<Row> checks =
        frame(
            CHECKS,
            r(
                DD,
                "ivr-2026",
                "New phone menu",
                "helpdesk_phone",
                "segment",
                "SMB",
                day("2026-12-31"),
                10.0,
                2.0,
                5.0,
                "behind"),
            r(
                DD,
                "bill-2026",
                "Clear invoices",
                "billing",
                "total",
                "all",
                day("2026-10-15"),
                8.0,
                3.0,
                8.0,
                "missed"),
            r(
                DD,
                "web-2026",
                "Faster web",
                "web",
                "total",
                "all",
                day("2027-01-31"),
                5.0,
                2.0,
                1.0,
                "on_track"));
    Dataset<Row> previous =
        frame(
            PREVIOUS,
            r(D1, "gap_deteriorating|segment=SMB|helpdesk_phone", day("2026-10-28")),
            r(Date.valueOf(D.minusDays(2)), "nps_deteriorating|segment=SMB", day("2026-10-29")),
            r(D1, "target_missed|segment=SMB|web", day("2026-10-30")));
    for (Row row :
        Alerts.alerts(new Alerts.Inputs(trend, nps, cells, drivers, checks, previous), D)
            .collectAsList()) {
      alerts.put(row.getAs("alert_key"), row);
    }
  }

  private static double d(Row r, String c) {
    return r.<Double>getAs(c);
  }

  @Test
  void columns_areTheTablesColumns_andEveryKindFiresWhereItShould() {
    assertThat(alerts.values().iterator().next().schema().fieldNames())
        .containsExactlyElementsOf(AlertColumns.ALERT);
    assertThat(alerts)
        .containsOnlyKeys(
            "gap_deteriorating|segment=SMB|helpdesk_phone",
            "gap_deteriorating|total|billing",
            "gap_deteriorating|region=North|billing",
            "nps_deteriorating|segment=SMB",
            "nps_deteriorating|tier=Gold",
            "target_missed|segment=Enterprise|onboarding",
            "zot_below|segment=SMB|helpdesk_phone",
            "initiative_behind|segment=SMB|ivr-2026",
            "initiative_missed|total|bill-2026");
    alerts.values().forEach(a -> assertThat(a.<Date>getAs("as_of_date")).isEqualTo(DD));
  }

  @Test
  void gapDeteriorating_carriesTheTrend_andIsHighForATopThreeTouchpoint() {
    Row a = alerts.get("gap_deteriorating|segment=SMB|helpdesk_phone");
    assertThat(a.<String>getAs("kind")).isEqualTo("gap_deteriorating");
    assertThat(a.<String>getAs("segment_dimension")).isEqualTo("segment");
    assertThat(a.<String>getAs("segment_value")).isEqualTo("SMB");
    assertThat(a.<String>getAs("touchpoint")).isEqualTo("helpdesk_phone");
    assertThat(a.<String>getAs("metric")).isEqualTo("gap_mean");
    assertThat(d(a, "value")).isEqualTo(-15.0);
    assertThat(d(a, "reference")).isEqualTo(-5.0);
    assertThat(d(a, "q_value")).isEqualTo(0.003);
    assertThat(a.<String>getAs("severity")).as("rank 2, q 0.003").isEqualTo("high");
    assertThat(a.<String>getAs("message"))
        .isEqualTo(
            "helpdesk_phone gap for segment=SMB fell from -5.0 to -15.0 points (-10.0, q = 0.0030)"
                + " against the previous 90 days: find out what changed at this touchpoint.");
  }

  @Test
  void severity_isHighBelowQ0001_elseMediumOutsideTheTopThree() {
    Row total = alerts.get("gap_deteriorating|total|billing");
    assertThat(total.<String>getAs("severity")).as("rank 5, q 0.0004").isEqualTo("high");
    assertThat(total.<String>getAs("message"))
        .startsWith("billing gap for all customers fell from -4.0 to -12.0 points (-8.0, q =");
    assertThat(alerts.get("gap_deteriorating|region=North|billing").<String>getAs("severity"))
        .as("rank 5 on D (rank 1 on D - 1 is not used), q 0.02")
        .isEqualTo("medium");
    assertThat(alerts.get("nps_deteriorating|tier=Gold").<String>getAs("severity"))
        .as("no touchpoint, q 0.04")
        .isEqualTo("medium");
    assertThat(alerts.get("target_missed|segment=Enterprise|onboarding").<String>getAs("severity"))
        .as("rank 4, no q")
        .isEqualTo("medium");
  }

  @Test
  void npsDeteriorating_hasNoTouchpoint_andIsHighBelowQ0001() {
    Row a = alerts.get("nps_deteriorating|segment=SMB");
    assertThat(a.<String>getAs("touchpoint")).isNull();
    assertThat(a.<String>getAs("metric")).isEqualTo("nps");
    assertThat(d(a, "value")).isEqualTo(5.0);
    assertThat(d(a, "reference")).isEqualTo(20.0);
    assertThat(d(a, "q_value")).isEqualTo(0.0002);
    assertThat(a.<String>getAs("severity")).isEqualTo("high");
    assertThat(a.<String>getAs("message"))
        .isEqualTo(
            "NPS for segment=SMB fell from 20.0 to 5.0 (-15.0 points, q = 0.00020) against the"
                + " previous 90 days: call back its detractors (gold.detractor_followup) and read"
                + " their comments.");
  }

  @Test
  void targetMissed_onlyWhenTheWholeIntervalIsBelowTheTarget() {
    Row a = alerts.get("target_missed|segment=Enterprise|onboarding");
    assertThat(a.<String>getAs("metric")).isEqualTo("gap_mean");
    assertThat(d(a, "value")).isEqualTo(-20.0);
    assertThat(d(a, "reference")).as("the target").isEqualTo(0.0);
    assertThat(a.<Double>getAs("q_value")).isNull();
    assertThat(a.<String>getAs("message"))
        .isEqualTo(
            "onboarding gap for segment=Enterprise is -20.0 points (95% CI -25.0 to -15.0), wholly"
                + " below its target of 0.0: plan an improvement for this touchpoint.");
    assertThat(alerts)
        .as("CI high -4 above target -5; CI up to 0.5; CI high equal to the target; suppressed")
        .doesNotContainKeys(
            "target_missed|segment=SMB|helpdesk_phone",
            "target_missed|total|web",
            "target_missed|region=North|billing",
            "target_missed|segment=Tiny|web");
  }

  @Test
  void zotBelow_comparesMsaWithTheAdequateLevel() {
    Row a = alerts.get("zot_below|segment=SMB|helpdesk_phone");
    assertThat(a.<String>getAs("metric")).isEqualTo("msa_mean");
    assertThat(d(a, "value")).isEqualTo(-6.0);
    assertThat(d(a, "reference")).isEqualTo(0.0);
    assertThat(a.<String>getAs("severity")).as("rank 2").isEqualTo("high");
    assertThat(a.<String>getAs("message"))
        .isEqualTo(
            "helpdesk_phone experience for segment=SMB is below the lowest level customers accept"
                + " (msa -6.0 points, 95% CI up to -2.0): fix this touchpoint before customers"
                + " leave.");
  }

  @Test
  void initiatives_behindAgainstThePathToDate_missedAgainstTheExpectedChange() {
    Row b = alerts.get("initiative_behind|segment=SMB|ivr-2026");
    assertThat(b.<String>getAs("touchpoint")).isEqualTo("helpdesk_phone");
    assertThat(b.<String>getAs("metric")).isEqualTo("observed_change");
    assertThat(d(b, "value")).isEqualTo(2.0);
    assertThat(d(b, "reference")).as("expected_to_date").isEqualTo(5.0);
    assertThat(b.<String>getAs("severity")).as("helpdesk_phone rank 2").isEqualTo("high");
    assertThat(b.<String>getAs("message"))
        .isEqualTo(
            "Initiative ivr-2026 (New phone menu) on helpdesk_phone for segment=SMB is behind: the"
                + " gap changed by +2.0 points, +5.0 expected by now and +10.0 by 2026-12-31:"
                + " review its rollout.");
    Row m = alerts.get("initiative_missed|total|bill-2026");
    assertThat(m.<String>getAs("segment_dimension")).isEqualTo("total");
    assertThat(m.<String>getAs("segment_value")).isEqualTo("all");
    assertThat(d(m, "value")).isEqualTo(3.0);
    assertThat(d(m, "reference")).as("expected_change").isEqualTo(8.0);
    assertThat(m.<Double>getAs("q_value")).isNull();
    assertThat(m.<String>getAs("severity")).as("billing rank 5").isEqualTo("medium");
    assertThat(m.<String>getAs("message"))
        .isEqualTo(
            "Initiative bill-2026 (Clear invoices) on billing for all customers missed its target:"
                + " the gap changed by +3.0 points against +8.0 expected by 2026-10-15: decide"
                + " whether to extend, change or stop it.");
  }

  @Test
  void firstSeen_carriesOverFromTheDayBefore_elseStartsToday() {
    Row kept = alerts.get("gap_deteriorating|segment=SMB|helpdesk_phone");
    assertThat(kept.<Date>getAs("first_seen")).isEqualTo(day("2026-10-28"));
    assertThat(kept.<Boolean>getAs("new")).isFalse();
    Row gap = alerts.get("nps_deteriorating|segment=SMB");
    assertThat(gap.<Date>getAs("first_seen")).as("fired on D - 2, not D - 1").isEqualTo(DD);
    assertThat(gap.<Boolean>getAs("new")).isTrue();
    assertThat(alerts.values().stream().filter(a -> !a.<Boolean>getAs("new")).count()).isEqualTo(1);
  }

  @Test
  void rows_newFirst_thenHigh_thenByKey() {
    assertThat(new ArrayList<>(alerts.keySet()))
        .containsExactly(
            "gap_deteriorating|total|billing",
            "initiative_behind|segment=SMB|ivr-2026",
            "nps_deteriorating|segment=SMB",
            "zot_below|segment=SMB|helpdesk_phone",
            "gap_deteriorating|region=North|billing",
            "initiative_missed|total|bill-2026",
            "nps_deteriorating|tier=Gold",
            "target_missed|segment=Enterprise|onboarding",
            "gap_deteriorating|segment=SMB|helpdesk_phone");
  }

  /** One deteriorating gap cell on the given days, nothing else. */
  private static List<Row> run(LocalDate date, Dataset<Row> previous, String... firingDays) {
    List<Object[]> rows = new ArrayList<>();
    for (String f : firingDays) {
      rows.add(
          r(day(f), 30, "segment", "SMB", "billing", -12.0, -2.0, -10.0, 0.01, "deteriorating"));
    }
    Dataset<Row> none = frame(DRIVERS);
    return Alerts.alerts(
            new Alerts.Inputs(
                frame(TREND, rows.toArray(new Object[0][])),
                frame(NPS),
                frame(CELLS),
                none,
                frame(CHECKS),
                previous),
            date)
        .collectAsList();
  }

  @Test
  void overConsecutiveRunDates_firesFiresAgainStops_andALaterFiringIsNew() {
    String[] firing = {"2026-11-01", "2026-11-02", "2026-11-05"};
    List<Row> history = new ArrayList<>();
    List<List<Row>> byDay = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      List<Row> today =
          run(
              LocalDate.of(2026, 11, i),
              history.isEmpty()
                  ? frame(PREVIOUS)
                  : spark().createDataFrame(history, history.get(0).schema()),
              firing);
      byDay.add(today);
      history.addAll(today);
    }
    String key = "gap_deteriorating|segment=SMB|billing";
    Row first = byDay.get(0).get(0);
    assertThat(first.<String>getAs("alert_key")).isEqualTo(key);
    assertThat(first.<Date>getAs("first_seen")).isEqualTo(day("2026-11-01"));
    assertThat(first.<Boolean>getAs("new")).as("11-01: fires").isTrue();
    Row second = byDay.get(1).get(0);
    assertThat(second.<Date>getAs("first_seen")).isEqualTo(day("2026-11-01"));
    assertThat(second.<Boolean>getAs("new")).as("11-02: fires again").isFalse();
    assertThat(byDay.get(2)).as("11-03: stops").isEmpty();
    assertThat(byDay.get(3)).as("11-04: still quiet").isEmpty();
    Row later = byDay.get(4).get(0);
    assertThat(later.<Date>getAs("first_seen")).as("11-05: a new run").isEqualTo(day("2026-11-05"));
    assertThat(later.<Boolean>getAs("new")).isTrue();
    assertThat(d(later, "value")).isCloseTo(-12.0, within(1e-12));
  }

  /**
   * A gap cell; the SMB helpdesk_phone one is also below its zone of tolerance (msa −6, CI high
   * −2).
   */
  static Object[] cell(
      Date d,
      String dim,
      String value,
      String tp,
      double gap,
      double low,
      double high,
      double target,
      boolean meets) {
    boolean below = tp.equals("helpdesk_phone");
    return r(
        d,
        dim,
        value,
        tp,
        gap,
        low,
        high,
        target,
        meets,
        false,
        below ? -6.0 : 2.0,
        below ? -2.0 : 4.0,
        below ? "below" : "within");
  }
}

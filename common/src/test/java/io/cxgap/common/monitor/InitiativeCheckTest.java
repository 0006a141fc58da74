package io.cxgap.common.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gold.initiative_check on a tiny frame: D = 2026-10-31, window 10 days, min-respondents 2.
 *
 * <ul>
 *   <li>ok (segment=SMB, billing, started 10-26, due 11-05, +10): baseline 10-16..10-25 gaps -10,
 *       -12, -8; current 10-26..10-31 (the window 10-22..10-31 clipped at started) -4, -2, -6. A
 *       +50 on 10-15 is before the baseline and counts nowhere. Control (SMB's app): 0, 2, -2 then
 *       1, 3, -1.
 *   <li>win (segment=Enterprise, app, +5): -20, -22 then 0, 2: achieved. No control (Enterprise's
 *       billing has one customer in the baseline).
 *   <li>late (total, website, started 10-10, due 10-30, +10): 0, 2 then 1, 1: missed.
 *   <li>slow (region=North, delivery, -10): 0, 2 then 0, 0: behind (expected to date -5).
 *   <li>future (total, billing, started 11-10): not_started.
 *   <li>thin (segment=Enterprise, billing, +5): one customer in the baseline: insufficient_data.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InitiativeCheckTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final LocalDate STARTED = LocalDate.of(2026, 10, 26);
  static final LocalDate DUE = LocalDate.of(2026, 11, 5);
  Map<String, Row> rows = new HashMap<>();
  List<String> columns;

  static Row item(String customer, String touchpoint, String date, double gap) {
    return RowFactory.create(customer, touchpoint, Date.valueOf(date), gap);
  }

  static Initiative initiative(
      String id, String dim, String value, String tp, LocalDate started, LocalDate due, double e) {
    return new Initiative(id, "the " + id, tp, dim, value, started, due, e);
  }

  @BeforeAll
  void compute() {
    StructType items =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("touchpoint", DataTypes.StringType)
            .add("response_date", DataTypes.DateType)
            .add("gap", DataTypes.DoubleType);
    List<Row> it =
        List.of(
            // ok: SMB billing, and its control SMB app
            item("C1", "billing", "2026-10-15", 50),
            item("C1", "billing", "2026-10-20", -10),
            item("C2", "billing", "2026-10-21", -12),
            item("C3", "billing", "2026-10-22", -8),
            item("C1", "billing", "2026-10-27", -4),
            item("C2", "billing", "2026-10-28", -2),
            item("C3", "billing", "2026-10-29", -6),
            item("C1", "app", "2026-10-20", 0),
            item("C2", "app", "2026-10-21", 2),
            item("C3", "app", "2026-10-22", -2),
            item("C1", "app", "2026-10-27", 1),
            item("C2", "app", "2026-10-28", 3),
            item("C3", "app", "2026-10-29", -1),
            // win: Enterprise app
            item("E1", "app", "2026-10-20", -20),
            item("E2", "app", "2026-10-21", -22),
            item("E1", "app", "2026-10-27", 0),
            item("E2", "app", "2026-10-28", 2),
            // thin: Enterprise billing, one customer before
            item("E1", "billing", "2026-10-20", -30),
            item("E1", "billing", "2026-10-27", -10),
            item("E2", "billing", "2026-10-28", -12),
            // late: total website
            item("W1", "website", "2026-10-01", 0),
            item("W2", "website", "2026-10-02", 2),
            item("W1", "website", "2026-10-23", 1),
            item("W2", "website", "2026-10-24", 1),
            // slow: North delivery
            item("N1", "delivery", "2026-10-20", 0),
            item("N2", "delivery", "2026-10-21", 2),
            item("N1", "delivery", "2026-10-27", 0),
            item("N2", "delivery", "2026-10-28", 0));
    StructType crm =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType)
            .add("region", DataTypes.StringType);
    List<Row> customers = new ArrayList<>();
    for (String c : List.of("C1", "C2", "C3")) {
      customers.add(RowFactory.create(c, "SMB", "East"));
    }
    for (String c : List.of("E1", "E2")) {
      customers.add(RowFactory.create(c, "Enterprise", "South"));
    }
    for (String c : List.of("N1", "N2")) {
      customers.add(RowFactory.create(c, "Consumer", "North"));
    }
    for (String c : List.of("W1", "W2")) {
      customers.add(RowFactory.create(c, "Consumer", "West"));
    }
    List<Initiative> initiatives =
        List.of(
            initiative("ok", "segment", "SMB", "billing", STARTED, DUE, 10),
            initiative("win", "segment", "Enterprise", "app", STARTED, DUE, 5),
            initiative(
                "late",
                "total",
                "all",
                "website",
                LocalDate.of(2026, 10, 10),
                LocalDate.of(2026, 10, 30),
                10),
            initiative("slow", "region", "North", "delivery", STARTED, DUE, -10),
            initiative(
                "future",
                "total",
                "all",
                "billing",
                LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 12, 31),
                5),
            initiative("thin", "segment", "Enterprise", "billing", STARTED, DUE, 5));
    var out =
        InitiativeCheck.check(
            spark().createDataFrame(it, items),
            spark().createDataFrame(customers, crm),
            initiatives,
            10,
            2,
            D);
    columns = List.of(out.columns());
    for (Row r : out.collectAsList()) {
      rows.put(r.getAs("initiative_id"), r);
    }
  }

  static double d(Row r, String c) {
    return r.<Double>getAs(c);
  }

  @Test
  void columns_areTheTablesColumns_inOrder_oneRowPerInitiative() {
    assertThat(columns).containsExactlyElementsOf(InitiativeColumns.INITIATIVE_CHECK);
    assertThat(rows).containsOnlyKeys("ok", "win", "late", "slow", "future", "thin");
    assertThat(rows.get("ok").<Date>getAs("as_of_date")).isEqualTo(Date.valueOf(D));
  }

  @Test
  void observedChange_isCurrentMinusBaseline_withWelchIntervalAndP_onTrack() {
    Row r = rows.get("ok");
    assertThat(r.<Long>getAs("baseline_respondents")).isEqualTo(3);
    assertThat(r.<Long>getAs("current_respondents")).isEqualTo(3);
    assertThat(d(r, "baseline_gap")).as("(-10 - 12 - 8)/3; 10-15 counts nowhere").isEqualTo(-10);
    assertThat(d(r, "current_gap")).isCloseTo(-4, within(1e-12));
    assertThat(d(r, "observed_change")).isCloseTo(6, within(1e-12));
    // both variances 4, n 3: se² = 4/3 + 4/3 = 8/3; df = (8/3)² / (2·(4/3)²/2) = 4;
    // t(0.975, 4) = 2.7764451; half = 2.7764451·sqrt(8/3) = 4.533916
    assertThat(d(r, "observed_ci95_low")).isCloseTo(6 - 4.533916, within(1e-5));
    assertThat(d(r, "observed_ci95_high")).isCloseTo(6 + 4.533916, within(1e-5));
    double p = new TTest().tTest(new double[] {-4, -2, -6}, new double[] {-10, -12, -8});
    assertThat(d(r, "p_value")).isCloseTo(p, within(1e-12));
    assertThat(p).as("t = 6/sqrt(8/3) = 3.674, 4 df").isCloseTo(0.02131, within(1e-4));
    // elapsed 5 of 10 days: expected to date 0.5·10 = 5 <= 6; CI low 1.47 < 10: not achieved
    assertThat(d(r, "elapsed_share")).isEqualTo(0.5);
    assertThat(d(r, "expected_to_date")).isEqualTo(5.0);
    assertThat(r.<String>getAs("status")).isEqualTo("on_track");
  }

  @Test
  void controlAndDifferenceInDifferences_overTheSegmentsOtherTouchpoints() {
    Row r = rows.get("ok");
    // SMB app: mean 0 before, 1 after, variances 4 and 4, n 3
    assertThat(d(r, "control_change")).isCloseTo(1, within(1e-12));
    assertThat(d(r, "did_change")).isCloseTo(5, within(1e-12));
    // se² = 4·(4/3) = 16/3; df = (16/3)² / (4·(4/3)²/2) = 8; t(0.975, 8) = 2.3060041;
    // half = 2.3060041·sqrt(16/3) = 5.325488
    assertThat(d(r, "did_ci95_low")).isCloseTo(5 - 5.325488, within(1e-5));
    assertThat(d(r, "did_ci95_high")).isCloseTo(5 + 5.325488, within(1e-5));
  }

  @Test
  void ciBoundReachingTheExpectedChange_isAchieved_controlNullWithTooFewCustomers() {
    Row r = rows.get("win");
    assertThat(d(r, "observed_change")).isCloseTo(22, within(1e-12));
    // means -21 then 1; variances 2 and 2, n 2: se² = 2; df = 4 / (1 + 1) = 2;
    // t(0.975, 2) = 4.3026527: low = 22 - 6.085 = 15.9 >= 5
    assertThat(d(r, "observed_ci95_low")).isCloseTo(22 - 4.3026527 * Math.sqrt(2), within(1e-5));
    assertThat(d(r, "observed_ci95_low")).isGreaterThan(5);
    assertThat(r.<String>getAs("status")).isEqualTo("achieved");
    assertThat(r.<Double>getAs("control_change")).isNull();
    assertThat(r.<Double>getAs("did_change")).isNull();
    assertThat(r.<Double>getAs("did_ci95_low")).isNull();
  }

  @Test
  void dueDatePassedWithoutAchieving_isMissed_totalIsTheWholeBase() {
    Row r = rows.get("late");
    assertThat(r.<String>getAs("segment_dimension")).isEqualTo("total");
    assertThat(r.<String>getAs("segment_value")).isEqualTo("all");
    assertThat(d(r, "observed_change")).isCloseTo(0, within(1e-12));
    // variances 2 and 0, n 2: se² = 1; df = 1; t(0.975, 1) = 12.7062047
    assertThat(d(r, "observed_ci95_high")).isCloseTo(12.7062047, within(1e-5));
    assertThat(d(r, "elapsed_share")).isEqualTo(1.0);
    assertThat(r.<String>getAs("status")).isEqualTo("missed");
  }

  @Test
  void negativeExpectation_shortOfTheExpectedPath_isBehind() {
    Row r = rows.get("slow");
    assertThat(d(r, "observed_change")).isCloseTo(-1, within(1e-12));
    assertThat(d(r, "expected_to_date")).isEqualTo(-5.0);
    assertThat(r.<String>getAs("status")).isEqualTo("behind");
  }

  @Test
  void beforeStarted_isNotStarted_withNullStatistics() {
    Row r = rows.get("future");
    assertThat(r.<String>getAs("status")).isEqualTo("not_started");
    assertThat(r.<Long>getAs("current_respondents")).isZero();
    assertThat(d(r, "elapsed_share")).isZero();
    assertThat(d(r, "expected_to_date")).isZero();
    assertThat(r.<Double>getAs("current_gap")).isNull();
    assertThat(r.<Double>getAs("observed_change")).isNull();
    assertThat(r.<Double>getAs("p_value")).isNull();
  }

  @Test
  void aPeriodBelowMinRespondents_isInsufficientData_andItsGapIsNull() {
    Row r = rows.get("thin");
    assertThat(r.<String>getAs("status")).isEqualTo("insufficient_data");
    assertThat(r.<Long>getAs("baseline_respondents")).isEqualTo(1);
    assertThat(r.<Long>getAs("current_respondents")).isEqualTo(2);
    assertThat(r.<Double>getAs("baseline_gap")).isNull();
    assertThat(d(r, "current_gap")).isCloseTo(-11, within(1e-12));
    assertThat(r.<Double>getAs("observed_change")).isNull();
    assertThat(r.<Double>getAs("observed_ci95_low")).isNull();
    assertThat(r.<Double>getAs("control_change")).isNull();
  }
}

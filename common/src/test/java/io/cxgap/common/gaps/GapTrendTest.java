package io.cxgap.common.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.transform.AnalysisWindow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gold.gap_trend: D = 2026-10-31, 10 days; current window 10-22..10-31, previous 10-12..10-21;
 * min-respondents 2, min-delta 5. p-values are checked against commons-math's t-test on the raw
 * samples (the code under test works from summary statistics).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapTrendTest extends GapFixtures {
  Map<String, Row> cells = new HashMap<>();

  @BeforeAll
  void compute() {
    List<Row> rows =
        GapTrend.trend(
                items(
                    // billing: current -20, -22, -18, -20; previous 0, 2, -2, 0 -> delta -20,
                    // significant
                    item("C1", "billing", "2026-10-22", 50, 30),
                    item("C2", "billing", "2026-10-25", 52, 30),
                    item("C3", "billing", "2026-10-31", 48, 30),
                    item("C4", "billing", "2026-10-28", 50, 30),
                    item("C1", "billing", "2026-10-21", 50, 50),
                    item("C2", "billing", "2026-10-12", 48, 50),
                    item("C3", "billing", "2026-10-15", 52, 50),
                    item("C4", "billing", "2026-10-20", 50, 50),
                    item("C1", "billing", "2026-10-11", 0, 100), // before the previous window: out
                    // app: current 1, 3, 2; previous 0, 1, 2 -> delta 1: stable
                    item("C1", "app", "2026-10-23", 50, 51),
                    item("C2", "app", "2026-10-23", 50, 53),
                    item("C3", "app", "2026-10-23", 50, 52),
                    item("C1", "app", "2026-10-13", 50, 50),
                    item("C2", "app", "2026-10-13", 50, 51),
                    item("C3", "app", "2026-10-13", 50, 52),
                    // delivery: current -30, +10; previous 0, 0 -> delta -10 but not significant
                    item("C1", "delivery", "2026-10-30", 50, 20),
                    item("C2", "delivery", "2026-10-30", 50, 60),
                    item("C1", "delivery", "2026-10-14", 50, 50),
                    item("C2", "delivery", "2026-10-14", 50, 50),
                    // checkout: current only -> new
                    item("C1", "checkout", "2026-10-30", 50, 40),
                    item("C2", "checkout", "2026-10-30", 50, 45),
                    // website: previous only -> left out
                    item("C1", "website", "2026-10-14", 50, 40),
                    item("C2", "website", "2026-10-14", 50, 40)),
                crm("C1/SMB/North", "C2/SMB/North", "C3/SMB/North", "C4/Enterprise/North"),
                List.of("segment"),
                2,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10),
                5.0)
            .collectAsList();
    for (Row r : rows) {
      cells.put(
          r.getAs("segment_dimension")
              + "/"
              + r.getAs("segment_value")
              + "/"
              + r.getAs("touchpoint"),
          r);
    }
  }

  @Test
  void columns_areTheTablesColumns_inOrder() {
    assertThat(cells.values().iterator().next().schema().fieldNames())
        .as("gold.gap_trend columns (DESIGN.md §5)")
        .containsExactlyElementsOf(GapColumns.GAP_TREND);
  }

  @Test
  void significantDrop_isDeteriorating_withWelchP() {
    Row r = cells.get("total/all/billing");
    assertThat(r.<Double>getAs("gap_mean")).isCloseTo(-20.0, within(1e-9));
    assertThat(r.<Double>getAs("previous_gap_mean")).isCloseTo(0.0, within(1e-9));
    assertThat(r.<Double>getAs("delta")).isCloseTo(-20.0, within(1e-9));
    double p = new TTest().tTest(new double[] {-20, -22, -18, -20}, new double[] {0, 2, -2, 0});
    assertThat(r.<Double>getAs("p_value")).isCloseTo(p, within(1e-12));
    assertThat(p).isLessThan(0.001);
    assertThat(r.<String>getAs("direction")).isEqualTo("deteriorating");
    assertThat(r.<Long>getAs("responses")).isEqualTo(4);
    assertThat(r.<Long>getAs("previous_responses")).isEqualTo(4);
  }

  @Test
  void smallDelta_isStable() {
    Row r = cells.get("total/all/app");
    assertThat(r.<Double>getAs("delta")).isCloseTo(1.0, within(1e-9));
    assertThat(r.<String>getAs("direction")).isEqualTo("stable");
  }

  @Test
  void largeButInsignificantDelta_isStable() {
    Row r = cells.get("total/all/delivery");
    assertThat(r.<Double>getAs("delta")).isCloseTo(-10.0, within(1e-9));
    double p = new TTest().tTest(new double[] {-30, 10}, new double[] {0, 0});
    assertThat(r.<Double>getAs("p_value")).isCloseTo(p, within(1e-12));
    assertThat(p).isGreaterThan(0.05);
    assertThat(r.<String>getAs("direction")).isEqualTo("stable");
  }

  @Test
  void cellOnlyInCurrentWindow_isNew_withNullDelta_previousOnlyIsLeftOut() {
    Row r = cells.get("total/all/checkout");
    assertThat(r.<String>getAs("direction")).isEqualTo("new");
    assertThat(r.<Double>getAs("delta")).isNull();
    assertThat(r.<Double>getAs("gap_mean")).isCloseTo(-7.5, within(1e-9));
    assertThat(cells).doesNotContainKey("total/all/website");
  }

  @Test
  void cellBelowMinRespondentsInAWindow_isSuppressed() {
    Row r = cells.get("segment/Enterprise/billing"); // C4 alone
    assertThat(r.<String>getAs("direction")).isEqualTo("suppressed");
    assertThat(r.<Double>getAs("delta")).isNull();
    assertThat(r.<Double>getAs("gap_mean")).isNull();
    assertThat(r.<Double>getAs("p_value")).isNull();
  }

  @Test
  void respondents_areDistinctCustomersPerWindow_responsesAreItems() {
    // current: C1 twice, C2 once; previous: C1 once, C2 twice, C3 once
    Row r =
        trendOfThreeSmbCustomers(
                item("C1", "billing", "2026-10-22", 50, 40),
                item("C1", "billing", "2026-10-25", 50, 40),
                item("C2", "billing", "2026-10-30", 50, 40),
                item("C1", "billing", "2026-10-12", 50, 50),
                item("C2", "billing", "2026-10-13", 50, 50),
                item("C2", "billing", "2026-10-20", 50, 50),
                item("C3", "billing", "2026-10-21", 50, 50))
            .where("segment_dimension = 'segment' AND segment_value = 'SMB'")
            .head();
    assertThat(r.<Long>getAs("respondents")).isEqualTo(2);
    assertThat(r.<Long>getAs("previous_respondents")).isEqualTo(3);
    assertThat(r.<Long>getAs("responses")).isEqualTo(3);
    assertThat(r.<Long>getAs("previous_responses")).isEqualTo(4);
  }

  @Test
  void improvingIsSymmetric() {
    // swap the windows of billing: +20 and significant
    Row r =
        trendOfThreeSmbCustomers(
                item("C1", "billing", "2026-10-12", 50, 30),
                    item("C2", "billing", "2026-10-13", 52, 30),
                item("C3", "billing", "2026-10-14", 48, 30),
                    item("C1", "billing", "2026-10-22", 50, 50),
                item("C2", "billing", "2026-10-23", 48, 50),
                    item("C3", "billing", "2026-10-24", 52, 50))
            .where("segment_dimension = 'total'")
            .head();
    assertThat(r.<Double>getAs("delta")).isCloseTo(20.0, within(1e-9));
    assertThat(r.<String>getAs("direction")).isEqualTo("improving");
  }

  @Test
  void direction_usesTheBenjaminiHochbergQ_notP() {
    // billing: -10, -20, -15 now against 0, -6, 3 before: delta -14, Welch p = 0.0236 < 0.05
    // app: 1, 3, 2 against 0, 1, 2: p = 0.288; delivery: 0, 10, -10 against 0, 5, -5: p = 1
    // each cell twice (total/all and segment/SMB hold the same three customers): m = 6.
    // Sorted: p_b, p_b, p_a, p_a, 1, 1; m·p/j: 6p_b, 3p_b, 2p_a, 1.5p_a, 1.2, 1
    // q: 3p_b, 3p_b, 1.5p_a, 1.5p_a, 1, 1 (ties share a q; 1.2 falls to 1 by the step after it)
    Dataset<Row> trend =
        trendOfThreeSmbCustomers(
            item("C1", "billing", "2026-10-22", 50, 40),
            item("C2", "billing", "2026-10-23", 50, 30),
            item("C3", "billing", "2026-10-24", 50, 35),
            item("C1", "billing", "2026-10-12", 50, 50),
            item("C2", "billing", "2026-10-13", 50, 44),
            item("C3", "billing", "2026-10-14", 50, 53),
            item("C1", "app", "2026-10-22", 50, 51),
            item("C2", "app", "2026-10-23", 50, 53),
            item("C3", "app", "2026-10-24", 50, 52),
            item("C1", "app", "2026-10-12", 50, 50),
            item("C2", "app", "2026-10-13", 50, 51),
            item("C3", "app", "2026-10-14", 50, 52),
            item("C1", "delivery", "2026-10-22", 50, 50),
            item("C2", "delivery", "2026-10-23", 50, 60),
            item("C3", "delivery", "2026-10-24", 50, 40),
            item("C1", "delivery", "2026-10-12", 50, 50),
            item("C2", "delivery", "2026-10-13", 50, 55),
            item("C3", "delivery", "2026-10-14", 50, 45));
    double pBilling =
        new TTest().tTest(new double[] {-10, -20, -15}, new double[] {0, -6, 3}); // 0.0236
    double pApp = new TTest().tTest(new double[] {1, 3, 2}, new double[] {0, 1, 2}); // 0.288
    assertThat(pBilling).isCloseTo(0.0236, within(1e-4));
    for (Row r : trend.collectAsList()) {
      String tp = r.getAs("touchpoint");
      double p = r.<Double>getAs("p_value");
      double q = r.<Double>getAs("q_value");
      switch (tp) {
        case "billing" -> {
          assertThat(p).as("billing p").isCloseTo(pBilling, within(1e-12));
          assertThat(q).as("billing q").isCloseTo(3 * pBilling, within(1e-12));
          assertThat(r.<Double>getAs("delta")).isCloseTo(-14.0, within(1e-9));
          assertThat(r.<String>getAs("direction"))
              .as("p < 0.05 but q = 0.071: not a discovery")
              .isEqualTo("stable");
        }
        case "app" -> assertThat(q).as("app q").isCloseTo(1.5 * pApp, within(1e-12));
        case "delivery" -> {
          assertThat(p).as("delivery p").isCloseTo(1.0, within(1e-12));
          assertThat(q).as("delivery q").isCloseTo(1.0, within(1e-12));
        }
        default -> throw new AssertionError("unexpected touchpoint " + tp);
      }
    }
    assertThat(trend.count()).isEqualTo(6);
  }

  @Test
  void suppressedAndNewCells_haveNoQ() {
    assertThat(cells.get("segment/Enterprise/billing").<Double>getAs("q_value")).isNull();
    assertThat(cells.get("total/all/checkout").<Double>getAs("q_value")).isNull();
    // six p-values in the family (billing, app, delivery in total/all and segment/SMB);
    // total/all billing's, from 4 against 4 answers 20 points apart, is the smallest: q = 6 p
    double p = new TTest().tTest(new double[] {-20, -22, -18, -20}, new double[] {0, 2, -2, 0});
    assertThat(cells.get("total/all/billing").<Double>getAs("q_value"))
        .isCloseTo(6 * p, within(1e-12));
  }

  /** The trend of D = 2026-10-31 over 10 days of {@code items} by C1, C2 and C3, all SMB/North. */
  private Dataset<Row> trendOfThreeSmbCustomers(Row... items) {
    return GapTrend.trend(
        items(items),
        crm("C1/SMB/North", "C2/SMB/North", "C3/SMB/North"),
        List.of("segment"),
        2,
        new AnalysisWindow(LocalDate.of(2026, 10, 31), 10),
        5.0);
  }
}

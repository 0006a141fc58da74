package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** From survey items to gold.touchpoint_driver rows (DESIGN.md §5), end to end on tiny frames. */
class TouchpointDriversTest extends SparkTestBase {
  static TouchpointCatalog catalog() {
    return new TouchpointCatalog(
        List.of(
            new Touchpoint("billing", "Billing", "usage", "reliability", List.of(), 0),
            new Touchpoint("delivery", "Delivery", "purchase", "reliability", List.of(), 0),
            new Touchpoint("renewal", "Renewal", "renewal", "empathy", List.of(), 0)));
  }

  /*
   * LmgTest's five customers as survey items, one response each: billing gap x1 = 1 2 3 4 5,
   * delivery gap x2 = 2 1 4 3 5, overall_nps y/10 with y = 1 3 2 5 4 (outcome = nps × 10 is y,
   * and correlations do not change with scale). Nobody answers renewal.
   * R² = 173/180; importance billing 272/360, delivery 74/360; shares 272/346, 74/346.
   * gap_mean 3 and 3, so neither is below the mean gap 3. Mean importance 173/360: billing is
   * above it → keep_up, delivery below → possible_overkill. Both scores are 0 (no negative gap),
   * so the rank goes by importance: billing 1, delivery 2.
   */
  static Dataset<Row> fiveCustomers() {
    double[] x1 = {1, 2, 3, 4, 5};
    double[] x2 = {2, 1, 4, 3, 5};
    double[] y = {1, 3, 2, 5, 4};
    Object[][] rows = new Object[10][];
    for (int i = 0; i < 5; i++) {
      rows[2 * i] = new Object[] {"C" + i, "R" + i, "billing", x1[i], y[i] / 10};
      rows[2 * i + 1] = new Object[] {"C" + i, "R" + i, "delivery", x2[i], y[i] / 10};
    }
    return CustomerMatrixTest.items(rows);
  }

  @Test
  void fiveCustomers_giveTheHandWorkedImportances_quadrantsAndRanks() {
    TouchpointDrivers.Result r = TouchpointDrivers.compute(fiveCustomers(), catalog(), 16);
    assertThat(r.rows())
        .extracting(DriverRow::touchpoint)
        .as("renewal answered by nobody")
        .containsExactly("billing", "delivery");
    DriverRow billing = r.rows().get(0);
    DriverRow delivery = r.rows().get(1);
    assertThat(billing.importance()).isCloseTo(272.0 / 360, within(1e-9));
    assertThat(delivery.importance()).isCloseTo(74.0 / 360, within(1e-9));
    assertThat(billing.importanceShare()).isCloseTo(272.0 / 346, within(1e-9));
    assertThat(billing.r2()).isCloseTo(173.0 / 180, within(1e-9));
    assertThat(billing.gapMean()).isCloseTo(3.0, within(1e-12));
    assertThat(billing.quadrant()).isEqualTo("keep_up");
    assertThat(delivery.quadrant()).isEqualTo("possible_overkill");
    assertThat(billing.priorityRank()).isEqualTo(1);
    assertThat(delivery.priorityRank()).isEqualTo(2);
    assertThat(billing.customers()).isEqualTo(5);
    assertThat(billing.respondents()).isEqualTo(5);
    assertThat(billing.method()).isEqualTo("lmg");
    assertThat(r.message())
        .contains("5 customers with a response")
        .contains("R² 0.961 (lmg)")
        .contains("most important: billing, delivery");
  }

  @Test
  void fewerThanFiftyCustomers_noIntervals_noSignificance_andEveryRankStays() {
    // 5 customers < max(50, 10 · 2 touchpoints): the bootstrap does not run
    TouchpointDrivers.Result r =
        TouchpointDrivers.compute(
            fiveCustomers(),
            catalog(),
            16,
            new TouchpointDrivers.Bootstrap(200, 42, LocalDate.of(2026, 10, 31)));
    assertThat(r.rows())
        .extracting(
            DriverRow::importanceCi95Low,
            DriverRow::importanceCi95High,
            DriverRow::shareCi95Low,
            DriverRow::shareCi95High,
            DriverRow::significant)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(null, null, null, null, null));
    assertThat(r.rows()).extracting(DriverRow::priorityRank).containsExactly(1, 2);
    assertThat(r.message()).contains("no intervals: fewer than 50 customers");
  }

  @Test
  void twoCustomers_noRows_andTheMessageSaysWhy() {
    Dataset<Row> two =
        CustomerMatrixTest.items(
            new Object[] {"A", "R1", "billing", -10.0, 6.0},
            new Object[] {"B", "R2", "billing", 10.0, 9.0});
    TouchpointDrivers.Result r = TouchpointDrivers.compute(two, catalog(), 16);
    assertThat(r.rows()).isEmpty();
    assertThat(r.message())
        .contains("no rows: 2 customers with an overall_nps in the window, fewer than 3");
  }

  @Test
  void table_hasTheContractColumns_andOneRowPerTouchpoint() {
    TouchpointDrivers.Result r = TouchpointDrivers.compute(fiveCustomers(), catalog(), 16);
    Dataset<Row> t = TouchpointDrivers.table(spark(), LocalDate.of(2026, 10, 31), 90, r.rows());
    assertThat(t.columns())
        .containsExactly(
            "as_of_date",
            "window_days",
            "touchpoint",
            "journey_stage",
            "dimension",
            "customers",
            "respondents",
            "importance",
            "importance_share",
            "r2",
            "gap_mean",
            "quadrant",
            "priority_rank",
            "method",
            "importance_ci95_low",
            "importance_ci95_high",
            "share_ci95_low",
            "share_ci95_high",
            "significant");
    List<Row> rows = t.collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getDate(0).toString()).isEqualTo("2026-10-31");
    assertThat(rows.get(0).getInt(1)).isEqualTo(90);
    assertThat(rows.get(0).getString(3)).isEqualTo("usage");
  }
}

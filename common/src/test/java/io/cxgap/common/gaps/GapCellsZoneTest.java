package io.cxgap.common.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.transform.AnalysisWindow;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The zone-of-tolerance columns of gold.gap_segment_touchpoint (DESIGN.md §5) on hand-made silver
 * items: D = 2026-10-31, a 10-day window, min-respondents 2, customers C1..C3 all SMB (so the
 * segment/SMB cells equal the total ones). Inversions (adequate > expectation) count in the gap and
 * in zot_inversions but are left out of every other zone column. Every expected value is worked out
 * in the comments; Student's t quantiles are from the printed table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapCellsZoneTest extends GapFixtures {
  static final double T_DF1 = 12.706204736174707; // t(0.975, 1)
  static final double T_DF2 = 4.302652729911275; // t(0.975, 2)
  static final double EPS = 1e-9;

  static final StructType ZONE_ITEMS =
      ITEMS
          .add("adequate_norm", DataTypes.DoubleType)
          .add("msa", DataTypes.DoubleType)
          .add("zot_inversion", DataTypes.BooleanType);

  final Map<String, Row> cells = new HashMap<>();

  /** A silver item as Normalise writes it: msa = experience - adequate unless adequate > exp. */
  static Row zoned(String customer, String tp, double exp, double perc, Double adequate) {
    Boolean inversion = adequate == null ? null : adequate > exp;
    Double msa = adequate == null || inversion ? null : perc - adequate;
    return RowFactory.create(
        customer, tp, Date.valueOf("2026-10-30"), exp, perc, perc - exp, adequate, msa, inversion);
  }

  @BeforeAll
  void compute() {
    List<Row> rows =
        List.of(
            // billing: msa -30, -20, -40 (C3: adequate = expectation, no inversion); C1's second
            // item is an inversion; C2's second has no adequate answer
            zoned("C1", "billing", 80, 20, 50.0),
            zoned("C2", "billing", 70, 30, 50.0),
            zoned("C3", "billing", 60, 20, 60.0),
            zoned("C1", "billing", 50, 40, 70.0),
            zoned("C2", "billing", 60, 50, null),
            // app: gaps 20, 30, 25; msa 40, 50; C3 an inversion
            zoned("C1", "app", 40, 60, 20.0),
            zoned("C2", "app", 50, 80, 30.0),
            zoned("C3", "app", 30, 55, 35.0),
            // checkout: gaps -20, 10, 0; msa -10, 30, 20
            zoned("C1", "checkout", 60, 40, 50.0),
            zoned("C2", "checkout", 60, 70, 40.0),
            zoned("C3", "checkout", 50, 50, 30.0),
            // website: no adequate answers
            zoned("C1", "website", 50, 60, null),
            zoned("C2", "website", 40, 30, null),
            // delivery: one respondent, suppressed
            zoned("C1", "delivery", 50, 40, 30.0),
            // only inversions: adequate answers, but none in the zone
            zoned("C1", "zoneless", 40, 50, 60.0),
            zoned("C2", "zoneless", 30, 50, 40.0));
    for (Row r :
        GapCells.gapCells(
                spark().createDataFrame(rows, ZONE_ITEMS),
                crm("C1/SMB/North", "C2/SMB/North", "C3/SMB/North"),
                contacts(),
                CATALOG,
                List.of("segment"),
                2,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10))
            .collectAsList()) {
      cells.put(r.getAs("segment_dimension") + "/" + r.getAs("touchpoint"), r);
    }
  }

  private static double d(Row r, String c) {
    return r.<Double>getAs(c);
  }

  @Test
  void zoneColumns_followTheGapColumns_inTheTablesOrder() {
    assertThat(cells.get("total/billing").schema().fieldNames())
        .containsExactlyElementsOf(GapColumns.GAP_SEGMENT_TOUCHPOINT);
    assertThat(GapColumns.GAP_SEGMENT_TOUCHPOINT.subList(24, 32))
        .containsExactly(
            "suppressed",
            "adequate_mean",
            "msa_mean",
            "msa_ci95_low",
            "msa_ci95_high",
            "below_adequate_share",
            "zot_inversions",
            "zot_status");
  }

  @Test
  void billing_isBelow_msaIntervalWhollyUnderZero_inversionLeftOut() {
    Row r = cells.get("total/billing");
    // zone items (adequate answer, no inversion): C1 80/20/50, C2 70/30/50, C3 60/20/60
    // adequate mean (50 + 50 + 60) / 3; msa -30, -20, -40: mean -30, deviations 0, 10, -10,
    // sample variance 200 / 2 = 100, sd 10; n = 3: half width t(0.975, 2) * 10 / sqrt(3)
    double half = T_DF2 * 10 / Math.sqrt(3); // 24.84...
    assertThat(r.<Long>getAs("responses")).as("the inversion counts in the gap").isEqualTo(5);
    assertThat(d(r, "adequate_mean")).isCloseTo(160.0 / 3, within(EPS));
    assertThat(d(r, "msa_mean")).isCloseTo(-30.0, within(EPS));
    assertThat(d(r, "msa_ci95_low")).isCloseTo(-30.0 - half, within(1e-8));
    assertThat(d(r, "msa_ci95_high")).isCloseTo(-30.0 + half, within(1e-8));
    assertThat(d(r, "below_adequate_share")).isCloseTo(1.0, within(EPS));
    assertThat(r.<Long>getAs("zot_inversions")).isEqualTo(1);
    assertThat(r.<String>getAs("zot_status")).as("msa_ci95_high -5.16 < 0").isEqualTo("below");
  }

  @Test
  void app_isAbove_gapIntervalWhollyOverZero() {
    Row r = cells.get("total/app");
    // gaps 20, 30, 25 (n = 3, the inversion included): mean 25, sd 5;
    // gap_ci95_low = 25 - 4.3027 * 5 / sqrt(3) = 12.58 > 0
    assertThat(d(r, "gap_ci95_low")).isCloseTo(25 - T_DF2 * 5 / Math.sqrt(3), within(1e-8));
    // zone items C1 (adequate 20, msa 40), C2 (30, 50): mean 45, sd sqrt(50), n = 2:
    // half width 12.7062 * sqrt(50) / sqrt(2) = 12.7062 * 5
    assertThat(d(r, "adequate_mean")).isCloseTo(25.0, within(EPS));
    assertThat(d(r, "msa_mean")).isCloseTo(45.0, within(EPS));
    assertThat(d(r, "msa_ci95_low")).isCloseTo(45 - T_DF1 * 5, within(1e-8));
    assertThat(d(r, "msa_ci95_high")).isCloseTo(45 + T_DF1 * 5, within(1e-8));
    assertThat(d(r, "below_adequate_share")).isZero();
    assertThat(r.<Long>getAs("zot_inversions")).isEqualTo(1);
    assertThat(r.<String>getAs("zot_status")).isEqualTo("above");
  }

  @Test
  void checkout_isWithin_andBelowAdequateShareCountsExperienceUnderAdequate() {
    Row r = cells.get("total/checkout");
    // msa -10, 30, 20: mean 40/3; deviations -70/3, 50/3, 20/3: squares (4900 + 2500 + 400) / 9,
    // sample variance 7800 / 9 / 2 = 433.33, sd 20.817; n = 3
    double sd = Math.sqrt(7800.0 / 18);
    double half = T_DF2 * sd / Math.sqrt(3); // 51.71: msa_ci95_high > 0
    assertThat(d(r, "msa_mean")).isCloseTo(40.0 / 3, within(EPS));
    assertThat(d(r, "msa_ci95_high")).isCloseTo(40.0 / 3 + half, within(1e-8));
    assertThat(d(r, "adequate_mean")).isCloseTo(40.0, within(EPS)); // (50 + 40 + 30) / 3
    // experience < adequate: C1 only (40 < 50)
    assertThat(d(r, "below_adequate_share")).isCloseTo(1 / 3.0, within(EPS));
    assertThat(r.<Long>getAs("zot_inversions")).as("adequate answers, none inverted").isZero();
    // gaps -20, 10, 0: gap_ci95_low < 0, msa_ci95_high > 0
    assertThat(r.<String>getAs("zot_status")).isEqualTo("within");
  }

  @Test
  void cellWithoutAdequateAnswers_hasEveryZoneColumnNull_zotInversionsToo() {
    Row r = cells.get("total/website");
    assertThat(r.<Boolean>getAs("suppressed")).isFalse();
    assertThat(d(r, "gap_mean")).isCloseTo(0.0, within(EPS)); // +10, -10
    for (String c : zoneColumns()) {
      assertThat(r.<Object>getAs(c)).as(c).isNull();
    }
  }

  @Test
  void suppressedCell_hasEveryZoneColumnNull_thoughItHasAdequateAnswers() {
    Row r = cells.get("total/delivery");
    assertThat(r.<Boolean>getAs("suppressed")).isTrue();
    for (String c : zoneColumns()) {
      assertThat(r.<Object>getAs(c)).as(c).isNull();
    }
  }

  @Test
  void cellWithOnlyInversions_countsThem_andHasNoOtherZoneValue() {
    Row r = cells.get("total/zoneless");
    assertThat(r.<Long>getAs("zot_inversions")).isEqualTo(2);
    for (String c : zoneColumns()) {
      if (!c.equals("zot_inversions")) {
        assertThat(r.<Object>getAs(c)).as(c).isNull();
      }
    }
  }

  @Test
  void silverWithoutZoneColumns_givesNullZoneColumns() {
    Row r =
        GapCells.gapCells(
                items(
                    item("C1", "billing", "2026-10-30", 50, 60),
                    item("C2", "billing", "2026-10-30", 40, 60)),
                crm("C1/SMB/North", "C2/SMB/North"),
                contacts(),
                CATALOG,
                List.of("segment"),
                2,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10))
            .where("segment_dimension = 'total'")
            .head();
    assertThat(d(r, "gap_mean")).isCloseTo(15.0, within(EPS));
    for (String c : zoneColumns()) {
      assertThat(r.<Object>getAs(c)).as(c).isNull();
    }
  }

  private static List<String> zoneColumns() {
    return List.of(
        "adequate_mean",
        "msa_mean",
        "msa_ci95_low",
        "msa_ci95_high",
        "below_adequate_share",
        "zot_inversions",
        "zot_status");
  }
}

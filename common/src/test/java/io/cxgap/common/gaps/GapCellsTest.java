package io.cxgap.common.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.transform.AnalysisWindow;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * gold.gap_segment_touchpoint on a hand-made window: D = 2026-10-31, 10 days (2026-10-22 ..
 * 2026-10-31), min-respondents 2, dimensions segment and region. Every expected value is worked out
 * in the comments; Student's t quantiles are from the printed table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapCellsTest extends GapFixtures {
  static final double T_DF1 = 12.706204736174707; // t(0.975, 1)
  static final double T_DF2 = 4.302652729911275; // t(0.975, 2)
  static final double T_DF3 = 3.182446305284263; // t(0.975, 3)
  static final double EPS = 1e-9;

  Map<String, Row> cells = new HashMap<>();

  @BeforeAll
  void compute() {
    Dataset<Row> items =
        items(
            item("C1", "billing", "2026-10-22", 50, 30), // first day of the window: in; gap -20
            item("C1", "billing", "2026-10-30", 60, 70), // +10
            item("C2", "billing", "2026-10-31", 80, 40), // D itself: in; -40
            item("C3", "billing", "2026-10-21", 90, 0), // D - window: out
            item("C3", "billing", "2026-11-01", 0, 90), // D + 1: out
            item("C4", "billing", "2026-10-29", 20, 50), // C4 not in the CRM as of D: unknown; +30
            item("C1", "app", "2026-10-27", 40, 40), // 0
            item("C2", "app", "2026-10-26", 70, 40), // -30
            item("C3", "app", "2026-10-25", 50, 60)); // +10
    Dataset<Row> contacts =
        contacts(
            contact(
                "E1",
                "C1",
                "billing",
                "2026-10-22 10:00:00",
                100.0,
                "abandoned"), // E9 follows 23 h later: repeat
            contact(
                "E2",
                "C1",
                "billing",
                "2026-10-29 10:00:00",
                300.0,
                "resolved"), // next is after D: not a repeat
            contact("E3", "C1", "billing", "2026-11-05 09:00:00", 1.0, "failed"), // after D: out
            contact(
                "E4", "C2", "billing", "2026-10-30 08:00:00", null, "failed"), // E5 follows: repeat
            contact("E5", "C2", "billing", "2026-10-31 23:00:00", 50.0, "unresolved"),
            contact(
                "E6",
                "C2",
                "billing",
                "2026-10-21 12:00:00",
                999.0,
                "abandoned"), // before the window: out
            contact("E7", "C3", "app", "2026-10-25 00:00:00", 20.0, "escalated"),
            contact(
                "E8",
                "C3",
                "app",
                "2026-11-01 00:00:00",
                20.0,
                "resolved"), // after D: E7 is no repeat
            contact(
                "E9",
                "C1",
                "billing",
                "2026-10-23 09:00:00",
                null,
                null)); // E2 is 6d 1h later: repeat
    Dataset<Row> crm = crm("C1/SMB/North", "C2/SMB/South", "C3/Enterprise/North");
    List<Row> rows =
        GapCells.gapCells(
                items,
                crm,
                contacts,
                CATALOG,
                List.of("segment", "region"),
                2,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10))
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

  private static double d(Row r, String c) {
    return r.<Double>getAs(c);
  }

  @Test
  void columns_areTheTablesColumns_inOrder() {
    assertThat(cells.values().iterator().next().schema().fieldNames())
        .as("gold.gap_segment_touchpoint columns (DESIGN.md §5)")
        .containsExactlyElementsOf(GapColumns.GAP_SEGMENT_TOUCHPOINT);
  }

  @Test
  void cellKeys_areTotalPlusEachDimensionValue_perTouchpoint() {
    assertThat(cells.keySet())
        .containsExactlyInAnyOrder(
            "total/all/billing",
            "total/all/app",
            "segment/SMB/billing",
            "segment/unknown/billing",
            "segment/SMB/app",
            "segment/Enterprise/app",
            "region/North/billing",
            "region/South/billing",
            "region/unknown/billing",
            "region/North/app",
            "region/South/app");
  }

  @Test
  void totalBilling_everySurveyColumn_byHand() {
    Row r = cells.get("total/all/billing");
    // items in the window: -20, +10, -40, +30 (C1, C1, C2, C4)
    assertThat(r.<Long>getAs("respondents")).isEqualTo(3);
    assertThat(r.<Long>getAs("responses")).isEqualTo(4);
    assertThat(d(r, "expectation_mean")).isCloseTo((50 + 60 + 80 + 20) / 4.0, within(EPS));
    assertThat(d(r, "experience_mean")).isCloseTo((30 + 70 + 40 + 50) / 4.0, within(EPS));
    assertThat(d(r, "gap_mean")).isCloseTo(-5.0, within(EPS));
    // deviations -15, 15, -35, 35: squares 2900, sample variance 2900/3
    double sd = Math.sqrt(2900.0 / 3);
    assertThat(d(r, "gap_stddev")).isCloseTo(sd, within(EPS));
    assertThat(d(r, "gap_ci95_low")).isCloseTo(-5.0 - T_DF3 * sd / 2, within(1e-8));
    assertThat(d(r, "gap_ci95_high")).isCloseTo(-5.0 + T_DF3 * sd / 2, within(1e-8));
    assertThat(d(r, "negative_gap_share")).isCloseTo(0.5, within(EPS));
    assertThat(d(r, "target_gap")).isEqualTo(0.0);
    assertThat(r.<Boolean>getAs("meets_target")).isFalse();
    assertThat(r.<Boolean>getAs("suppressed")).isFalse();
    assertThat(r.<String>getAs("journey_stage")).isEqualTo("usage");
    assertThat(r.<String>getAs("dimension")).isEqualTo("reliability");
    assertThat(r.<Integer>getAs("window_days")).isEqualTo(10);
    assertThat(r.<java.sql.Date>getAs("as_of_date").toString()).isEqualTo("2026-10-31");
  }

  @Test
  void totalBilling_friction_sevenDayRepeatRule_andWindowEdges() {
    Row r = cells.get("total/all/billing");
    // contacts in the window: E1, E2, E4, E5, E9 (E3 after D, E6 before the start)
    assertThat(r.<Long>getAs("contacts")).isEqualTo(5);
    // repeats: E1 (E9 follows within 7 days), E9 (E2 6d 1h later), E4 (E5). E2: next is E3, after
    // D.
    assertThat(d(r, "repeat_contact_rate")).isCloseTo(3 / 5.0, within(EPS));
    assertThat(d(r, "abandonment_rate")).isCloseTo(1 / 5.0, within(EPS));
    // failed (E4) + unresolved (E5)
    assertThat(d(r, "failure_rate")).isCloseTo(2 / 5.0, within(EPS));
    // waits given: 100, 300, 50
    assertThat(d(r, "avg_wait_s")).isCloseTo(150.0, within(EPS));
    // p90 of 50, 100, 300 by linear interpolation: rank 0.9*2 = 1.8 -> 100 + 0.8*200
    assertThat(d(r, "p90_wait_s")).isCloseTo(260.0, within(EPS));
  }

  @Test
  void repeatAtExactlySevenDays_counts_andOneSecondMoreDoesNot() {
    Dataset<Row> c =
        contacts(
            contact("A1", "C1", "billing", "2026-10-22 10:00:00", null, null),
            contact(
                "A2",
                "C1",
                "billing",
                "2026-10-29 10:00:00",
                null,
                null), // exactly 7 days after A1
            contact("B1", "C2", "billing", "2026-10-22 10:00:00", null, null),
            contact(
                "B2", "C2", "billing", "2026-10-29 10:00:01", null, null), // 7 days + 1 s after B1
            contact("M1", "C3", "billing", "2026-10-22 10:00:00.100", null, null),
            contact(
                "M2",
                "C3",
                "billing",
                "2026-10-29 10:00:00.300",
                null,
                null)); // 7 days + 0.2 s after M1
    Map<String, Boolean> repeat = new HashMap<>();
    for (Row r :
        io.cxgap.common.transform.Friction.flagged(
                c, new AnalysisWindow(LocalDate.of(2026, 10, 31), 10))
            .collectAsList()) {
      repeat.put(r.getAs("event_id"), r.getAs("is_repeat"));
    }
    assertThat(repeat)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("A1", true, "A2", false, "B1", false, "B2", false, "M1", false, "M2", false));
  }

  @Test
  void segmentSmbBilling_nOfThree() {
    Row r = cells.get("segment/SMB/billing");
    // C1, C1, C2: -20, +10, -40; mean -50/3; deviations -10/3, 80/3, -70/3: squares
    // (100+6400+4900)/9 = 11400/9
    double mean = -50.0 / 3;
    double sd = Math.sqrt(11400.0 / 9 / 2);
    assertThat(r.<Long>getAs("respondents")).isEqualTo(2);
    assertThat(d(r, "gap_mean")).isCloseTo(mean, within(EPS));
    assertThat(d(r, "gap_stddev")).isCloseTo(sd, within(EPS));
    assertThat(d(r, "gap_ci95_low")).isCloseTo(mean - T_DF2 * sd / Math.sqrt(3), within(1e-8));
    assertThat(d(r, "negative_gap_share")).isCloseTo(2 / 3.0, within(EPS));
    assertThat(r.<Long>getAs("contacts")).isEqualTo(5);
  }

  @Test
  void cellWithNoContacts_hasZeroContacts_andNullRates() {
    Row r = cells.get("segment/SMB/app");
    // C1 0, C2 -30: shown (2 respondents); nobody in SMB contacted about the app
    assertThat(d(r, "gap_mean")).isCloseTo(-15.0, within(EPS));
    assertThat(d(r, "gap_stddev")).isCloseTo(Math.sqrt(450.0), within(EPS));
    assertThat(d(r, "gap_ci95_high"))
        .isCloseTo(-15.0 + T_DF1 * Math.sqrt(450.0) / Math.sqrt(2), within(1e-8));
    assertThat(r.<Long>getAs("contacts")).isZero();
    assertThat(r.<Double>getAs("repeat_contact_rate")).isNull();
    assertThat(r.<Double>getAs("avg_wait_s")).isNull();
    assertThat(r.<Double>getAs("p90_wait_s")).isNull();
  }

  @Test
  void totalApp_targetGapFromCatalog() {
    Row r = cells.get("total/all/app");
    // 0, -30, +10: mean -20/3; target 5 not met
    assertThat(d(r, "gap_mean")).isCloseTo(-20.0 / 3, within(EPS));
    assertThat(d(r, "expectation_mean")).isCloseTo(160.0 / 3, within(EPS));
    assertThat(d(r, "target_gap")).isEqualTo(5.0);
    assertThat(r.<Boolean>getAs("meets_target")).isFalse();
    // one contact (E7): escalated, no repeat (E8 is after D), wait 20
    assertThat(r.<Long>getAs("contacts")).isEqualTo(1);
    assertThat(d(r, "repeat_contact_rate")).isZero();
    assertThat(d(r, "failure_rate")).isZero();
    assertThat(d(r, "p90_wait_s")).isCloseTo(20.0, within(EPS));
  }

  @Test
  void smallCell_isSuppressed_countsStay_everyStatisticNull() {
    Row r = cells.get("region/North/billing"); // C1 only: 1 respondent, 2 responses
    assertThat(r.<Boolean>getAs("suppressed")).isTrue();
    assertThat(r.<Long>getAs("respondents")).isEqualTo(1);
    assertThat(r.<Long>getAs("responses")).isEqualTo(2);
    for (String c :
        List.of(
            "expectation_mean",
            "experience_mean",
            "gap_mean",
            "gap_stddev",
            "gap_ci95_low",
            "gap_ci95_high",
            "negative_gap_share",
            "repeat_contact_rate",
            "abandonment_rate",
            "failure_rate",
            "avg_wait_s",
            "p90_wait_s")) {
      assertThat(r.<Object>getAs(c)).as(c).isNull();
    }
    assertThat(r.<Object>getAs("meets_target")).isNull();
    assertThat(r.<Long>getAs("contacts"))
        .as("C1's billing contacts in the window: E1, E2, E9")
        .isEqualTo(3);
  }

  @Test
  void customerNotInCrmAsOfD_countsAsUnknown_andInTotal() {
    Row r = cells.get("segment/unknown/billing");
    assertThat(r.<Long>getAs("respondents")).isEqualTo(1);
    assertThat(r.<Boolean>getAs("suppressed")).isTrue();
  }

  @Test
  void nOfOne_hasNoDeviationAndNoInterval() {
    Dataset<Row> one = items(item("C1", "billing", "2026-10-30", 50, 60));
    Row r =
        GapCells.gapCells(
                one,
                crm("C1/SMB/North"),
                contacts(),
                CATALOG,
                List.of("segment"),
                1,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10))
            .where("segment_dimension = 'total'")
            .head();
    assertThat(d(r, "gap_mean")).isCloseTo(10.0, within(EPS));
    assertThat(r.<Double>getAs("gap_stddev")).isNull();
    assertThat(r.<Double>getAs("gap_ci95_low")).isNull();
    assertThat(r.<Double>getAs("gap_ci95_high")).isNull();
    assertThat(r.<Boolean>getAs("suppressed")).isFalse();
  }
}

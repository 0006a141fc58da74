package io.cxgap.common.nps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.transform.AnalysisWindow;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * gold.nps_segment on a tiny frame, every number worked out by hand. D = 2026-10-31, 10 days:
 * current window 10-22..10-31, previous 10-12..10-21; min-respondents 3, min-delta 5; cut by
 * segment.
 *
 * <ul>
 *   <li>SMB, C1..C9: now 10 responses (C9 twice): 5 promoters (one of them a response whose items
 *       say 8 and 10: mean 9), 3 passives (one of them 6 and 7: mean 6.5), 2 detractors; NPS 30.
 *       Before: 10 responses, 2 promoters, 3 passives, 5 detractors; NPS −30.
 *   <li>Enterprise, E1..E5: now all promoters, nothing before: new.
 *   <li>Mid, M1..M3: now 1 promoter, 1 passive, 1 detractor; before M1 alone (1 respondent < 3).
 *   <li>Tiny, T1, T2: 2 respondents now: suppressed.
 *   <li>total: now 20 responses, 19 respondents, 12 promoters, 4 detractors, NPS 40; before 11
 *       responses (SMB and M1), 10 respondents, 3 promoters, 5 detractors, NPS −200/11.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NpsSegmentTest extends SparkTestBase {
  static final String NOW = "2026-10-25";
  static final String BEFORE = "2026-10-15";
  final Map<String, Row> cells = new HashMap<>();
  final List<Row> items = new ArrayList<>();

  private void response(String customer, String id, String date, Double... nps) {
    for (Double v : nps) {
      items.add(RowFactory.create(customer, id, Date.valueOf(date), v));
    }
  }

  private void responses(String customer, String date, double... nps) {
    for (double v : nps) {
      response(customer, customer + "-" + date + "-" + items.size(), date, v);
    }
  }

  @BeforeAll
  void compute() {
    // SMB now
    response("C1", "R1", NOW, 10.0, 10.0); // one response, two items: counted once
    response("C1", "R1x", NOW, (Double) null); // a response without an NPS: not counted
    responses("C2", NOW, 9);
    responses("C3", NOW, 9);
    responses("C4", NOW, 10);
    response("C5", "R5", NOW, 8.0, 10.0); // mean 9: promoter
    responses("C6", NOW, 7);
    responses("C7", NOW, 8);
    response("C8", "R8", "2026-10-22", 6.0, 7.0); // mean 6.5: passive
    responses("C9", "2026-10-31", 3, 6);
    // SMB before
    responses("C1", "2026-10-12", 9, 2);
    responses("C2", BEFORE, 10);
    responses("C3", BEFORE, 7);
    responses("C4", BEFORE, 8);
    responses("C5", BEFORE, 7);
    responses("C6", BEFORE, 0);
    responses("C7", BEFORE, 5);
    responses("C8", BEFORE, 6);
    responses("C9", "2026-10-21", 4);
    responses("C9", "2026-10-11", 0); // before the previous window: out
    // Enterprise: now only
    responses("E1", NOW, 10);
    responses("E2", NOW, 9);
    responses("E3", NOW, 10);
    responses("E4", NOW, 9);
    responses("E5", NOW, 10);
    // Mid: one respondent before
    responses("M1", NOW, 9);
    responses("M2", NOW, 7);
    responses("M3", NOW, 2);
    responses("M1", BEFORE, 10);
    // Tiny
    responses("T1", NOW, 10);
    responses("T2", NOW, 0);

    StructType itemSchema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("response_id", DataTypes.StringType)
            .add("response_date", DataTypes.DateType)
            .add("overall_nps", DataTypes.DoubleType);
    StructType crmSchema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("segment", DataTypes.StringType);
    List<Row> crm = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      crm.add(RowFactory.create("C" + i, "SMB"));
    }
    for (int i = 1; i <= 5; i++) {
      crm.add(RowFactory.create("E" + i, "Enterprise"));
    }
    for (int i = 1; i <= 3; i++) {
      crm.add(RowFactory.create("M" + i, "Mid"));
    }
    crm.add(RowFactory.create("T1", "Tiny"));
    crm.add(RowFactory.create("T2", "Tiny"));
    for (Row r :
        NpsSegment.nps(
                spark().createDataFrame(items, itemSchema),
                spark().createDataFrame(crm, crmSchema),
                List.of("segment"),
                3,
                new AnalysisWindow(LocalDate.of(2026, 10, 31), 10),
                5.0)
            .collectAsList()) {
      cells.put(r.getAs("segment_value"), r);
    }
  }

  private static double d(Row r, String c) {
    return r.<Double>getAs(c);
  }

  @Test
  void columns_areTheTablesColumns_inOrder() {
    assertThat(cells.get("SMB").schema().fieldNames())
        .containsExactlyElementsOf(NpsColumns.NPS_SEGMENT);
    assertThat(cells).containsOnlyKeys("all", "SMB", "Enterprise", "Mid", "Tiny");
  }

  @Test
  void countsAndShares_countEachResponseOnce() {
    Row r = cells.get("SMB");
    assertThat(r.<Long>getAs("responses")).isEqualTo(10);
    assertThat(r.<Long>getAs("respondents")).isEqualTo(9);
    assertThat(r.<Long>getAs("promoters")).isEqualTo(5);
    assertThat(r.<Long>getAs("passives")).isEqualTo(3);
    assertThat(r.<Long>getAs("detractors")).isEqualTo(2);
    assertThat(d(r, "promoter_share")).isCloseTo(0.5, within(1e-12));
    assertThat(d(r, "passive_share")).isCloseTo(0.3, within(1e-12));
    assertThat(d(r, "detractor_share")).isCloseTo(0.2, within(1e-12));
    assertThat(d(r, "nps")).isCloseTo(30.0, within(1e-12));
  }

  @Test
  void interval_isTheAdjustedWald() {
    // n' = 13, p' = 5.75/13, d' = 2.75/13, p' - d' = 3/13, p' + d' = 8.5/13
    // se = sqrt((8.5/13 - 9/169) / 13) = 0.2149404; bounds 100 (3/13 -+ 1.96 se)
    Row r = cells.get("SMB");
    assertThat(d(r, "nps_ci95_low")).isCloseTo(-19.0513895, within(1e-6));
    assertThat(d(r, "nps_ci95_high")).isCloseTo(65.2052356, within(1e-6));
  }

  @Test
  void allPromoters_intervalStaysWithinPlusMinus100() {
    // n = 5: n' = 8, p' = 5.75/8, d' = 0.75/8, p' - d' = 0.625, se = sqrt((0.8125 - 0.390625)/8)
    // = 0.2296397; 100 (0.625 + 1.96 se) = 107.5 is clipped to 100
    Row r = cells.get("Enterprise");
    assertThat(d(r, "nps")).isCloseTo(100.0, within(1e-12));
    assertThat(d(r, "nps_ci95_low")).isCloseTo(17.4906260, within(1e-6));
    assertThat(d(r, "nps_ci95_high")).isEqualTo(100.0);
    assertThat(r.<String>getAs("direction")).isEqualTo("new");
    assertThat(r.<Long>getAs("previous_responses")).isZero();
    assertThat(r.<Double>getAs("previous_nps")).isNull();
    assertThat(r.<Double>getAs("p_value")).isNull();
  }

  @Test
  void previousWindow_zTest_andQ() {
    // SMB before: n' = 13, p' - d' = -3/13, same se by symmetry; z = (6/13) / (sqrt(2) se)
    // = 1.5183605, two-sided p = 0.1289235. total: now n = 20, p' - d' = 8/23, se = 0.1667967;
    // before n = 11, p' - d' = -2/14, se = 0.2168217; z = 1.7937221, p = 0.0728575.
    // BH over the two: 2 x 0.0728575 = 0.1457 > 0.1289235, so both q = 0.1289235
    Row smb = cells.get("SMB");
    assertThat(d(smb, "previous_nps")).isCloseTo(-30.0, within(1e-12));
    assertThat(d(smb, "delta")).isCloseTo(60.0, within(1e-12));
    assertThat(smb.<Long>getAs("previous_responses")).isEqualTo(10);
    assertThat(smb.<Long>getAs("previous_respondents")).isEqualTo(9);
    assertThat(d(smb, "p_value")).isCloseTo(0.1289235344, within(1e-9));
    assertThat(d(smb, "q_value")).isCloseTo(0.1289235344, within(1e-9));
    assertThat(smb.<String>getAs("direction"))
        .as("60 points up, but q = 0.13 at these sizes")
        .isEqualTo("stable");
    Row all = cells.get("all");
    assertThat(all.<Long>getAs("responses")).isEqualTo(20);
    assertThat(all.<Long>getAs("respondents")).isEqualTo(19);
    assertThat(d(all, "nps")).isCloseTo(40.0, within(1e-12));
    assertThat(d(all, "nps_ci95_low")).isCloseTo(2.0904458, within(1e-6));
    assertThat(d(all, "nps_ci95_high")).isCloseTo(67.4747716, within(1e-6));
    assertThat(d(all, "previous_nps")).isCloseTo(-200.0 / 11, within(1e-12));
    assertThat(d(all, "p_value")).isCloseTo(0.0728575307, within(1e-9));
    assertThat(d(all, "q_value")).isCloseTo(0.1289235344, within(1e-9));
    assertThat(all.<String>getAs("direction")).isEqualTo("stable");
  }

  @Test
  void tooFewPreviousRespondents_leaveTheComparisonOut() {
    Row r = cells.get("Mid");
    assertThat(r.<Boolean>getAs("suppressed")).isFalse();
    assertThat(d(r, "nps")).isCloseTo(0.0, within(1e-12));
    assertThat(r.<Long>getAs("previous_respondents")).isEqualTo(1);
    assertThat(r.<Double>getAs("previous_nps")).isNull();
    assertThat(r.<Double>getAs("delta")).isNull();
    assertThat(r.<Double>getAs("p_value")).isNull();
    assertThat(r.<Double>getAs("q_value")).isNull();
    assertThat(r.<String>getAs("direction")).isEqualTo("suppressed");
  }

  @Test
  void belowMinRespondents_isSuppressed_countsStay() {
    Row r = cells.get("Tiny");
    assertThat(r.<Boolean>getAs("suppressed")).isTrue();
    assertThat(r.<Long>getAs("responses")).isEqualTo(2);
    assertThat(r.<Long>getAs("respondents")).isEqualTo(2);
    for (String c :
        List.of(
            "promoters",
            "passives",
            "detractors",
            "promoter_share",
            "nps",
            "nps_ci95_low",
            "nps_ci95_high",
            "previous_nps",
            "p_value")) {
      assertThat(r.<Object>getAs(c)).as(c).isNull();
    }
    assertThat(r.<String>getAs("direction")).isEqualTo("suppressed");
  }
}

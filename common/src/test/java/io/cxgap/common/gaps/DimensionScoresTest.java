package io.cxgap.common.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.transform.AnalysisWindow;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * gap_dimension and servqual_index on a frame small enough to score by hand. Every expected value
 * is worked out in the comments from the rows below.
 */
class DimensionScoresTest extends GapFixtures {
  private static final TouchpointCatalog KIOSK =
      new TouchpointCatalog(
          List.of(
              new Touchpoint("pay", "Pay", "usage", "security", List.of(), 0),
              new Touchpoint("pin", "PIN", "usage", "security", List.of(), 0),
              new Touchpoint("screen", "Screen", "usage", "tangibility", List.of(), 0)),
          Map.of("security", 30.0, "tangibility", 10.0));

  private static final StructType ITEMS_MSA = ITEMS.add("msa", DataTypes.DoubleType);

  /** The columns of gap_segment_touchpoint that gap_dimension reads. */
  private static final StructType CELLS =
      StructType.fromDDL(
          "segment_dimension string, segment_value string, touchpoint string, dimension string");

  /** An item row with an msa value (null: no adequate answer). */
  private static Row item(String customer, String tp, double exp, double perc, Double msa) {
    return RowFactory.create(customer, tp, Date.valueOf("2026-06-10"), exp, perc, perc - exp, msa);
  }

  private static Dataset<Row> kioskItems() {
    return spark()
        .createDataFrame(
            List.of(
                item("c1", "pay", 80, 60, 10.0),
                item("c1", "pin", 70, 60, null),
                item("c2", "pay", 90, 50, -10.0),
                item("c2", "pin", 80, 80, 20.0),
                item("c3", "pay", 60, 70, null),
                // c4 answered pay twice: their pay value is the mean, exp 90, perc 70, gap -20
                item("c4", "pay", 100, 70, null),
                item("c4", "pay", 80, 70, null),
                item("c4", "pin", 90, 60, null),
                item("c1", "screen", 50, 40, null),
                item("c2", "screen", 60, 60, null),
                item("c3", "screen", 70, 50, null),
                // outside the 30-day window ending 2026-06-30: not counted
                RowFactory.create(
                    "c3", "pin", Date.valueOf("2026-05-01"), 0.0, 100.0, 100.0, null)),
            ITEMS_MSA);
  }

  private static Map<String, Row> byCell(Dataset<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : rows.collectAsList()) {
      out.put(
          r.getAs("segment_dimension")
              + "/"
              + r.getAs("segment_value")
              + "/"
              + r.getAs("dimension"),
          r);
    }
    return out;
  }

  private static Dataset<Row> computed;

  /** Computed once for the class and kept: every test reads the same small result. */
  private static synchronized Dataset<Row> gapDimension() {
    if (computed == null) {
      computed = spark().createDataFrame(compute().collectAsList(), compute().schema());
    }
    return computed;
  }

  /** The kiosk's four customers: c1 and c2 in North, c3 and c4 in South. */
  private static Dataset<Row> kioskCustomers() {
    return crm("c1/SMB/North", "c2/SMB/North", "c3/SMB/South", "c4/SMB/South");
  }

  /**
   * D's gap_segment_touchpoint rows for {@link #kioskItems}, by hand: every cut answered pay, pin
   * and screen in the window (South's pin by c4 only, c3's being outside it).
   */
  private static Dataset<Row> kioskCells() {
    List<Row> rows = new ArrayList<>();
    for (String[] cut :
        new String[][] {{"total", "all"}, {"region", "North"}, {"region", "South"}}) {
      rows.add(RowFactory.create(cut[0], cut[1], "pay", "security"));
      rows.add(RowFactory.create(cut[0], cut[1], "pin", "security"));
      rows.add(RowFactory.create(cut[0], cut[1], "screen", "tangibility"));
    }
    return spark().createDataFrame(rows, CELLS);
  }

  private static Dataset<Row> compute() {
    return DimensionScores.gapDimension(
        kioskItems(),
        kioskCells(),
        kioskCustomers(),
        KIOSK,
        List.of("region"),
        3,
        new AnalysisWindow(LocalDate.parse("2026-06-30"), 30));
  }

  @Test
  void respondentLevelScores_thenStatisticsOverRespondents() {
    Map<String, Row> cells = byCell(gapDimension());
    Row security = cells.get("total/all/security");
    // respondent gaps: c1 (-20 - 10)/2 = -15, c2 (-40 + 0)/2 = -20, c3 10, c4 (-20 - 30)/2 = -25
    assertThat(security.<Long>getAs("respondents")).isEqualTo(4L);
    assertThat(security.<Long>getAs("items")).isEqualTo(2L);
    assertThat(security.<Double>getAs("gap_mean")).isCloseTo(-12.5, within(1e-9));
    // deviations -2.5, -7.5, 22.5, -12.5: squares sum 725, / 3
    double sd = Math.sqrt(725.0 / 3);
    assertThat(security.<Double>getAs("gap_stddev")).isCloseTo(sd, within(1e-9));
    // t(0.975, 3) = 3.182446305284263, over n = 4 respondents
    double half = 3.182446305284263 * sd / 2;
    assertThat(security.<Double>getAs("gap_ci95_low")).isCloseTo(-12.5 - half, within(1e-6));
    assertThat(security.<Double>getAs("gap_ci95_high")).isCloseTo(-12.5 + half, within(1e-6));
    // expectation: 75, 85, 60, 90; experience (SERVPERF): 60, 65, 70, 65
    assertThat(security.<Double>getAs("expectation_mean")).isCloseTo(77.5, within(1e-9));
    assertThat(security.<Double>getAs("experience_mean")).isCloseTo(65.0, within(1e-9));
    // msa: c1 10 (pin has none), c2 (-10 + 20)/2 = 5; others have none
    assertThat(security.<Double>getAs("msa_mean")).isCloseTo(7.5, within(1e-9));
    assertThat(security.<Double>getAs("weight")).isCloseTo(0.75, within(1e-12));
    assertThat(security.<Boolean>getAs("suppressed")).isFalse();

    Row tangibility = cells.get("total/all/tangibility");
    // c1 -10, c2 0, c3 -20: mean -10, sd 10
    assertThat(tangibility.<Double>getAs("gap_mean")).isCloseTo(-10.0, within(1e-9));
    assertThat(tangibility.<Double>getAs("gap_stddev")).isCloseTo(10.0, within(1e-9));
    assertThat(tangibility.<Double>getAs("experience_mean")).isCloseTo(50.0, within(1e-9));
    assertThat(tangibility.<Double>getAs("msa_mean")).isNull();
    assertThat(tangibility.<Double>getAs("weight")).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void cronbachAlpha_overRespondentsWhoAnsweredEveryItem() {
    Row security = byCell(gapDimension()).get("total/all/security");
    // complete respondents: c1, c2, c4 (c3 skipped pin); k = 2
    assertThat(security.<Long>getAs("alpha_respondents")).isEqualTo(3L);
    // expectation: pay 80, 90, 90 (var 33.33); pin 70, 80, 90 (var 100);
    // sums 150, 170, 180 (var 233.33): 2 * (1 - 133.33 / 233.33) = 6/7
    assertThat(security.<Double>getAs("alpha_expectation")).isCloseTo(6.0 / 7, within(1e-9));
    // experience: pay 60, 50, 70 (var 100); pin 60, 80, 60 (var 133.33);
    // sums 120, 130, 130 (var 33.33): 2 * (1 - 233.33 / 33.33) = -12
    assertThat(security.<Double>getAs("alpha_experience")).isCloseTo(-12.0, within(1e-9));
    // gap: pay -20, -40, -20 (var 133.33); pin -10, 0, -30 (var 233.33);
    // sums -30, -40, -50 (var 100): 2 * (1 - 366.67 / 100) = -16/3
    assertThat(security.<Double>getAs("alpha_gap")).isCloseTo(-16.0 / 3, within(1e-9));
    Row tangibility = byCell(gapDimension()).get("total/all/tangibility");
    assertThat(tangibility.<Double>getAs("alpha_gap")).as("k = 1: no alpha").isNull();
  }

  /**
   * D's gap_segment_touchpoint rows for the items of {@link
   * #itemsAndCompleteRespondents_areCountedPerCell_notPerDimension}, by hand: the cuts and
   * touchpoints answered, with the catalog's dimension; a touchpoint the catalog lacks has none.
   */
  private static Dataset<Row> handCells() {
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("total", "all", "pay", "security"),
                RowFactory.create("total", "all", "pin", "security"),
                RowFactory.create("total", "all", "kiosk_wifi", null),
                RowFactory.create("region", "North", "pay", "security"),
                RowFactory.create("region", "North", "pin", "security"),
                RowFactory.create("region", "West", "pay", "security")),
            CELLS);
  }

  @Test
  void itemsAndCompleteRespondents_areCountedPerCell_notPerDimension() {
    // West answered only pay: West/security has 1 item, so c5 and c6 are complete there, while in
    // total/security (2 items) only c1 and c2 are
    Dataset<Row> items =
        spark()
            .createDataFrame(
                List.of(
                    item("c1", "pay", 80, 60, null),
                    item("c1", "pin", 70, 60, null),
                    item("c2", "pay", 90, 50, null),
                    item("c2", "pin", 80, 80, null),
                    item("c5", "pay", 60, 70, null),
                    item("c6", "pay", 50, 40, null)),
                ITEMS_MSA);
    Dataset<Row> customers = crm("c1/SMB/North", "c2/SMB/North", "c5/SMB/West", "c6/SMB/West");
    AnalysisWindow window = new AnalysisWindow(LocalDate.parse("2026-06-30"), 30);
    Map<String, Row> cells =
        byCell(
            DimensionScores.gapDimension(
                items, handCells(), customers, KIOSK, List.of("region"), 2, window));
    Row total = cells.get("total/all/security");
    assertThat(total.<Long>getAs("items")).isEqualTo(2L);
    assertThat(total.<Long>getAs("respondents")).isEqualTo(4L);
    assertThat(total.<Long>getAs("alpha_respondents")).isEqualTo(2L);
    Row west = cells.get("region/West/security");
    assertThat(west.<Long>getAs("items")).isEqualTo(1L);
    assertThat(west.<Long>getAs("alpha_respondents")).isEqualTo(2L);
    assertThat(west.<Double>getAs("alpha_expectation")).as("k = 1: no alpha").isNull();
    // West gaps: c5 10, c6 -10
    assertThat(west.<Double>getAs("gap_mean")).isCloseTo(0.0, within(1e-9));
    Row north = cells.get("region/North/security");
    assertThat(north.<Long>getAs("items")).isEqualTo(2L);
    assertThat(north.<Long>getAs("alpha_respondents")).isEqualTo(2L);
    // expectation: pay 80, 90 (var 50); pin 70, 80 (var 50); sums 150, 170 (var 200):
    // 2 * (1 - 100 / 200) = 1
    assertThat(north.<Double>getAs("alpha_expectation")).isCloseTo(1.0, within(1e-9));
    // total, over c1 and c2 only: the same two respondents, the same alpha
    assertThat(total.<Double>getAs("alpha_expectation")).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void cellsBelowMinRespondents_keepCountsAndNullEveryStatistic() {
    Row north = byCell(gapDimension()).get("region/North/security");
    assertThat(north.<Long>getAs("respondents")).isEqualTo(2L);
    assertThat(north.<Boolean>getAs("suppressed")).isTrue();
    for (String c :
        List.of(
            "expectation_mean",
            "experience_mean",
            "gap_mean",
            "gap_stddev",
            "gap_ci95_low",
            "gap_ci95_high",
            "msa_mean",
            "alpha_expectation",
            "alpha_experience",
            "alpha_gap")) {
      assertThat(north.<Object>getAs(c)).as(c).isNull();
    }
  }

  @Test
  void servqualIndex_unweightedWeightedAndExperience() {
    Map<String, Row> index = new HashMap<>();
    for (Row r : DimensionScores.servqualIndex(gapDimension()).collectAsList()) {
      index.put(r.getAs("segment_dimension") + "/" + r.getAs("segment_value"), r);
    }
    Row total = index.get("total/all");
    assertThat(total.<Long>getAs("dimensions")).isEqualTo(2L);
    // (-12.5 + -10) / 2; 0.75 * -12.5 + 0.25 * -10; (65 + 50) / 2
    assertThat(total.<Double>getAs("unweighted_gap")).isCloseTo(-11.25, within(1e-9));
    assertThat(total.<Double>getAs("weighted_gap")).isCloseTo(-11.875, within(1e-9));
    assertThat(total.<Double>getAs("experience_index")).isCloseTo(57.5, within(1e-9));
    Row north = index.get("region/North");
    assertThat(north.<Long>getAs("dimensions")).as("every dimension suppressed").isZero();
    assertThat(north.<Double>getAs("unweighted_gap")).isNull();
    assertThat(north.<Double>getAs("weighted_gap")).isNull();
  }

  @Test
  void servqualIndex_weightsRenormaliseOverTheWeightedDimensionsPresent() {
    StructType s =
        new StructType()
            .add("as_of_date", DataTypes.DateType)
            .add("window_days", DataTypes.IntegerType)
            .add("segment_dimension", DataTypes.StringType)
            .add("segment_value", DataTypes.StringType)
            .add("dimension", DataTypes.StringType)
            .add("gap_mean", DataTypes.DoubleType)
            .add("experience_mean", DataTypes.DoubleType)
            .add("weight", DataTypes.DoubleType);
    Date d = Date.valueOf("2026-06-30");
    Dataset<Row> dims =
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create(d, 30, "total", "all", "security", -12.0, 60.0, 0.5),
                    RowFactory.create(d, 30, "total", "all", "tangibility", -6.0, 70.0, null),
                    // suppressed: no gap, its weight drops out
                    RowFactory.create(d, 30, "total", "all", "empathy", null, null, 0.5)),
                s);
    Row r = DimensionScores.servqualIndex(dims).first();
    assertThat(r.<Long>getAs("dimensions")).isEqualTo(2L);
    assertThat(r.<Double>getAs("unweighted_gap")).isCloseTo(-9.0, within(1e-9));
    // only security is weighted and present: 0.5 * -12 / 0.5
    assertThat(r.<Double>getAs("weighted_gap")).isCloseTo(-12.0, within(1e-9));
    assertThat(r.<Double>getAs("experience_index")).isCloseTo(65.0, within(1e-9));
  }

  @Test
  void withoutWeights_weightAndWeightedGapAreNull() {
    TouchpointCatalog unweighted = new TouchpointCatalog(KIOSK.touchpoints());
    Dataset<Row> dims =
        DimensionScores.gapDimension(
            kioskItems(),
            kioskCells(),
            kioskCustomers(),
            unweighted,
            List.of("region"),
            3,
            new AnalysisWindow(LocalDate.parse("2026-06-30"), 30));
    assertThat(byCell(dims).get("total/all/security").<Double>getAs("weight")).isNull();
    Row total = DimensionScores.servqualIndex(dims).where("segment_dimension = 'total'").first();
    assertThat(total.<Double>getAs("weighted_gap")).isNull();
    assertThat(total.<Double>getAs("unweighted_gap")).isCloseTo(-11.25, within(1e-9));
  }
}

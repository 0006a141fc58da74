package io.cxgap.common.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class NormaliseTest extends SparkTestBase {
  static final StructType BRONZE =
      new StructType()
          .add("response_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("survey_id", DataTypes.StringType)
          .add("responded_at", DataTypes.TimestampType)
          .add("touchpoint", DataTypes.StringType)
          .add("expectation", DataTypes.DoubleType)
          .add("experience", DataTypes.DoubleType)
          .add("scale_min", DataTypes.DoubleType)
          .add("scale_max", DataTypes.DoubleType)
          .add("overall_nps", DataTypes.DoubleType)
          .add("comment", DataTypes.StringType)
          .add("batch_id", DataTypes.LongType);

  private static Row item(double exp, double perc, double min, double max) {
    Row in =
        RowFactory.create(
            "R",
            "C",
            "S",
            Timestamp.valueOf("2026-10-01 23:30:00"),
            "billing",
            exp,
            perc,
            min,
            max,
            9.0,
            null,
            1L);
    return Normalise.surveyItems(spark().createDataFrame(List.of(in), BRONZE)).head();
  }

  @Test
  void gap_isNormalisedExperienceMinusExpectation_onOneToFive() {
    // 1..5: expectation 4 -> 100*(4-1)/4 = 75; experience 2 -> 25; gap -50
    Row r = item(4, 2, 1, 5);
    assertThat(r.<Double>getAs("expectation_norm")).isCloseTo(75.0, within(1e-12));
    assertThat(r.<Double>getAs("experience_norm")).isCloseTo(25.0, within(1e-12));
    assertThat(r.<Double>getAs("gap")).isCloseTo(-50.0, within(1e-12));
  }

  @Test
  void gap_onOneToSeven() {
    // 1..7: expectation 6 -> 100*5/6 = 83.333...; experience 7 -> 100; gap 16.666...
    Row r = item(6, 7, 1, 7);
    assertThat(r.<Double>getAs("expectation_norm")).isCloseTo(500.0 / 6, within(1e-9));
    assertThat(r.<Double>getAs("experience_norm")).isCloseTo(100.0, within(1e-12));
    assertThat(r.<Double>getAs("gap")).isCloseTo(100.0 / 6, within(1e-9));
  }

  @Test
  void gap_onZeroToTen() {
    // 0..10: expectation 9 -> 90; experience 3 -> 30; gap -60
    Row r = item(9, 3, 0, 10);
    assertThat(r.<Double>getAs("expectation_norm")).isCloseTo(90.0, within(1e-12));
    assertThat(r.<Double>getAs("gap")).isCloseTo(-60.0, within(1e-12));
  }

  @Test
  void responseDate_isTheUtcDate() {
    assertThat(item(1, 1, 1, 7).<java.sql.Date>getAs("response_date").toString())
        .isEqualTo("2026-10-01");
  }

  static final StructType BRONZE_ADEQUATE = BRONZE.add("adequate", DataTypes.DoubleType);

  /** Silver rows for (expectation, experience, adequate) triples on one scale, in order. */
  private static List<Row> zone(double min, double max, Double[]... triples) {
    List<Row> in = new java.util.ArrayList<>();
    for (Double[] t : triples) {
      in.add(
          RowFactory.create(
              "R",
              "C",
              "S",
              Timestamp.valueOf("2026-10-01 12:00:00"),
              "billing",
              t[0],
              t[1],
              min,
              max,
              null,
              null,
              1L,
              t[2]));
    }
    return Normalise.surveyItems(spark().createDataFrame(in, BRONZE_ADEQUATE))
        .orderBy("expectation", "experience")
        .collectAsList();
  }

  @Test
  void adequate_isNormalised_msaIsExperienceMinusAdequate_andNoInversion() {
    // 1..5: expectation 5 -> 100; experience 2 -> 25; adequate 3 -> 50; msa 25 - 50 = -25
    Row r = zone(1, 5, new Double[] {5.0, 2.0, 3.0}).get(0);
    assertThat(r.<Double>getAs("adequate")).isEqualTo(3.0);
    assertThat(r.<Double>getAs("adequate_norm")).isCloseTo(50.0, within(1e-12));
    assertThat(r.<Double>getAs("msa")).isCloseTo(-25.0, within(1e-12));
    assertThat(r.<Double>getAs("gap")).isCloseTo(-75.0, within(1e-12));
    assertThat(r.<Boolean>getAs("zot_inversion")).isFalse();
  }

  @Test
  void adequateEqualToExpectation_isNoInversion_andHasAnMsa() {
    // 0..10: expectation 6, adequate 6 -> 60; experience 9 -> 90; msa 30
    Row r = zone(0, 10, new Double[] {6.0, 9.0, 6.0}).get(0);
    assertThat(r.<Boolean>getAs("zot_inversion")).isFalse();
    assertThat(r.<Double>getAs("msa")).isCloseTo(30.0, within(1e-12));
  }

  @Test
  void inversion_keepsItsAdequateAndGap_butHasNoMsa() {
    // 1..7: expectation 4 -> 50; adequate 6 -> 83.33 > expectation; experience 7 -> 100, gap 50
    Row r = zone(1, 7, new Double[] {4.0, 7.0, 6.0}).get(0);
    assertThat(r.<Boolean>getAs("zot_inversion")).isTrue();
    assertThat(r.<Double>getAs("adequate_norm")).isCloseTo(500.0 / 6, within(1e-9));
    assertThat(r.<Double>getAs("msa")).isNull();
    assertThat(r.<Double>getAs("gap")).isCloseTo(50.0, within(1e-12));
  }

  @Test
  void rowWithoutAdequate_hasNullZoneColumns_besideOneWithIt() {
    List<Row> rows = zone(1, 7, new Double[] {4.0, 4.0, null}, new Double[] {5.0, 4.0, 2.0});
    Row none = rows.get(0);
    assertThat(none.<Double>getAs("adequate_norm")).isNull();
    assertThat(none.<Double>getAs("msa")).isNull();
    assertThat(none.<Boolean>getAs("zot_inversion")).isNull();
    assertThat(none.<Double>getAs("gap")).isCloseTo(0.0, within(1e-12));
    // 1..7: experience 4 -> 50, adequate 2 -> 16.67: msa 33.33
    assertThat(rows.get(1).<Double>getAs("msa")).isCloseTo(100.0 / 3, within(1e-9));
  }

  @Test
  void bronzeWrittenBeforeTheAdequateColumn_readsAsNoAdequateAnswers() {
    Row r = item(4, 2, 1, 5);
    assertThat(r.<Double>getAs("adequate")).isNull();
    assertThat(r.<Double>getAs("adequate_norm")).isNull();
    assertThat(r.<Double>getAs("msa")).isNull();
    assertThat(r.<Boolean>getAs("zot_inversion")).isNull();
  }

  @Test
  void inversions_countsOnlyAdequateAboveExpectation() {
    List<Row> in = new java.util.ArrayList<>();
    Double[][] t = {{4.0, 4.0, null}, {4.0, 4.0, 5.0}, {4.0, 4.0, 4.0}, {3.0, 4.0, 7.0}};
    for (Double[] x : t) {
      in.add(
          RowFactory.create(
              "R",
              "C",
              "S",
              Timestamp.valueOf("2026-10-01 12:00:00"),
              "billing",
              x[0],
              x[1],
              1.0,
              7.0,
              null,
              null,
              1L,
              x[2]));
    }
    Row n =
        Normalise.surveyItems(spark().createDataFrame(in, BRONZE_ADEQUATE))
            .agg(Normalise.inversions())
            .head();
    assertThat(n.getLong(0)).as("5 > 4 and 7 > 3; 4 = 4 is none, null is none").isEqualTo(2);
  }
}

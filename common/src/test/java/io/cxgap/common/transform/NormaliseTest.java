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
}

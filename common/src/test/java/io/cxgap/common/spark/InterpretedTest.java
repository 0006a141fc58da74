package io.cxgap.common.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Sessions#interpreted}: the body's plans run without generated code, and the session's
 * settings are as before afterwards, also when the body fails. The test session interprets
 * everything (SparkTestBase), so each test first turns code generation on, as the product's
 * sessions have it, and the test session's settings are put back after it.
 */
class InterpretedTest extends SparkTestBase {
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY = "spark.sql.codegen.factoryMode";
  private String wholeStageBefore;
  private String factoryBefore;

  @BeforeEach
  void compiled() {
    RuntimeConfig conf = spark().conf();
    wholeStageBefore = conf.get(WHOLE_STAGE);
    factoryBefore = conf.get(FACTORY);
    conf.set(WHOLE_STAGE, "true");
    conf.set(FACTORY, "FALLBACK");
  }

  @AfterEach
  void testSettingsBack() {
    spark().conf().set(WHOLE_STAGE, wholeStageBefore);
    spark().conf().set(FACTORY, factoryBefore);
  }

  /**
   * Whether Spark compiles the query's plan as one whole-stage generated class (its root is then a
   * {@link WholeStageCodegenExec}: range, filter and projection need no exchange between them).
   */
  private static boolean compiled(SparkSession spark) {
    return query(spark).queryExecution().executedPlan() instanceof WholeStageCodegenExec;
  }

  private static Dataset<Long> query(SparkSession spark) {
    return spark.range(0, 10).selectExpr("id * 2 AS x").where("x % 3 = 0").as(Encoders.LONG());
  }

  @Test
  void body_runsWithoutGeneratedCode_andGivesTheSameRows() {
    SparkSession spark = spark();
    assertThat(compiled(spark)).as("compiled outside the body").isTrue();

    boolean inside = Sessions.interpreted(spark, () -> compiled(spark));
    List<Long> rows = Sessions.interpreted(spark, () -> query(spark).collectAsList());

    assertThat(inside).as("compiled inside the body").isFalse();
    // 0, 2, ..., 18, those divisible by 3
    assertThat(rows).containsExactly(0L, 6L, 12L, 18L);
    assertThat(Sessions.interpreted(spark, () -> spark.conf().get(FACTORY)))
        .isEqualTo("NO_CODEGEN");
  }

  @Test
  void settings_areBackAfterTheBody_alsoWhenItFails() {
    SparkSession spark = spark();
    Sessions.interpreted(spark, () -> 1);
    assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("true");
    assertThat(spark.conf().get(FACTORY)).isEqualTo("FALLBACK");
    assertThat(compiled(spark)).as("compiled again after the body").isTrue();

    assertThatThrownBy(
            () ->
                Sessions.interpreted(
                    spark,
                    () -> {
                      throw new IllegalStateException("step failed");
                    }))
        .hasMessage("step failed");
    assertThat(spark.conf().get(WHOLE_STAGE)).isEqualTo("true");
    assertThat(spark.conf().get(FACTORY)).isEqualTo("FALLBACK");
  }
}

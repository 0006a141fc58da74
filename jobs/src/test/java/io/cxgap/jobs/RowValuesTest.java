package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import scala.collection.JavaConverters;

/** The comparison StandaloneClusterIT relies on must see real differences. */
class RowValuesTest {
  private static Object scalaMap(Map<String, Double> m) {
    return JavaConverters.mapAsScalaMap(m);
  }

  private static Object scalaSeq(List<String> l) {
    return JavaConverters.asScalaBuffer(l).toSeq();
  }

  @Test
  void doubles_agreeWithin1e9_andDifferBeyond() {
    Row a = RowFactory.create("gold", 12.5, null);
    assertThat(RowValues.same(a, RowFactory.create("gold", 12.5 + 1e-11, null))).isTrue();
    assertThat(RowValues.same(a, RowFactory.create("gold", 12.5001, null))).isFalse();
    assertThat(RowValues.same(a, RowFactory.create("silver", 12.5, null))).isFalse();
    assertThat(RowValues.same(a, RowFactory.create("gold", 12.5, 1L))).isFalse();
    assertThat(RowValues.same(RowFactory.create(Double.NaN), RowFactory.create(Double.NaN)))
        .isTrue();
  }

  @Test
  void mapsAndArrays_areComparedElementByElement() {
    Row a =
        RowFactory.create(
            scalaMap(Map.of("delivery", 0.25, "billing", 0.5)),
            scalaSeq(List.of("delivery", "billing")));
    assertThat(
            RowValues.same(
                a,
                RowFactory.create(
                    scalaMap(Map.of("billing", 0.5, "delivery", 0.25)),
                    scalaSeq(List.of("delivery", "billing")))))
        .isTrue();
    assertThat(
            RowValues.same(
                a,
                RowFactory.create(
                    scalaMap(Map.of("delivery", 0.25, "billing", 0.51)),
                    scalaSeq(List.of("delivery", "billing")))))
        .isFalse();
    assertThat(
            RowValues.same(
                a,
                RowFactory.create(
                    scalaMap(Map.of("delivery", 0.25)), scalaSeq(List.of("delivery", "billing")))))
        .isFalse();
    assertThat(
            RowValues.same(
                a,
                RowFactory.create(
                    scalaMap(Map.of("delivery", 0.25, "billing", 0.5)),
                    scalaSeq(List.of("billing", "delivery")))))
        .isFalse();
  }
}

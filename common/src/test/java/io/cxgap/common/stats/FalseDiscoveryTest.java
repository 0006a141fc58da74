package io.cxgap.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
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
 * Benjamini–Hochberg q-values (DESIGN.md §5), worked out by hand. Date 1: p = 0.2, 0.005, null,
 * 0.9, 0.03, 0.2, 0.031; m = 6 non-null. Sorted: 0.005 (1), 0.03 (2), 0.031 (3), 0.2 (4), 0.2 (5),
 * 0.9 (6); m·p/j = 0.03, 0.09, 0.062, 0.3, 0.24, 0.9; the minimum from each rank on: 0.03, 0.062,
 * 0.062, 0.24, 0.24, 0.9. Date 2 is a family of its own: p = 0.6, 0.9, m = 2; m·p/j = 1.2, 0.9 -> q
 * = 0.9, 0.9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FalseDiscoveryTest extends SparkTestBase {
  final Map<String, Double> q = new HashMap<>();

  @BeforeAll
  void compute() {
    StructType s =
        new StructType()
            .add("as_of_date", DataTypes.StringType)
            .add("cell", DataTypes.StringType)
            .add("p_value", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    Object[][] data = {
      {"d1", "a", 0.2},
      {"d1", "b", 0.005},
      {"d1", "c", null},
      {"d1", "d", 0.9},
      {"d1", "e", 0.03},
      {"d1", "f", 0.2},
      {"d1", "g", 0.031},
      {"d2", "a", 0.6},
      {"d2", "b", 0.9},
      {"d3", "a", null}
    };
    for (Object[] r : data) {
      rows.add(RowFactory.create(r));
    }
    for (Row r :
        FalseDiscovery.withQValue(
                spark().createDataFrame(rows, s), "p_value", "q_value", "as_of_date")
            .collectAsList()) {
      q.put(r.getString(0) + "/" + r.getString(1), r.isNullAt(3) ? null : r.getDouble(3));
    }
  }

  @Test
  void smallestP_isMTimesP() {
    assertThat(q.get("d1/b")).isCloseTo(0.03, within(1e-12));
  }

  @Test
  void qIsTheMinimumFromItsRankOn_theMonotoneStep() {
    // rank 2: 6 * 0.03 / 2 = 0.09, but rank 3 gives 6 * 0.031 / 3 = 0.062
    assertThat(q.get("d1/e")).isCloseTo(0.062, within(1e-12));
    assertThat(q.get("d1/g")).isCloseTo(0.062, within(1e-12));
  }

  @Test
  void tiedPs_getTheSameQ() {
    // ranks 4 and 5: 6 * 0.2 / 4 = 0.3 and 6 * 0.2 / 5 = 0.24 -> both 0.24
    assertThat(q.get("d1/a")).isCloseTo(0.24, within(1e-12));
    assertThat(q.get("d1/f")).isCloseTo(0.24, within(1e-12));
    assertThat(q.get("d1/d")).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void nullP_hasNullQ_andIsNotCountedInM() {
    assertThat(q).containsKey("d1/c").containsKey("d3/a");
    assertThat(q.get("d1/c")).isNull();
    assertThat(q.get("d3/a")).isNull();
  }

  @Test
  void eachGroupIsAFamilyOfItsOwn_andQNeverExceedsOne() {
    // m = 2 in d2: 2 * 0.6 / 1 = 1.2 is above 1; the minimum with 2 * 0.9 / 2 = 0.9 brings it down
    assertThat(q.get("d2/a")).isCloseTo(0.9, within(1e-12));
    assertThat(q.get("d2/b")).isCloseTo(0.9, within(1e-12));
    assertThat(q.values()).allMatch(v -> v == null || v <= 1.0);
  }
}

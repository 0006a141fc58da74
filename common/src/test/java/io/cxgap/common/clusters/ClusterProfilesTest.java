package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Customer and profile rows on three customers, worked by hand. X and Y are in cluster 7 (k-means
 * index 0, centroid (0, 0)), Z in cluster 9 (index 1, centroid (1, 1)).
 */
class ClusterProfilesTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  private static Dataset<Row> clusters() {
    Map<String, Double> c0 = new LinkedHashMap<>(Map.of("a", 0.0));
    c0.put("b", 0.0);
    Map<String, Double> c1 = new LinkedHashMap<>(Map.of("a", 1.0));
    c1.put("b", 1.0);
    return ClusterProfiles.clusterFrame(
        spark(),
        List.of(
            new ClusterProfiles.Cluster(0, 7, "no pain", List.of(), c0, 0.01, 0.8),
            new ClusterProfiles.Cluster(1, 9, "a + b", List.of("a", "b"), c1, null, 0.6)));
  }

  private static Dataset<Row> assigned() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add(ClusterColumns.FEATURES, SQLDataTypes.VectorType())
            .add(ClusterColumns.PREDICTION, DataTypes.IntegerType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("X", Vectors.dense(0.3, 0.4), 0),
                RowFactory.create("Y", Vectors.dense(0.0, 0.0), 0),
                RowFactory.create("Z", Vectors.dense(1.0, 0.0), 1)),
            s);
  }

  /** X answered two responses (NPS 6 on both items of the first, 10 on the second), Y none, Z 4. */
  private static Dataset<Row> items() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("response_id", DataTypes.StringType)
            .add("overall_nps", DataTypes.DoubleType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("X", "r1", 6.0),
                RowFactory.create("X", "r1", 6.0),
                RowFactory.create("X", "r2", 10.0),
                RowFactory.create("Y", "r3", null),
                RowFactory.create("Z", "r4", 4.0)),
            s);
  }

  /** X is SMB, Z Enterprise; Y is missing from the CRM slice. */
  private static Dataset<Row> segments() {
    return strings(
        List.of("customer_id", "segment_value"),
        new String[] {"X", "SMB"},
        new String[] {"Z", "Enterprise"});
  }

  @Test
  void customerRows_carryTheClusterId_label_andTheEuclideanDistanceToTheCentroid() {
    Map<String, Row> got = new HashMap<>();
    for (Row r : ClusterProfiles.customerRows(assigned(), clusters(), D).collectAsList()) {
      got.put(r.getString(1), r);
    }
    assertThat(got.get("X").getInt(2)).isEqualTo(7);
    assertThat(got.get("X").getString(3)).isEqualTo("no pain");
    assertThat(got.get("X").getDouble(4)).as("|(0.3, 0.4)|").isCloseTo(0.5, within(1e-12));
    assertThat(got.get("Y").getDouble(4)).isZero();
    assertThat(got.get("Z").getInt(2)).isEqualTo(9);
    assertThat(got.get("Z").getDouble(4)).as("|(1,0) - (1,1)|").isCloseTo(1.0, within(1e-12));
    assertThat(got.get("Z").getDate(0).toLocalDate()).isEqualTo(D);
  }

  @Test
  void profileRows_countShareNpsAndSegmentMix_perCluster() {
    Map<Integer, Double> candidates = new TreeMap<>(Map.of(2, 0.7, 3, 0.5));
    ClusterProfiles.RunInfo info =
        new ClusterProfiles.RunInfo(D, 90, "segment", 2, candidates, Map.of("a", 0.0, "b", 0.0));
    Dataset<Row> customers = ClusterProfiles.customerRows(assigned(), clusters(), D);
    Dataset<Row> p =
        ClusterProfiles.conform(
            ClusterProfiles.profileRows(
                customers, ClusterProfiles.customerNps(items()), segments(), clusters(), 3, info),
            ClusterProfiles.PROFILE_SCHEMA);
    List<Row> rows = p.collectAsList();
    assertThat(rows).hasSize(2);
    Row seven = rows.get(0);
    Row nine = rows.get(1);
    assertThat(seven.<Integer>getAs("cluster_id")).isEqualTo(7);
    assertThat(seven.<Long>getAs("customers")).isEqualTo(2);
    assertThat(seven.<Double>getAs("share")).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(seven.<Double>getAs("mean_nps"))
        .as("X: mean of its responses (6 + 10)/2 = 8, not of its items; Y has none")
        .isCloseTo(8.0, within(1e-12));
    assertThat(seven.getJavaMap(seven.fieldIndex("segment_mix")))
        .isEqualTo(Map.of("SMB", 0.5, "unknown", 0.5));
    assertThat(seven.<Double>getAs("match_distance")).isEqualTo(0.01);
    assertThat(seven.<Double>getAs("silhouette")).isEqualTo(0.8);
    assertThat(nine.<Long>getAs("customers")).isEqualTo(1);
    assertThat(nine.<Double>getAs("mean_nps")).isCloseTo(4.0, within(1e-12));
    assertThat(nine.getJavaMap(nine.fieldIndex("segment_mix")))
        .isEqualTo(Map.of("Enterprise", 1.0));
    assertThat(nine.getList(nine.fieldIndex("top_pains"))).containsExactly("a", "b");
    assertThat(nine.<Object>getAs("match_distance")).isNull();
    assertThat(nine.getJavaMap(nine.fieldIndex("centroid"))).isEqualTo(Map.of("a", 1.0, "b", 1.0));
    assertThat(nine.getJavaMap(nine.fieldIndex("candidate_silhouettes")))
        .isEqualTo(Map.of(2, 0.7, 3, 0.5));
    assertThat(nine.<Integer>getAs("k")).isEqualTo(2);
    assertThat(nine.<String>getAs("segment_dimension")).isEqualTo("segment");
    assertThat(nine.<Integer>getAs("window_days")).isEqualTo(90);
  }
}

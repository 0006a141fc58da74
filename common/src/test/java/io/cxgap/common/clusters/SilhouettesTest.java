package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Silhouettes (squared Euclidean, as Spark's ClusteringEvaluator) on 1-D points. */
class SilhouettesTest extends SparkTestBase {
  // cluster 0: {0, 2}; cluster 1: {10, 11, 13}; cluster 2: {30}
  static final double[] X = {0, 2, 10, 11, 13, 30};
  static final int[] C = {0, 0, 1, 1, 1, 2};

  private static Dataset<Row> scored() {
    StructType s =
        new StructType()
            .add(ClusterColumns.FEATURES, SQLDataTypes.VectorType())
            .add(ClusterColumns.PREDICTION, DataTypes.IntegerType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < X.length; i++) {
      rows.add(RowFactory.create(Vectors.dense(X[i]), C[i]));
    }
    return spark().createDataFrame(rows, s);
  }

  /**
   * By the definition: mean squared distances to own cluster's others (a) and nearest other (b).
   */
  private static double byDefinition(int i) {
    double[] sum = new double[3];
    int[] n = new int[3];
    for (int j = 0; j < X.length; j++) {
      if (j != i) {
        sum[C[j]] += (X[i] - X[j]) * (X[i] - X[j]);
        n[C[j]]++;
      }
    }
    if (n[C[i]] == 0) {
      return 0;
    }
    double a = sum[C[i]] / n[C[i]];
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < 3; c++) {
      if (c != C[i]) {
        b = Math.min(b, sum[c] / n[c]);
      }
    }
    return (b - a) / Math.max(a, b);
  }

  @Test
  void thePointAtZero_workedByHand() {
    // a = (0-2)² = 4; b = min((100 + 121 + 169)/3, 900) = 130; s = 1 - 4/130
    assertThat(byDefinition(0)).isCloseTo(1 - 4.0 / 130.0, within(1e-12));
  }

  private static double[][] points() {
    double[][] p = new double[X.length][];
    for (int i = 0; i < X.length; i++) {
      p[i] = new double[] {X[i]};
    }
    return p;
  }

  @Test
  void perCluster_isTheMeanOfItsMembersSilhouettes_andZeroForASingleton() {
    Map<Integer, Double> got = Silhouettes.perCluster(points(), C, 3);
    assertThat(got.get(0)).isCloseTo((byDefinition(0) + byDefinition(1)) / 2, within(1e-9));
    assertThat(got.get(1))
        .isCloseTo((byDefinition(2) + byDefinition(3) + byDefinition(4)) / 3, within(1e-9));
    assertThat(got.get(2)).isZero();
  }

  @Test
  void theMeanOverAllPoints_isTheDefinitions_andSparksClusteringEvaluators() {
    double mean = 0;
    for (int i = 0; i < X.length; i++) {
      mean += byDefinition(i) / X.length;
    }
    double spark =
        new ClusteringEvaluator()
            .setFeaturesCol(ClusterColumns.FEATURES)
            .setPredictionCol(ClusterColumns.PREDICTION)
            .evaluate(scored());
    assertThat(spark).as("Spark's silhouette vs the definition").isCloseTo(mean, within(1e-9));
    assertThat(Silhouettes.mean(points(), C, 3)).isCloseTo(mean, within(1e-12));
  }

  @Test
  void aClusterWithoutMembers_hasNoEntry_andDoesNotCountAsTheNearest() {
    // the same points with k = 4: cluster 3 is empty
    Map<Integer, Double> got = Silhouettes.perCluster(points(), C, 4);
    assertThat(got).containsOnlyKeys(0, 1, 2);
    assertThat(got.get(0)).isCloseTo((byDefinition(0) + byDefinition(1)) / 2, within(1e-9));
  }
}

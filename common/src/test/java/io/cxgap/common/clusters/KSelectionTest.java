package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class KSelectionTest extends SparkTestBase {

  /** {@code perBlob} points around each centre, on a ±0.02 grid. */
  private static Dataset<Row> blobs(int perBlob, double[]... centres) {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add(ClusterColumns.FEATURES, SQLDataTypes.VectorType());
    List<Row> rows = new ArrayList<>();
    int id = 0;
    for (double[] c : centres) {
      for (int i = 0; i < perBlob; i++) {
        double dx = 0.02 * ((i % 3) - 1);
        double dy = 0.02 * (((i / 3) % 3) - 1);
        rows.add(
            RowFactory.create(
                String.format(java.util.Locale.ROOT, "C%04d", id++),
                Vectors.dense(c[0] + dx, c[1] + dy)));
      }
    }
    return spark().createDataFrame(rows, s).cache();
  }

  @Test
  void threeSeparateBlobs_giveKThree_theBestOfEveryCandidatesSilhouette() {
    Dataset<Row> f = blobs(12, new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    KSelection.Choice c = KSelection.choose(f, KSelection.points(f), 2, 4, 42);
    assertThat(c.k()).isEqualTo(3);
    assertThat(c.silhouettes().keySet()).containsExactly(2, 3, 4);
    double best =
        c.silhouettes().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(c.silhouettes().get(3)).isEqualTo(best);
    assertThat(c.model().clusterCenters()).hasSize(3);
  }

  @Test
  void kIsChosenOnTheSample_andTheModelIsFittedOnEveryCustomer() {
    // the sample holds two of the three blobs: two clusters score best there
    Dataset<Row> all = blobs(12, new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    Dataset<Row> sample = all.where("customer_id < 'C0024'").cache();
    KSelection.Choice c = KSelection.choose(all, KSelection.points(sample), 2, 4, 42);
    assertThat(c.k()).isEqualTo(2);
    long[] sizes = c.model().summary().clusterSizes();
    assertThat(sizes).hasSize(2);
    assertThat(sizes[0] + sizes[1])
        .as("fitted on all 36 customers, not the 24 of the sample")
        .isEqualTo(36);
  }

  @Test
  void aCandidatesScore_isSparksSilhouetteOfTheBlobs_whichItsFitRecovers() {
    Dataset<Row> f = blobs(12, new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1});
    // the blobs' own labels: ids C0000..C0011 are blob 0, and so on
    Dataset<Row> labelled =
        f.withColumn(
            ClusterColumns.PREDICTION,
            functions.expr("int(cast(substring(customer_id, 2) AS INT) DIV 12)"));
    double spark =
        new ClusteringEvaluator()
            .setFeaturesCol(ClusterColumns.FEATURES)
            .setPredictionCol(ClusterColumns.PREDICTION)
            .evaluate(labelled);
    double[][] points = KSelection.points(f);
    assertThat(KSelection.silhouette(points, 3, 42)).isCloseTo(spark, within(1e-9));
    assertThat(KSelection.silhouette(points, 3, 7))
        .as("another seed, the same blobs")
        .isCloseTo(spark, within(1e-9));
  }

  @Test
  void theSameSampleAndSeed_giveTheSameScores() {
    Dataset<Row> f =
        blobs(30, new double[] {0, 0}, new double[] {0.1, 0.05}, new double[] {0.05, 0.1});
    double[][] points = KSelection.points(f);
    for (int k = 2; k <= 6; k++) {
      assertThat(KSelection.silhouette(points, k, 42))
          .as("k = %d", k)
          .isEqualTo(KSelection.silhouette(points, k, 42));
    }
  }

  @Test
  void candidatesAboveTheCustomerCount_areSkipped() {
    Dataset<Row> f =
        blobs(
            1, new double[] {0, 0}, new double[] {1, 0}, new double[] {0, 1}, new double[] {1, 1});
    KSelection.Choice c = KSelection.choose(f, KSelection.points(f), 2, 6, 42);
    assertThat(c.silhouettes().keySet()).containsExactly(2, 3, 4);
  }

  @Test
  void customersAllAlike_giveOneCluster_andVoidCandidates() {
    Dataset<Row> f =
        blobs(1, new double[] {0.2, 0.2}, new double[] {0.2, 0.2}, new double[] {0.2, 0.2});
    KSelection.Choice c = KSelection.choose(f, KSelection.points(f), 2, 4, 42);
    assertThat(c.k()).isEqualTo(1);
    assertThat(c.silhouettes()).containsEntry(2, null).containsEntry(3, null).doesNotContainKey(4);
  }

  @Test
  void theSample_isAtMostMax_andTheSameCustomersForTheSameSeed() {
    Dataset<Row> f = blobs(20, new double[] {0, 0}, new double[] {1, 0});
    List<String> a =
        KSelection.sample(f, 15, 42).select("customer_id").as(Encoders.STRING()).collectAsList();
    List<String> b =
        KSelection.sample(f.repartition(3), 15, 42)
            .select("customer_id")
            .as(Encoders.STRING())
            .collectAsList();
    List<String> other =
        KSelection.sample(f, 15, 43).select("customer_id").as(Encoders.STRING()).collectAsList();
    assertThat(a).hasSize(15).doesNotHaveDuplicates();
    assertThat(b).as("same seed, other partitioning").containsExactlyInAnyOrderElementsOf(a);
    assertThat(other).as("another seed").isNotEqualTo(a);
    assertThat(KSelection.sample(f, 100, 42).count()).isEqualTo(40);
  }
}

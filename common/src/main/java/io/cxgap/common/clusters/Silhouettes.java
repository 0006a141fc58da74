package io.cxgap.common.clusters;

import static org.apache.spark.sql.functions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The mean silhouette of each cluster's members in a sample, with the same definition as Spark's
 * {@code ClusteringEvaluator} (squared Euclidean distance): for a point x of cluster A, {@code a}
 * is its mean squared distance to A's other members, {@code b} the smallest mean squared distance
 * to the members of another cluster, and {@code s = (b - a) / max(a, b)}; 0 in a cluster of one.
 * Cluster sums make it one pass over the sample: the mean squared distance of x to the n members
 * of C is {@code |x|² - 2·x·ΣC/n + Σ|y|²/n}.
 */
final class Silhouettes {
  private Silhouettes() {}

  /** Per-cluster sums of a sample: members, feature sums, sums of squared norms. */
  record Stats(long[] n, double[][] sum, double[] sqNorm) implements java.io.Serializable {}

  /**
   * Cluster index → mean silhouette of its members in {@code scored} (features and the k-means
   * prediction, at most cx.clusters.silhouette-sample rows). Clusters absent from the sample have
   * no entry.
   */
  static Map<Integer, Double> perCluster(Dataset<Row> scored, int k) {
    Stats stats = stats(scored, k);
    UserDefinedFunction s =
        udf(
            (UDF2<Vector, Integer, Double>) (v, c) -> point(v.toArray(), c, stats),
            DataTypes.DoubleType);
    List<Row> rows =
        scored
            .groupBy(col(ClusterColumns.PREDICTION))
            .agg(avg(s.apply(col(ClusterColumns.FEATURES), col(ClusterColumns.PREDICTION))))
            .collectAsList();
    Map<Integer, Double> out = new HashMap<>();
    for (Row r : rows) {
      out.put(r.getInt(0), r.getDouble(1));
    }
    return out;
  }

  private static Stats stats(Dataset<Row> scored, int k) {
    long[] n = new long[k];
    double[][] sums = new double[k][];
    double[] sq = new double[k];
    List<Row> rows =
        scored
            .withColumn("_arr", org.apache.spark.ml.functions.vector_to_array(col(ClusterColumns.FEATURES), "float64"))
            .groupBy(col(ClusterColumns.PREDICTION))
            .agg(
                count(lit(1)),
                Summarizer.sum(col(ClusterColumns.FEATURES)),
                sum(expr("aggregate(_arr, 0D, (acc, x) -> acc + x * x)")))
            .collectAsList();
    for (Row r : rows) {
      int c = r.getInt(0);
      n[c] = r.getLong(1);
      sums[c] = ((Vector) r.get(2)).toArray();
      sq[c] = r.getDouble(3);
    }
    return new Stats(n, sums, sq);
  }

  /** The silhouette of one point x of cluster {@code own}. */
  static double point(double[] x, int own, Stats st) {
    if (st.n()[own] <= 1) {
      return 0.0;
    }
    double a = meanSqDistance(x, own, st) * st.n()[own] / (st.n()[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int c = 0; c < st.n().length; c++) {
      if (c != own && st.n()[c] > 0) {
        b = Math.min(b, meanSqDistance(x, c, st));
      }
    }
    if (b == Double.POSITIVE_INFINITY || a == b) {
      return 0.0;
    }
    return a < b ? 1 - a / b : b / a - 1;
  }

  private static double meanSqDistance(double[] x, int c, Stats st) {
    double dot = 0;
    double norm = 0;
    for (int i = 0; i < x.length; i++) {
      dot += x[i] * st.sum()[c][i];
      norm += x[i] * x[i];
    }
    return norm - 2 * dot / st.n()[c] + st.sqNorm()[c] / st.n()[c];
  }
}

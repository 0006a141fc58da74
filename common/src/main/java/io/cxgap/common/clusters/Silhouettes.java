package io.cxgap.common.clusters;

import java.util.HashMap;
import java.util.Map;

/**
 * Silhouettes of points on the driver, with the same definition as Spark's {@code
 * ClusteringEvaluator} (squared Euclidean distance): for a point x of cluster A, {@code a} is its
 * mean squared distance to A's other members, {@code b} the smallest mean squared distance to the
 * members of another cluster, and {@code s = (b - a) / max(a, b)}; 0 in a cluster of one. Cluster
 * sums make it two passes over the points: the mean squared distance of x to the n members of C is
 * {@code |x|² - 2·x·ΣC/n + Σ|y|²/n}.
 */
final class Silhouettes {
  private Silhouettes() {}

  /** Per-cluster sums: members, feature sums, sums of squared norms. */
  private record Stats(long[] n, double[][] sum, double[] sqNorm) {}

  /**
   * The mean silhouette over all {@code points}; {@code cluster[i]} is point i's cluster in [0, k).
   */
  static double mean(double[][] points, int[] cluster, int k) {
    Stats st = stats(points, cluster, k);
    double total = 0;
    for (int i = 0; i < points.length; i++) {
      total += point(points[i], cluster[i], st);
    }
    return total / points.length;
  }

  /** Cluster index → the mean silhouette of its members. Clusters without members have no entry. */
  static Map<Integer, Double> perCluster(double[][] points, int[] cluster, int k) {
    Stats st = stats(points, cluster, k);
    double[] total = new double[k];
    for (int i = 0; i < points.length; i++) {
      total[cluster[i]] += point(points[i], cluster[i], st);
    }
    Map<Integer, Double> out = new HashMap<>();
    for (int c = 0; c < k; c++) {
      if (st.n()[c] > 0) {
        out.put(c, total[c] / st.n()[c]);
      }
    }
    return out;
  }

  private static Stats stats(double[][] points, int[] cluster, int k) {
    long[] n = new long[k];
    double[][] sums = new double[k][points.length == 0 ? 0 : points[0].length];
    double[] sq = new double[k];
    for (int i = 0; i < points.length; i++) {
      int c = cluster[i];
      n[c]++;
      for (int j = 0; j < points[i].length; j++) {
        sums[c][j] += points[i][j];
        sq[c] += points[i][j] * points[i][j];
      }
    }
    return new Stats(n, sums, sq);
  }

  /** The silhouette of one point x of cluster {@code own}. */
  private static double point(double[] x, int own, Stats st) {
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

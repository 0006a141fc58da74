package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Chooses k (DESIGN.md §5) on a seeded sample of customers, then fits the chosen k with Spark ML
 * k-means, seeded, on every customer; that model assigns the clusters.
 *
 * <p>The sample (at most {@code cx.clusters.silhouette-sample} customers, a few MB of feature
 * vectors) is brought to the driver, and each candidate k in [k-min, k-max] is fitted there with
 * commons-math's k-means++ (seeded, the best of {@link #TRIALS} starts) and scored by the
 * silhouette with squared Euclidean distance, as Spark's {@code ClusteringEvaluator} defines it
 * ({@link Silhouettes}). The highest silhouette wins, the smaller k on a tie. On the driver the
 * nine candidates take 1–2 s at 20,000 customers; as Spark ML fits they were some 300 jobs of a few
 * milliseconds' work each, 8–15 s of scheduling at any customer count.
 */
final class KSelection {
  private KSelection() {}

  /** The chosen model, its k, and every candidate's silhouette (null: the candidate was void). */
  record Choice(KMeansModel model, int k, SortedMap<Integer, Double> silhouettes) {}

  /**
   * k-means++ starts per candidate; the one with the least within-cluster sum of squares is kept.
   */
  static final int TRIALS = 3;

  /** Lloyd iterations per start at most (it stops earlier when no point changes cluster). */
  static final int MAX_ITERATIONS = 100;

  /**
   * At most {@code max} customers, chosen by a seeded hash of their id: the same customers for the
   * same seed whatever the partitioning, and a bounded amount of work at any scale.
   */
  static Dataset<Row> sample(Dataset<Row> features, int max, long seed) {
    return features.orderBy(xxhash64(col(CUSTOMER_ID), lit(seed)), col(CUSTOMER_ID)).limit(max);
  }

  /** The feature vectors of a sample, on the driver, in the sample's order. */
  static double[][] points(Dataset<Row> sample) {
    List<Row> rows = sample.select(col(ClusterColumns.FEATURES)).collectAsList();
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Vector) rows.get(i).get(0)).toArray();
    }
    return out;
  }

  /**
   * Scores every candidate k on the sample {@code points} and fits the best on {@code features}.
   * Candidates above the sample's size are skipped, except k-min. A candidate is void (null) when
   * the sample has fewer distinct points than k or falls in one cluster. When every candidate is
   * void (e.g. one customer, or all alike), k-min is fitted, and the model keeps the centres it
   * found.
   */
  static Choice choose(Dataset<Row> features, double[][] points, int kMin, int kMax, long seed) {
    List<Integer> ks = new ArrayList<>();
    for (int k = kMin; k <= kMax && (k == kMin || k <= points.length); k++) {
      ks.add(k);
    }
    int distinct = distinct(points);
    // Each candidate is seeded on its own, so scoring them side by side changes only the time.
    Double[] scored =
        IntStream.range(0, ks.size())
            .parallel()
            .mapToObj(i -> ks.get(i) > distinct ? null : silhouette(points, ks.get(i), seed))
            .toArray(Double[]::new);
    SortedMap<Integer, Double> scores = new TreeMap<>();
    int bestK = kMin;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < ks.size(); i++) {
      scores.put(ks.get(i), scored[i]);
      if (scored[i] != null && scored[i] > bestScore) {
        bestScore = scored[i];
        bestK = ks.get(i);
      }
    }
    KMeansModel model = fit(features, bestK, seed);
    return new Choice(model, model.clusterCenters().length, scores);
  }

  /**
   * The silhouette of the best of {@link #TRIALS} seeded k-means++ fits of {@code k} clusters to
   * {@code points} (the least within-cluster sum of squares), or null when they fall in fewer than
   * two clusters.
   */
  static Double silhouette(double[][] points, int k, long seed) {
    List<DoublePoint> wrapped = new ArrayList<>(points.length);
    Map<DoublePoint, Integer> index = new IdentityHashMap<>();
    for (int i = 0; i < points.length; i++) {
      DoublePoint p = new DoublePoint(points[i]);
      wrapped.add(p);
      index.put(p, i);
    }
    KMeansPlusPlusClusterer<DoublePoint> kmeans =
        new KMeansPlusPlusClusterer<>(
            k, MAX_ITERATIONS, new EuclideanDistance(), new Well19937c(seed));
    int[] best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int t = 0; t < TRIALS; t++) {
      List<CentroidCluster<DoublePoint>> clusters;
      try {
        clusters = kmeans.cluster(wrapped);
      } catch (ConvergenceException e) {
        continue; // a cluster emptied and no point could refill it
      }
      int[] assignment = new int[points.length];
      double cost = 0;
      for (int c = 0; c < clusters.size(); c++) {
        double[] centre = clusters.get(c).getCenter().getPoint();
        for (DoublePoint p : clusters.get(c).getPoints()) {
          assignment[index.get(p)] = c;
          cost += squaredDistance(p.getPoint(), centre);
        }
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = assignment;
      }
    }
    return best == null || Arrays.stream(best).distinct().count() < 2
        ? null
        : Silhouettes.mean(points, best, k);
  }

  private static double squaredDistance(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return d;
  }

  private static int distinct(double[][] points) {
    Set<List<Double>> seen = new HashSet<>();
    for (double[] p : points) {
      seen.add(Arrays.stream(p).boxed().toList());
    }
    return seen.size();
  }

  private static KMeansModel fit(Dataset<Row> rows, int k, long seed) {
    return new KMeans()
        .setK(k)
        .setSeed(seed)
        .setFeaturesCol(ClusterColumns.FEATURES)
        .setPredictionCol(ClusterColumns.PREDICTION)
        .fit(rows);
  }
}

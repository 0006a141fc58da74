package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static org.apache.spark.sql.functions.*;

import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Chooses k (DESIGN.md §5): a seeded Spark ML k-means per candidate k in [k-min, k-max], fitted
 * and scored by the silhouette (squared Euclidean, {@link ClusteringEvaluator}) on a seeded sample
 * of customers; the highest silhouette wins, the smaller k on a tie. The winner is then fitted
 * again, with the same seed, on every customer (unless the sample is every customer). Fitting the candidates on the sample keeps the
 * cost of choosing k bounded at any customer count: nine full fits were most of the clusters
 * step's time.
 */
final class KSelection {
  private KSelection() {}

  /** The chosen model, its k, and every candidate's silhouette (null: the candidate was void). */
  record Choice(KMeansModel model, int k, SortedMap<Integer, Double> silhouettes) {}

  /**
   * At most {@code max} customers, chosen by a seeded hash of their id: the same customers for
   * the same seed whatever the partitioning, and a bounded amount of work at any scale.
   */
  static Dataset<Row> sample(Dataset<Row> features, int max, long seed) {
    return features.orderBy(xxhash64(col(CUSTOMER_ID), lit(seed)), col(CUSTOMER_ID)).limit(max);
  }

  /**
   * Fits every candidate k on the cached {@code sample} and scores it there; candidates above the
   * customer count are skipped, except k-min. A candidate is void (null) when k-means finds fewer
   * distinct centres than k or the sample falls in one cluster. The best candidate's k is fitted
   * on {@code features}; when every candidate is void (e.g. one customer, or all alike), k-min is,
   * and the model keeps the centres it found. When the sample holds every customer, the
   * candidates are fitted on {@code features} and the best is kept as it is (Spark's k-means
   * also fails on a handful of rows in one partition, which a sample of them is).
   */
  static Choice choose(
      Dataset<Row> features, Dataset<Row> sample, long customers, int kMin, int kMax, long seed) {
    boolean whole = sample.count() >= customers;
    Dataset<Row> fitted = whole ? features : sample;
    SortedMap<Integer, Double> scores = new TreeMap<>();
    KMeansModel best = null;
    KMeansModel fallback = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    ClusteringEvaluator evaluator =
        new ClusteringEvaluator()
            .setFeaturesCol(ClusterColumns.FEATURES)
            .setPredictionCol(ClusterColumns.PREDICTION);
    for (int k = kMin; k <= kMax && (k == kMin || k <= customers); k++) {
      KMeansModel m = fit(fitted, k, seed);
      if (fallback == null) {
        fallback = m;
      }
      Dataset<Row> scored = m.transform(sample);
      boolean valid =
          m.clusterCenters().length == k
              && scored.select(ClusterColumns.PREDICTION).distinct().limit(2).count() == 2;
      Double s = valid ? evaluator.evaluate(scored) : null;
      scores.put(k, s);
      if (s != null && s > bestScore) {
        bestScore = s;
        best = m;
      }
    }
    KMeansModel chosen = best != null ? best : fallback;
    if (!whole) {
      chosen = fit(features, best != null ? best.getK() : kMin, seed);
    }
    return new Choice(chosen, chosen.clusterCenters().length, scores);
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

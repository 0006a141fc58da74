package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.evaluation.ClusteringEvaluator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Chooses k (DESIGN.md §5): a seeded Spark ML k-means per candidate k in [k-min, k-max], fitted
 * and scored by the silhouette (squared Euclidean, {@link ClusteringEvaluator}) on a seeded sample
 * of customers; the highest silhouette wins, the smaller k on a tie. The winner is then fitted
 * again, with the same seed, on every customer (unless the sample is every customer). Fitting the
 * candidates on the sample keeps the cost of choosing k bounded at any customer count: nine full
 * fits were most of the clusters step's time. The candidates are fitted side by side, as Spark's
 * own {@code CrossValidator} does with its {@code parallelism}: a fit on the sample is some thirty
 * one-task jobs, and one after another they kept a core idle.
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
    List<Integer> ks = new ArrayList<>();
    for (int k = kMin; k <= kMax && (k == kMin || k <= customers); k++) {
      ks.add(k);
    }
    List<Candidate> candidates = fitAll(fitted, sample, ks, seed);
    SortedMap<Integer, Double> scores = new TreeMap<>();
    KMeansModel best = null;
    KMeansModel fallback = candidates.get(0).model();
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Candidate c : candidates) {
      scores.put(c.model().getK(), c.silhouette());
      if (c.silhouette() != null && c.silhouette() > bestScore) {
        bestScore = c.silhouette();
        best = c.model();
      }
    }
    KMeansModel chosen = best != null ? best : fallback;
    if (!whole) {
      chosen = fit(features, best != null ? best.getK() : kMin, seed);
    }
    return new Choice(chosen, chosen.clusterCenters().length, scores);
  }

  /** A fitted candidate and its silhouette on the sample (null: void). */
  private record Candidate(KMeansModel model, Double silhouette) {}

  /** Candidate fits that run at once: each is a chain of small jobs that leaves cores idle. */
  static final int CONCURRENT_FITS = 4;

  /**
   * Fits and scores the candidates, {@link #CONCURRENT_FITS} at a time; the results are in the
   * order of {@code ks}. Each fit is seeded and independent of the others, so running them side by
   * side changes their time only.
   */
  private static List<Candidate> fitAll(Dataset<Row> fitted, Dataset<Row> sample, List<Integer> ks, long seed) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENT_FITS, ks.size()));
    try {
      List<Future<Candidate>> futures = new ArrayList<>();
      for (int k : ks) {
        futures.add(pool.submit(() -> candidate(fitted, sample, k, seed)));
      }
      List<Candidate> out = new ArrayList<>();
      for (Future<Candidate> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fitting k-means candidates", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Candidate candidate(Dataset<Row> fitted, Dataset<Row> sample, int k, long seed) {
    KMeansModel m = fit(fitted, k, seed);
    Dataset<Row> scored = m.transform(sample);
    boolean valid =
        m.clusterCenters().length == k && scored.select(ClusterColumns.PREDICTION).distinct().limit(2).count() == 2;
    Double s =
        valid
            ? new ClusteringEvaluator()
                .setFeaturesCol(ClusterColumns.FEATURES)
                .setPredictionCol(ClusterColumns.PREDICTION)
                .evaluate(scored)
            : null;
    return new Candidate(m, s);
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

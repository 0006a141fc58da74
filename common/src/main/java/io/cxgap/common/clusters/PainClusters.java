package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.clusters.PainFeatures.BaseRates;
import io.cxgap.common.spark.Sessions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Pain clusters for one date (DESIGN.md §5): features per customer ({@link PainFeatures}), k by
 * silhouette ({@link KSelection}), ids matched to the previous run ({@link ClusterMatcher}), labels
 * ({@link ClusterLabels}), and the rows of {@code gold.customer_pain_cluster} and {@code
 * gold.pain_cluster_profile}.
 *
 * <p>Scales with the customer count: the feature vectors are cached once; the candidate k are
 * fitted and scored on the driver over a seeded sample of at most {@code
 * cx.clusters.silhouette-sample} customers' features, and only the chosen k is fitted on all of
 * them, with Spark ML. Beyond the sample, only the k centroids, the k cluster sizes and the
 * previous run's k profile rows reach the driver. Customer rows keep the features' order
 * (partitioned by customer id, sorted within), so they need no further sort.
 */
public final class PainClusters {
  private PainClusters() {}

  /** The run's date and the settings of DESIGN.md §3 / {@code cx.clusters.*}. */
  public record Spec(
      LocalDate date,
      int windowDays,
      String segmentDimension,
      List<String> touchpointIds,
      double frictionWeight,
      double waitCapS,
      int kMin,
      int kMax,
      long seed,
      int silhouetteSample,
      double maxMatchDistance) {}

  /**
   * The rows to write and what the run log says about them. {@link #close} releases the cached
   * frames ({@code cached}: contact totals, features): call it after the rows are written.
   */
  public record Result(
      Dataset<Row> customers,
      Dataset<Row> profiles,
      long customerCount,
      int k,
      SortedMap<Integer, Double> silhouettes,
      int keptIds,
      int newIds,
      LocalDate previousDate,
      List<Dataset<Row>> cached)
      implements AutoCloseable {

    /** One line for the run log. */
    public String message() {
      if (customerCount == 0) {
        return "no customer has a survey response in the window; no clusters";
      }
      StringBuilder s = new StringBuilder();
      silhouettes.forEach(
          (kk, v) ->
              s.append(s.length() == 0 ? "" : ", ")
                  .append(kk)
                  .append(": ")
                  .append(v == null ? "void" : String.format(Locale.ROOT, "%.3f", v)));
      return String.format(
          Locale.ROOT,
          "customers: %d; k = %d by silhouette (%s); ids kept: %d%s, new: %d",
          customerCount,
          k,
          s,
          keptIds,
          previousDate == null ? "" : " (from " + previousDate + ")",
          newIds);
    }

    @Override
    public void close() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * @param windowItems silver survey items of the window
   * @param flaggedContacts the window's contacts with friction flags
   * @param segments customer_id and the value of the first segment dimension as of D, as column
   *     {@code segment_value}
   * @param previousProfiles gold.pain_cluster_profile, or null where it does not exist yet
   */
  public static Result run(
      Spec spec,
      Dataset<Row> windowItems,
      Dataset<Row> flaggedContacts,
      Dataset<Row> segments,
      Dataset<Row> previousProfiles) {
    SparkSession spark = windowItems.sparkSession();
    List<Dataset<Row>> cached = new ArrayList<>();
    Dataset<Row> totals = cache(PainFeatures.contactTotals(flaggedContacts), cached);
    BaseRates base = BaseRates.of(totals);
    Dataset<Row> features = cache(features(spec, windowItems, totals, base), cached);
    long n = features.count();
    if (n == 0) {
      return new Result(
          spark.createDataFrame(List.of(), ClusterProfiles.CUSTOMER_SCHEMA),
          spark.createDataFrame(List.of(), ClusterProfiles.PROFILE_SCHEMA),
          0,
          0,
          new TreeMap<>(),
          0,
          0,
          null,
          cached);
    }
    double[][] sample =
        KSelection.points(KSelection.sample(features, spec.silhouetteSample(), spec.seed()));
    KSelection.Choice choice =
        KSelection.choose(features, sample, spec.kMin(), spec.kMax(), spec.seed());
    // Not cached: predicting from the cached features is cheaper than holding a second copy.
    Dataset<Row> assigned =
        choice
            .model()
            .transform(features)
            .select(col(CUSTOMER_ID), col(ClusterColumns.FEATURES), col(ClusterColumns.PREDICTION));
    Map<String, Double> baseline =
        rounded(
            PainFeatures.baseline(
                spec.touchpointIds(), base, spec.frictionWeight(), spec.waitCapS()));
    PreviousRun previous = PreviousRun.before(previousProfiles, spec.date());
    List<ClusterProfiles.Cluster> clusters =
        describe(spec, choice, sizes(assigned, choice.k()), sample, baseline, previous);

    Dataset<Row> clusterFrame = ClusterProfiles.clusterFrame(spark, clusters);
    Dataset<Row> customerRows = ClusterProfiles.customerRows(assigned, clusterFrame, spec.date());
    SortedMap<Integer, Double> candidates = new TreeMap<>();
    choice.silhouettes().forEach((kk, v) -> candidates.put(kk, ClusterProfiles.round9(v)));
    ClusterProfiles.RunInfo info =
        new ClusterProfiles.RunInfo(
            spec.date(),
            spec.windowDays(),
            spec.segmentDimension(),
            choice.k(),
            candidates,
            baseline);
    Dataset<Row> profiles =
        ClusterProfiles.profileRows(
            customerRows,
            ClusterProfiles.customerNps(windowItems),
            segments,
            clusterFrame,
            n,
            info);
    int kept = (int) clusters.stream().filter(c -> c.matchDistance() != null).count();
    return new Result(
        ClusterProfiles.conform(customerRows, ClusterProfiles.CUSTOMER_SCHEMA),
        ClusterProfiles.conform(profiles, ClusterProfiles.PROFILE_SCHEMA),
        n,
        choice.k(),
        candidates,
        kept,
        choice.k() - kept,
        previous.date(),
        cached);
  }

  /**
   * The features, partitioned by customer id and sorted within partitions: the same input gives the
   * same row order, which k-means' seeded sampling depends on.
   */
  private static Dataset<Row> features(
      Spec spec, Dataset<Row> items, Dataset<Row> totals, BaseRates base) {
    int partitions = Sessions.shufflePartitions(items.sparkSession());
    return PainFeatures.build(
            items, totals, base, spec.touchpointIds(), spec.frictionWeight(), spec.waitCapS())
        .repartition(partitions, col(CUSTOMER_ID))
        .sortWithinPartitions(col(CUSTOMER_ID));
  }

  /** The k clusters as decided on the driver: ids, labels, centroids, silhouettes. */
  private static List<ClusterProfiles.Cluster> describe(
      Spec spec,
      KSelection.Choice choice,
      long[] sizes,
      double[][] sample,
      Map<String, Double> baseline,
      PreviousRun previous) {
    List<Map<String, Double>> centroids =
        centroids(choice.model(), PainFeatures.names(spec.touchpointIds()));
    List<ClusterMatcher.Assigned> ids =
        ClusterMatcher.match(
            centroids, sizes, previous.clusters(), previous.maxIdUsed(), spec.maxMatchDistance());
    int[] sampled = new int[sample.length];
    for (int i = 0; i < sample.length; i++) {
      sampled[i] = choice.model().predict(Vectors.dense(sample[i]));
    }
    Map<Integer, Double> silhouettes = Silhouettes.perCluster(sample, sampled, choice.k());
    List<ClusterProfiles.Cluster> clusters = new ArrayList<>();
    for (int i = 0; i < choice.k(); i++) {
      List<String> pains = ClusterLabels.topPains(centroids.get(i), baseline);
      clusters.add(
          new ClusterProfiles.Cluster(
              i,
              ids.get(i).id(),
              ClusterLabels.label(pains),
              pains,
              centroids.get(i),
              ClusterProfiles.round9(ids.get(i).matchDistance()),
              ClusterProfiles.round9(silhouettes.get(i))));
    }
    return clusters;
  }

  private static Dataset<Row> cache(Dataset<Row> df, List<Dataset<Row>> cached) {
    Dataset<Row> c = df.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(c);
    return c;
  }

  /** The model's centres as feature name → value maps, in feature order, rounded. */
  private static List<Map<String, Double>> centroids(KMeansModel model, List<String> names) {
    List<Map<String, Double>> out = new ArrayList<>();
    for (Vector v : model.clusterCenters()) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), ClusterProfiles.round9(v.apply(i)));
      }
      out.add(m);
    }
    return out;
  }

  private static long[] sizes(Dataset<Row> assigned, int k) {
    long[] sizes = new long[k];
    for (Row r : assigned.groupBy(col(ClusterColumns.PREDICTION)).count().collectAsList()) {
      sizes[r.getInt(0)] = r.getLong(1);
    }
    return sizes;
  }

  private static Map<String, Double> rounded(Map<String, Double> m) {
    Map<String, Double> out = new LinkedHashMap<>();
    m.forEach((key, v) -> out.put(key, ClusterProfiles.round9(v)));
    return out;
  }
}

package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.AS_OF_DATE;
import static io.cxgap.common.Columns.CUSTOMER_ID;
import static io.cxgap.common.Columns.OVERALL_NPS;
import static io.cxgap.common.Columns.RESPONSE_ID;
import static io.cxgap.common.Columns.SEGMENT_DIMENSION;
import static io.cxgap.common.Columns.SEGMENT_VALUE;
import static io.cxgap.common.Columns.UNKNOWN;
import static io.cxgap.common.Columns.WINDOW_DAYS;
import static io.cxgap.common.clusters.ClusterColumns.*;
import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of {@code gold.customer_pain_cluster} and {@code gold.pain_cluster_profile} (DESIGN.md
 * §5), from the run's assignments and its k clusters as decided on the driver.
 */
final class ClusterProfiles {
  /** Decimal places the written doubles are rounded to, so reruns give the same values. */
  static final int DECIMALS = 9;

  static final StructType CUSTOMER_SCHEMA =
      new StructType()
          .add(AS_OF_DATE, DataTypes.DateType, false)
          .add(CUSTOMER_ID, DataTypes.StringType, false)
          .add(CLUSTER_ID, DataTypes.IntegerType, false)
          .add(CLUSTER_LABEL, DataTypes.StringType, false)
          .add(DISTANCE, DataTypes.DoubleType, true);

  static final StructType PROFILE_SCHEMA =
      new StructType()
          .add(AS_OF_DATE, DataTypes.DateType, false)
          .add(WINDOW_DAYS, DataTypes.IntegerType, false)
          .add(CLUSTER_ID, DataTypes.IntegerType, false)
          .add(CLUSTER_LABEL, DataTypes.StringType, false)
          .add(CUSTOMERS, DataTypes.LongType, false)
          .add(SHARE, DataTypes.DoubleType, true)
          .add(SILHOUETTE, DataTypes.DoubleType, true)
          .add(CENTROID, doubleMap(DataTypes.StringType), true)
          .add(BASELINE, doubleMap(DataTypes.StringType), true)
          .add(TOP_PAINS, DataTypes.createArrayType(DataTypes.StringType, false), true)
          .add(MEAN_NPS, DataTypes.DoubleType, true)
          .add(SEGMENT_DIMENSION, DataTypes.StringType, false)
          .add(SEGMENT_MIX, doubleMap(DataTypes.StringType), true)
          .add(K, DataTypes.IntegerType, false)
          .add(CANDIDATE_SILHOUETTES, doubleMap(DataTypes.IntegerType), true)
          .add(MATCH_DISTANCE, DataTypes.DoubleType, true);

  private static final String CENTROID_ARRAY = "_centroid";

  private ClusterProfiles() {}

  /** One cluster of the run. {@code centroid} is in feature order; index is the k-means index. */
  record Cluster(
      int index,
      int id,
      String label,
      List<String> topPains,
      Map<String, Double> centroid,
      Double matchDistance,
      Double silhouette) {}

  /** The run's settings that every profile row repeats. */
  record RunInfo(
      LocalDate date,
      int windowDays,
      String segmentDimension,
      int k,
      Map<Integer, Double> candidateSilhouettes,
      Map<String, Double> baseline) {}

  /** The k clusters as a small frame keyed by the k-means index. */
  static Dataset<Row> clusterFrame(SparkSession spark, List<Cluster> clusters) {
    StructType s =
        new StructType()
            .add(PREDICTION, DataTypes.IntegerType, false)
            .add(CLUSTER_ID, DataTypes.IntegerType, false)
            .add(CLUSTER_LABEL, DataTypes.StringType, false)
            .add(TOP_PAINS, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add(CENTROID, doubleMap(DataTypes.StringType), false)
            .add(CENTROID_ARRAY, DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add(MATCH_DISTANCE, DataTypes.DoubleType, true)
            .add(SILHOUETTE, DataTypes.DoubleType, true);
    List<Row> rows = new ArrayList<>();
    for (Cluster c : clusters) {
      rows.add(
          RowFactory.create(
              c.index(),
              c.id(),
              c.label(),
              c.topPains().toArray(new String[0]),
              c.centroid(),
              c.centroid().values().toArray(new Double[0]),
              c.matchDistance(),
              c.silhouette()));
    }
    return spark.createDataFrame(rows, s);
  }

  /**
   * Customer rows: each customer's cluster id and label, and its Euclidean distance to the
   * cluster's centroid.
   *
   * @param assigned customer_id, features and the k-means prediction
   */
  static Dataset<Row> customerRows(Dataset<Row> assigned, Dataset<Row> clusters, LocalDate d) {
    Column distance =
        expr(
            "sqrt(aggregate(zip_with(_f, "
                + CENTROID_ARRAY
                + ", (x, y) -> (x - y) * (x - y)), 0D, (acc, v) -> acc + v))");
    return assigned
        .withColumn("_f", org.apache.spark.ml.functions.vector_to_array(col(FEATURES), "float64"))
        .join(broadcast(clusters), PREDICTION)
        .select(
            lit(java.sql.Date.valueOf(d)).as(AS_OF_DATE),
            col(CUSTOMER_ID),
            col(CLUSTER_ID),
            col(CLUSTER_LABEL),
            round(distance, DECIMALS).as(DISTANCE));
  }

  /** Each customer's mean overall_nps over the responses of the window (one value per response). */
  static Dataset<Row> customerNps(Dataset<Row> windowItems) {
    return windowItems
        .groupBy(col(CUSTOMER_ID), col(RESPONSE_ID))
        .agg(avg(col(OVERALL_NPS)).as("_response_nps"))
        .groupBy(col(CUSTOMER_ID))
        .agg(avg(col("_response_nps")).as("_nps"));
  }

  /**
   * Profile rows, one per cluster, from one aggregation over the customer rows.
   *
   * @param nps {@link #customerNps}
   * @param segments customer_id and the first segment dimension's value as of D (column {@code
   *     segment_value}); customers missing from it count as {@code unknown}
   */
  static Dataset<Row> profileRows(
      Dataset<Row> customerRows,
      Dataset<Row> nps,
      Dataset<Row> segments,
      Dataset<Row> clusters,
      long total,
      RunInfo run) {
    Dataset<Row> cells =
        customerRows
            .select(col(CUSTOMER_ID), col(CLUSTER_ID))
            .join(nps, CUSTOMER_ID, "left")
            .join(segments, CUSTOMER_ID, "left")
            .withColumn(SEGMENT_VALUE, coalesce(col(SEGMENT_VALUE), lit(UNKNOWN)))
            .groupBy(col(CLUSTER_ID), col(SEGMENT_VALUE))
            .agg(
                count(lit(1)).as("_n"),
                sum(col("_nps")).as("_nps_sum"),
                count(col("_nps")).as("_nps_n"));
    Dataset<Row> per =
        cells
            .groupBy(col(CLUSTER_ID))
            .agg(
                sum(col("_n")).as(CUSTOMERS),
                sum(col("_nps_sum")).divide(sum(col("_nps_n"))).as("_mean_nps"),
                array_sort(collect_list(struct(col(SEGMENT_VALUE), col("_n")))).as("_mix"));
    Column mix =
        expr(
            "map_from_entries(transform(_mix, e -> struct(e."
                + SEGMENT_VALUE
                + ", e._n / "
                + CUSTOMERS
                + ")))");
    return per.join(broadcast(clusters.drop(PREDICTION, CENTROID_ARRAY)), CLUSTER_ID)
        .select(
            lit(java.sql.Date.valueOf(run.date())).as(AS_OF_DATE),
            lit(run.windowDays()).as(WINDOW_DAYS),
            col(CLUSTER_ID),
            col(CLUSTER_LABEL),
            col(CUSTOMERS),
            col(CUSTOMERS).divide(lit((double) total)).as(SHARE),
            col(SILHOUETTE),
            col(CENTROID),
            mapLit(run.baseline()).as(BASELINE),
            col(TOP_PAINS),
            round(col("_mean_nps"), DECIMALS).as(MEAN_NPS),
            lit(run.segmentDimension()).as(SEGMENT_DIMENSION),
            mix.as(SEGMENT_MIX),
            lit(run.k()).as(K),
            mapLit(run.candidateSilhouettes()).as(CANDIDATE_SILHOUETTES),
            col(MATCH_DISTANCE))
        .coalesce(1)
        .sortWithinPartitions(col(CLUSTER_ID));
  }

  /** {@code df}'s columns cast to {@code schema}'s types, in its order. */
  static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    List<Column> cols = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : schema.fields()) {
      cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /** Rounded for stable reruns (k-means and silhouette sums may differ in the last bits). */
  static Double round9(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return v;
    }
    return java.math.BigDecimal.valueOf(v)
        .setScale(DECIMALS, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }

  private static <K> Column mapLit(Map<K, Double> m) {
    List<Column> kv = new ArrayList<>();
    for (Map.Entry<K, Double> e : m.entrySet()) {
      kv.add(lit(e.getKey()));
      kv.add(lit(e.getValue()).cast(DataTypes.DoubleType));
    }
    return map(kv.toArray(new Column[0]));
  }

  private static org.apache.spark.sql.types.MapType doubleMap(
      org.apache.spark.sql.types.DataType key) {
    return DataTypes.createMapType(key, DataTypes.DoubleType, true);
  }
}

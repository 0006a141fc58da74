package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.AS_OF_DATE;
import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * What tonight's ids are matched against: the clusters of the latest as_of_date strictly before D
 * in {@code gold.pain_cluster_profile} (so a rerun of D never matches itself), and the largest id
 * any date before D used (new ids start above it).
 */
record PreviousRun(LocalDate date, List<ClusterMatcher.Previous> clusters, int maxIdUsed) {
  static final PreviousRun NONE = new PreviousRun(null, List.of(), 0);

  /**
   * One query; reads the latest earlier date's rows (at most k-max) to the driver. {@code profiles}
   * may be null (no table yet).
   */
  static PreviousRun before(Dataset<Row> profiles, LocalDate d) {
    if (profiles == null) {
      return NONE;
    }
    // one window over every row (a table of at most k-max rows per date); partitioned by a
    // constant rather than by nothing, which Spark logs a warning about on every run
    WindowSpec all = Window.partitionBy(lit(0));
    Dataset<Row> earlier =
        profiles
            .where(col(AS_OF_DATE).lt(lit(d.toString()).cast("date")))
            .select(
                col(AS_OF_DATE),
                col(ClusterColumns.CLUSTER_ID),
                col(ClusterColumns.CENTROID),
                max(col(AS_OF_DATE)).over(all).as("_last"),
                max(col(ClusterColumns.CLUSTER_ID)).over(all).as("_max_id"));
    List<Row> rows =
        earlier
            .where(col(AS_OF_DATE).equalTo(col("_last")))
            .orderBy(col(ClusterColumns.CLUSTER_ID))
            .collectAsList();
    if (rows.isEmpty()) {
      return NONE;
    }
    List<ClusterMatcher.Previous> clusters = new ArrayList<>();
    for (Row c : rows) {
      Map<String, Double> centroid = c.getJavaMap(2);
      clusters.add(new ClusterMatcher.Previous(c.getInt(1), Map.copyOf(centroid)));
    }
    return new PreviousRun(
        toLocalDate(rows.get(0).get(0)), List.copyOf(clusters), rows.get(0).getInt(4));
  }

  private static LocalDate toLocalDate(Object v) {
    return v instanceof LocalDate l ? l : ((java.sql.Date) v).toLocalDate();
  }
}

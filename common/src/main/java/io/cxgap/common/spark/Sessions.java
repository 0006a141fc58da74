package io.cxgap.common.spark;

import io.cxgap.common.config.CxConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is configured: Delta, UTC, config-given settings. */
public final class Sessions {
  private Sessions() {}

  /**
   * Returns the active session, or builds one. Settings already given to spark-submit win over
   * the config file's (DESIGN.md §3).
   */
  public static SparkSession getOrCreate(CxConfig config) {
    return getOrCreate(config, Map.of());
  }

  /**
   * As {@link #getOrCreate(CxConfig)}, with settings a command adds (the catalog's, for {@code
   * sql} and {@code serve}); the config file and spark-submit still win over them.
   */
  public static SparkSession getOrCreate(CxConfig config, Map<String, String> defaults) {
    SparkSession.Builder b = SparkSession.builder();
    Map<String, String> given = config.spark();
    String submitted = System.getProperty("spark.master");
    for (Map.Entry<String, String> e : defaults.entrySet()) {
      if (System.getProperty(e.getKey()) == null && !given.containsKey(e.getKey())) {
        b.config(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (System.getProperty(e.getKey()) == null) {
        b.config(e.getKey(), e.getValue());
      }
    }
    if (submitted == null && !given.containsKey("spark.master")) {
      b.master("local[*]");
    }
    b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false");
    return b.getOrCreate();
  }

  /** Names the Spark jobs of one step so the Spark UI shows which step is slow. */
  public static void jobGroup(SparkSession spark, String step, String date) {
    spark.sparkContext().setJobGroup("cxgap-" + step + "-" + date, "cxgap " + step + " " + date, false);
  }
}

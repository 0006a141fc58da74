package io.cxgap.common.spark;

import io.cxgap.common.config.CxConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is configured: Delta, UTC, config-given settings. */
public final class Sessions {
  static final String LOCAL_MASTER = "local[*]";

  /**
   * The session extensions every cxgap session carries: Delta's, and the read-only guard (inactive
   * until installed).
   */
  public static final String EXTENSIONS =
      "io.delta.sql.DeltaSparkSessionExtension," + ReadOnlyGuard.class.getName();

  private Sessions() {}

  /**
   * Returns the active session, or builds one. Settings already given to spark-submit win over the
   * config file's (DESIGN.md §3, §7).
   */
  public static SparkSession getOrCreate(CxConfig config) {
    return getOrCreate(config, Map.of());
  }

  /**
   * As {@link #getOrCreate(CxConfig)}, with settings a command adds (the catalog's, for {@code sql}
   * and {@code serve}); the config file and spark-submit still win over them.
   */
  public static SparkSession getOrCreate(CxConfig config, Map<String, String> defaults) {
    SparkSession.Builder b = SparkSession.builder();
    // spark-submit (and SparkLauncher) hand the driver its settings as spark.* system properties,
    // which is what SparkConf(true) loads: --master, --conf, --name and spark-defaults.conf.
    SparkConf submitted = new SparkConf(true);
    Map<String, String> fromFile = config.spark();
    defaults.forEach(
        (k, v) -> {
          if (!submitted.contains(k) && !fromFile.containsKey(k)) {
            b.config(k, v);
          }
        });
    fromConfigFile(fromFile, submitted).forEach(b::config);
    b.config("spark.sql.extensions", EXTENSIONS)
        .config(
            "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.databricks.delta.schema.autoMerge.enabled", "false");
    return b.getOrCreate();
  }

  /**
   * The config file's {@code spark.*} settings that the session builder should apply. The builder's
   * settings override what the driver was given, so every key spark-submit already set is left out;
   * without a master from either side the session runs on {@code local[*]}.
   *
   * @param fromFile the merged config's {@code spark.*} settings (null values already dropped)
   * @param submitted what the driver JVM was given (spark-submit's settings)
   */
  static Map<String, String> fromConfigFile(Map<String, String> fromFile, SparkConf submitted) {
    Map<String, String> out = new TreeMap<>();
    fromFile.forEach(
        (k, v) -> {
          if (!submitted.contains(k)) {
            out.put(k, v);
          }
        });
    if (!submitted.contains("spark.master") && !out.containsKey("spark.master")) {
      out.put("spark.master", LOCAL_MASTER);
    }
    return out;
  }

  /** The session's {@code spark.sql.shuffle.partitions}. */
  public static int shufflePartitions(SparkSession spark) {
    return Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
  }

  /**
   * The settings under which Spark runs a plan's operators and expressions interpreted instead of
   * compiling generated code for them.
   */
  static final Map<String, String> INTERPRETED =
      Map.of(
          "spark.sql.codegen.wholeStage", "false", "spark.sql.codegen.factoryMode", "NO_CODEGEN");

  /**
   * Runs {@code body} with Spark's code generation off ({@link #INTERPRETED}), then puts the
   * session's settings back as they were. For work over a few thousand rows, where compiling each
   * plan's generated classes (Janino, then the JIT) costs more time than the compiled code saves.
   * The settings reach the tasks with each query (Spark propagates its SQL settings to them).
   */
  public static <T> T interpreted(SparkSession spark, Supplier<T> body) {
    RuntimeConfig conf = spark.conf();
    // both settings have defaults, so each has a value to put back
    Map<String, String> before = new LinkedHashMap<>();
    INTERPRETED.forEach(
        (k, v) -> {
          before.put(k, conf.get(k));
          conf.set(k, v);
        });
    try {
      return body.get();
    } finally {
      before.forEach(conf::set);
    }
  }

  /** Names the Spark jobs of one step so the Spark UI shows which step is slow. */
  public static void jobGroup(SparkSession spark, String step, String date) {
    spark
        .sparkContext()
        .setJobGroup("cxgap-" + step + "-" + date, "cxgap " + step + " " + date, false);
  }
}

package io.cxgap.common;

import io.cxgap.common.spark.NioLocalFileSystem;
import io.cxgap.common.spark.NioLocalFs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local Delta-enabled SparkSession per test JVM, shared by every test class. */
public abstract class SparkTestBase {
  private static SparkSession spark;

  protected static synchronized SparkSession spark() {
    if (spark == null) {
      Path wh;
      try {
        wh = Files.createTempDirectory("cxgap-test-wh");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("cxgap-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.ansi.enabled", "false")
              .config("spark.sql.warehouse.dir", wh.toString())
              .config("spark.sql.extensions", io.cxgap.common.spark.Sessions.EXTENSIONS)
              .config(
                  "spark.sql.catalog.spark_catalog",
                  "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .config("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.databricks.delta.delta.log.cacheSize", "10")
              // Spark keeps the classes it compiles for a plan in a cache of 100 by default; one
              // nightly compiles more than that, so a test JVM that runs many recompiled the same
              // plans every time (about a tenth of its CPU). Results do not depend on it.
              .config("spark.sql.codegen.cache.maxEntries", "4000")
              // Expressions and operators interpreted, not compiled: a test's frames hold tens to
              // thousands of rows, and compiling the generated code of every plan (Janino, then
              // the JIT) cost more than running it. The product keeps Spark's code generation, and
              // the suite still runs it where a JVM has the product's settings: the cluster run
              // of StandaloneClusterIT and the children of KillRecoveryTest, whose tables are
              // compared value by value with runs in this session, the serve and sql processes,
              // and the bench's nightlies. EndToEndTest alone: 141.5 s against 175.6 s.
              .config("spark.sql.codegen.wholeStage", "false")
              .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
              // as conf/application.conf: no chmod or readlink process per file written
              .config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName())
              .config("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName())
              .getOrCreate();
    }
    return spark;
  }

  /**
   * Runs {@code action} with {@code listener} on the session's listener bus, and returns what it
   * returns. The bus is drained before (no event of earlier work is counted) and after (every event
   * of the action has reached the listener when this returns).
   */
  protected static <T> T listening(SparkListener listener, Supplier<T> action) {
    drainListenerBus();
    spark().sparkContext().addSparkListener(listener);
    try {
      T result = action.get();
      drainListenerBus();
      return result;
    } finally {
      spark().sparkContext().removeSparkListener(listener);
    }
  }

  private static void drainListenerBus() {
    try {
      spark().sparkContext().listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }

  /** A frame of nullable string columns, one row per array (null for a missing cell). */
  protected static Dataset<Row> strings(List<String> columns, String[]... rows) {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(c, DataTypes.StringType, true);
    }
    List<Row> out = new ArrayList<>();
    for (String[] r : rows) {
      if (r.length != columns.size()) {
        throw new IllegalArgumentException(
            "row " + Arrays.toString(r) + " has " + r.length + " cells, want " + columns.size());
      }
      out.add(RowFactory.create((Object[]) r));
    }
    return spark().createDataFrame(out, s);
  }

  /** How many commits a Delta table's log holds, counted from its files (not through Delta). */
  protected static long commitFiles(java.nio.file.Path table) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> s =
        java.nio.file.Files.list(table.resolve("_delta_log"))) {
      return s.filter(p -> p.getFileName().toString().matches("\\d{20}\\.json")).count();
    }
  }
}

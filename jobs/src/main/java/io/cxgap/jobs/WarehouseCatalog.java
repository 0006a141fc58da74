package io.cxgap.jobs;

import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Names the warehouse's Delta tables in the session catalog: {@code cx_bronze}, {@code cx_silver}
 * and {@code cx_gold} databases whose tables point at {@code <warehouse>/<layer>/<table>}.
 */
final class WarehouseCatalog {
  static final List<String> LAYERS = List.of("bronze", "silver", "gold");

  private WarehouseCatalog() {}

  /** Registers every Delta table found; returns their qualified names. */
  static List<String> register(SparkSession spark, CxConfig config) {
    List<String> names = new ArrayList<>();
    for (String layer : LAYERS) {
      String db = "cx_" + layer;
      spark.sql("CREATE DATABASE IF NOT EXISTS " + db);
      for (String table : tables(spark, config, layer)) {
        String path = config.tablePath(layer, table);
        spark.sql(
            "CREATE TABLE IF NOT EXISTS " + db + "." + table + " USING delta LOCATION '" + path.replace("'", "\\'") + "'");
        names.add(db + "." + table);
      }
    }
    return names;
  }

  private static List<String> tables(SparkSession spark, CxConfig config, String layer) {
    List<String> out = new ArrayList<>();
    Path root = new Path(config.tablePath(layer, "x")).getParent();
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(root)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.matches("[a-z_][a-z0-9_]*") && DeltaIO.exists(spark, s.getPath().toString())) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + ": " + e.getMessage(), e);
    }
    out.sort(String::compareTo);
    return out;
  }
}

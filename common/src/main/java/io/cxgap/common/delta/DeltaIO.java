package io.cxgap.common.delta;

import io.delta.tables.DeltaTable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The one place cxgap writes Delta tables (DESIGN.md §6). Appends carry Delta's idempotent
 * transaction id ({@code txnAppId}/{@code txnVersion}), so a repeated batch adds its rows once;
 * slice writes replace exactly one predicate's rows in one atomic commit.
 */
public final class DeltaIO {
  private DeltaIO() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  public static Optional<Dataset<Row>> readIfExists(SparkSession spark, String path) {
    return exists(spark, path) ? Optional.of(read(spark, path)) : Optional.empty();
  }

  public static Dataset<Row> read(SparkSession spark, String path) {
    return spark.read().format("delta").load(path);
  }

  public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /** The latest committed version, or -1 where there is no table yet. */
  public static long version(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      return -1;
    }
    return DeltaTable.forPath(spark, path).history(1).select("version").head().getLong(0);
  }

  /** Appends once per (appId, version): a retry of the same batch is a no-op. */
  public static void appendOnce(Dataset<Row> df, String path, String appId, long txnVersion) {
    appendOnce(df, path, appId, txnVersion, Map.of());
  }

  /**
   * Appends once per (appId, version); where this creates the table, it gets {@code
   * newTableProperties} ({@code delta.*} table properties, e.g. {@link #STATS_COLUMNS}). An
   * existing table keeps its own.
   */
  public static void appendOnce(
      Dataset<Row> df, String path, String appId, long txnVersion, Map<String, String> newTableProperties) {
    DataFrameWriter<Row> w =
        df.write()
            .format("delta")
            .mode(SaveMode.Append)
            .option("txnAppId", appId)
            .option("txnVersion", txnVersion);
    if (!newTableProperties.isEmpty() && !exists(df.sparkSession(), path)) {
      w = w.options(newTableProperties);
    }
    w.save(path);
  }

  /**
   * The table property naming the columns whose minimum, maximum and null count Delta records
   * per file for data skipping (by default the first 32 columns): collecting them is a per-row
   * cost of every write.
   */
  public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  /**
   * Replaces one as_of_date's slice of a table partitioned by {@code as_of_date} (DESIGN.md §6):
   * one atomic commit; other dates are not touched.
   */
  public static void replaceDate(Dataset<Row> df, String path, java.time.LocalDate date) {
    df.write()
        .format("delta")
        .mode(SaveMode.Overwrite)
        .partitionBy("as_of_date")
        .option("replaceWhere", "as_of_date = '" + date + "'")
        .save(path);
  }

  /**
   * Gives an existing table its description and column comments where they differ from the
   * given ones ({@code ALTER TABLE … ALTER COLUMN … COMMENT}, {@code SET TBLPROPERTIES
   * ('comment')}). A table that already carries them gets no new commit. Columns the table does
   * not have are skipped.
   *
   * @return the number of changes committed
   */
  public static int document(SparkSession spark, String path, String tableComment, Map<String, String> columnComments) {
    if (!exists(spark, path)) {
      return 0;
    }
    String table = "delta.`" + path.replace("`", "``") + "`";
    int changes = 0;
    for (StructField f : read(spark, path).schema().fields()) {
      String want = columnComments.get(f.name());
      String have = f.getComment().isDefined() ? f.getComment().get() : null;
      if (want != null && !want.equals(have)) {
        spark.sql("ALTER TABLE " + table + " ALTER COLUMN `" + f.name().replace("`", "``") + "` COMMENT " + literal(want));
        changes++;
      }
    }
    String description = DeltaTable.forPath(spark, path).detail().select("description").head().getString(0);
    if (tableComment != null && !Objects.equals(tableComment, description)) {
      spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ('comment' = " + literal(tableComment) + ")");
      changes++;
    }
    return changes;
  }

  /** A Spark SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}

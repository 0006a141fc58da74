package io.cxgap.common.delta;

import static io.cxgap.common.Columns.AS_OF_DATE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.StructField;
import scala.Option;

/**
 * The one place cxgap writes Delta tables (DESIGN.md §6), and reads one as_of_date's slice of them.
 * Every write is one atomic commit: an append adds its rows or none; a slice write replaces exactly
 * one predicate's rows.
 *
 * <p>Every write merges the schema ({@code mergeSchema}): a column that a newer cxgap adds to a
 * table (e.g. the zone-of-tolerance columns) is added to a table written before, whose older rows
 * read it as null. Only new columns merge; a changed type still fails the write.
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

  /**
   * One as_of_date's slice of a table partitioned by {@code as_of_date} (DESIGN.md §6): the one way
   * cxgap reads a date's rows, so Delta prunes the other dates' files.
   */
  public static Dataset<Row> readDate(SparkSession spark, String path, LocalDate date) {
    return read(spark, path).where(onDate(date));
  }

  /** {@link #readDate}, or empty where there is no table yet. */
  public static Optional<Dataset<Row>> readDateIfExists(
      SparkSession spark, String path, LocalDate date) {
    return exists(spark, path) ? Optional.of(readDate(spark, path, date)) : Optional.empty();
  }

  /** The rows of one as_of_date: the Column form of {@link #replaceDate}'s predicate. */
  static Column onDate(LocalDate date) {
    return col(AS_OF_DATE).equalTo(lit(date.toString()).cast("date"));
  }

  /** The same predicate as SQL text, which Delta's {@code replaceWhere} option takes. */
  static String onDateSql(LocalDate date) {
    return AS_OF_DATE + " = '" + date + "'";
  }

  public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * The latest committed version, or -1 where there is no table yet. From the log's listing, as
   * Delta's snapshot has it: {@code history(1)} would run a Spark job for it.
   */
  public static long version(SparkSession spark, String path) {
    if (!exists(spark, path)) {
      return -1;
    }
    return snapshot(spark, path).version();
  }

  /**
   * The table's newest snapshot, as far as its log listing and its newest checksum file give it:
   * version, schema and metadata without a Spark job. (What needs the list of files, such as {@code
   * DeltaTable.detail()}, makes Delta rebuild the table's state: three jobs.)
   */
  static Snapshot snapshot(SparkSession spark, String path) {
    return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty());
  }

  /** Appends {@code df} in one commit. */
  public static void append(Dataset<Row> df, String path) {
    append(df, path, Map.of());
  }

  /**
   * Appends {@code df} in one commit; where this creates the table, it gets {@code
   * newTableProperties} ({@code delta.*} table properties, e.g. {@link #STATS_COLUMNS}). An
   * existing table keeps its own.
   *
   * <p>No Delta transaction id ({@code txnAppId}/{@code txnVersion}): looking one up makes Delta
   * rebuild the table's whole state (three Spark jobs) before every append. The callers know
   * themselves whether a batch already landed (see IngestJob and ConformJob).
   */
  public static void append(Dataset<Row> df, String path, Map<String, String> newTableProperties) {
    DataFrameWriter<Row> w =
        df.write().format("delta").mode(SaveMode.Append).option(MERGE_SCHEMA, "true");
    if (!exists(df.sparkSession(), path)) {
      w =
          w.options(
              newTableProperties.isEmpty()
                  ? PersonalStats.properties(df.schema(), List.of())
                  : newTableProperties);
    }
    w.save(path);
  }

  /**
   * The table property naming the columns whose minimum, maximum and null count Delta records per
   * file for data skipping (by default the first 32 columns): collecting them is a per-row cost of
   * every write. Tables with {@link io.cxgap.common.Columns#PERSONAL} columns get it at creation
   * without those columns (see {@link PersonalStats}).
   */
  public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  /**
   * Replaces one as_of_date's slice of a table partitioned by {@code as_of_date} (DESIGN.md §6):
   * one atomic commit; other dates are not touched.
   */
  public static void replaceDate(Dataset<Row> df, String path, LocalDate date) {
    DataFrameWriter<Row> w =
        df.write()
            .format("delta")
            .mode(SaveMode.Overwrite)
            .partitionBy(AS_OF_DATE)
            .option("replaceWhere", onDateSql(date))
            .option(MERGE_SCHEMA, "true");
    if (!exists(df.sparkSession(), path)) {
      w = w.options(PersonalStats.properties(df.schema(), List.of(AS_OF_DATE)));
    }
    w.save(path);
  }

  /** Delta's per-write option that adds the frame's new columns to the table's schema. */
  private static final String MERGE_SCHEMA = "mergeSchema";

  /**
   * Gives an existing table its description and column comments where they differ from the given
   * ones ({@code ALTER TABLE … ALTER COLUMN … COMMENT}, {@code SET TBLPROPERTIES ('comment')}). A
   * table that already carries them gets no new commit. Columns the table does not have are
   * skipped.
   *
   * @return the number of changes committed
   */
  public static int document(
      SparkSession spark, String path, String tableComment, Map<String, String> columnComments) {
    if (!exists(spark, path)) {
      return 0;
    }
    String table = "delta.`" + path.replace("`", "``") + "`";
    int changes = 0;
    Snapshot snapshot = snapshot(spark, path);
    for (StructField f : snapshot.schema().fields()) {
      String want = columnComments.get(f.name());
      String have = f.getComment().isDefined() ? f.getComment().get() : null;
      if (want != null && !want.equals(have)) {
        spark.sql(
            "ALTER TABLE "
                + table
                + " ALTER COLUMN `"
                + f.name().replace("`", "``")
                + "` COMMENT "
                + literal(want));
        changes++;
      }
    }
    String description = snapshot.metadata().description();
    if (tableComment != null && !Objects.equals(tableComment, description)) {
      spark.sql(
          "ALTER TABLE "
              + table
              + " SET TBLPROPERTIES ('comment' = "
              + literal(tableComment)
              + ")");
      changes++;
    }
    return changes;
  }

  /** A Spark SQL string literal. */
  static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}

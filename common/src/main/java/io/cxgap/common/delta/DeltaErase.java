package io.cxgap.common.delta;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * The Delta operations of erasure and retention (DESIGN.md §6): deletes whose commit does not name
 * what they delete, VACUUM, and a transaction log cut back to one checkpoint. Delta records a
 * DELETE's predicate in the commit ({@code operationParameters}), so rows of named customers are
 * deleted with a MERGE against a frame of them: the commit records only the join condition.
 */
public final class DeltaErase {
  private DeltaErase() {}

  /** Delta's session setting that refuses a VACUUM retention under the tables' 7 days. */
  static final String RETENTION_CHECK = "spark.databricks.delta.retentionDurationCheck.enabled";

  /**
   * Deletes the rows of {@code path} that match a row of {@code keys} by {@code condition} (over
   * {@code t.} for the table and {@code s.} for the keys), in one commit that names neither the
   * keys nor their values.
   */
  public static void deleteMatching(
      SparkSession spark, String path, Dataset<Row> keys, Column condition) {
    DeltaTable.forPath(spark, path)
        .as("t")
        .merge(keys.as("s"), condition)
        .whenMatched()
        .delete()
        .execute();
  }

  /** Deletes the rows matching {@code predicate}, which the commit records. */
  public static void delete(SparkSession spark, String path, Column predicate) {
    DeltaTable.forPath(spark, path).delete(predicate);
  }

  /** Sets those of {@code columns} the table has to null where {@code predicate} holds. */
  public static void blank(
      SparkSession spark, String path, Column predicate, List<String> columns) {
    Map<String, Column> set = new java.util.LinkedHashMap<>();
    Snapshot snapshot = DeltaIO.snapshot(spark, path);
    for (StructField f : snapshot.schema().fields()) {
      if (columns.contains(f.name())) {
        set.put(f.name(), org.apache.spark.sql.functions.lit(null).cast(f.dataType()));
      }
    }
    if (!set.isEmpty()) {
      DeltaTable.forPath(spark, path).update(predicate, set);
    }
  }

  /** Sets columns to the given values where {@code predicate} holds, in one commit. */
  public static void update(
      SparkSession spark, String path, Column predicate, Map<String, Column> set) {
    DeltaTable.forPath(spark, path).update(predicate, set);
  }

  /** Whether the table has a column of this name. */
  public static boolean hasColumn(SparkSession spark, String path, String column) {
    for (StructField f : DeltaIO.snapshot(spark, path).schema().fields()) {
      if (f.name().equals(column)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives a table written before {@link PersonalStats} its statistics column list without the
   * personal columns (one metadata commit), so that the files later writes add carry no personal
   * values in the log. Returns whether it committed.
   */
  public static boolean keepPersonalOutOfStats(SparkSession spark, String path) {
    Snapshot snapshot = DeltaIO.snapshot(spark, path);
    Map<String, String> conf = JavaConverters.mapAsJavaMap(snapshot.metadata().configuration());
    if (conf.containsKey(DeltaIO.STATS_COLUMNS)
        || conf.containsKey(PersonalStats.NUM_INDEXED_COLS)) {
      return false;
    }
    List<String> partitions =
        new ArrayList<>(JavaConverters.seqAsJavaList(snapshot.metadata().partitionColumns()));
    Map<String, String> props = PersonalStats.properties(snapshot.schema(), partitions);
    if (props.isEmpty()) {
      return false;
    }
    Map.Entry<String, String> e = props.entrySet().iterator().next();
    spark.sql(
        "ALTER TABLE delta.`"
            + path.replace("`", "``")
            + "` SET TBLPROPERTIES ('"
            + e.getKey()
            + "' = "
            + DeltaIO.literal(e.getValue())
            + ")");
    return true;
  }

  /**
   * VACUUM with a retention of {@code hours}; under Delta's 7-day floor the session's retention
   * check is set aside for this call only.
   */
  public static void vacuum(SparkSession spark, String path, double hours) {
    String before = spark.conf().get(RETENTION_CHECK, "true");
    boolean below = hours < 168;
    if (below) {
      spark.conf().set(RETENTION_CHECK, "false");
    }
    try {
      DeltaTable.forPath(spark, path).vacuum(hours);
    } finally {
      if (below) {
        spark.conf().set(RETENTION_CHECK, before);
      }
    }
  }

  private static final Pattern LOG_FILE =
      Pattern.compile("\\.?(\\d{20})\\.(json|crc|checkpoint(\\.\\d+\\.\\d+)?\\.parquet)(\\.crc)?");

  /**
   * Writes a checkpoint of the table's newest version and deletes every log file (commit JSON,
   * checksum, older checkpoint) of an earlier version: what is left describes the table as it is,
   * and nothing of the versions before. Time travel to those versions ends with it; call it only
   * after a VACUUM that removed their files anyway. Returns the log files deleted.
   */
  public static int truncateLog(SparkSession spark, String path) {
    DeltaLog log = DeltaLog.forTable(spark, path);
    Snapshot snapshot = log.update(false, scala.Option.empty(), scala.Option.empty());
    log.checkpoint(snapshot, scala.Option.empty());
    long keep = snapshot.version();
    Path dir = new Path(path, "_delta_log");
    int deleted = 0;
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(dir)) {
        Matcher m = LOG_FILE.matcher(f.getPath().getName());
        if (f.isFile() && m.matches() && Long.parseLong(m.group(1)) < keep) {
          if (fs.delete(f.getPath(), false)) {
            deleted++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("truncating the log of " + path + ": " + e.getMessage(), e);
    }
    DeltaLog.clearCache();
    return deleted;
  }
}

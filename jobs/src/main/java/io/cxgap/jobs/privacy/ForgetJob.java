package io.cxgap.jobs.privacy;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaErase;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gold.GoldDocs;
import io.cxgap.common.privacy.CustomerHash;
import io.cxgap.common.privacy.ErasedCustomers;
import io.cxgap.common.privacy.RawMentions;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import io.cxgap.jobs.steps.ErasureVacuum;
import io.cxgap.jobs.steps.GoldTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Erases customers (DESIGN.md §6): deletes their rows from every table of the warehouse that has a
 * {@code customer_id} (found through {@link Table}, so a new table is covered by being declared
 * there) and the quarantined rows whose raw text or detail names them ({@link RawMentions});
 * records one row per customer in {@code gold.erasure_log}; VACUUMs the tables it searched; and
 * where the VACUUM retention is 0, cuts each table's transaction log back to a fresh checkpoint.
 *
 * <p>Nothing it writes names a customer: the deletes are MERGEs against a frame of the ids, whose
 * commits record the join condition only; the tables keep personal columns out of their statistics
 * ({@link DeltaErase#keepPersonalOutOfStats}); the erasure log holds a salted hash.
 */
public final class ForgetJob {
  private ForgetJob() {}

  static final StructType KEYS =
      new StructType()
          .add(Columns.CUSTOMER_ID, DataTypes.StringType, false)
          .add("pattern", DataTypes.StringType, false);

  static final StructType LOG =
      new StructType()
          .add(ErasedCustomers.CUSTOMER_HASH, DataTypes.StringType, false)
          .add("erased_at", DataTypes.TimestampType, false)
          .add(Columns.RUN_ID, DataTypes.StringType, false)
          .add("rows", DataTypes.LongType, false)
          .add(
              "tables",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false),
              false)
          .add(ErasureVacuum.VACUUMED_AT, DataTypes.TimestampType, true);

  /**
   * Erases {@code ids}; {@code vacuumHours} is the VACUUM retention. Returns the rows removed per
   * table (in the counts, by {@code <layer>.<table>}).
   */
  public static StepResult run(JobContext ctx, List<String> ids, double vacuumHours) {
    SparkSession spark = ctx.spark();
    List<Row> keyRows = new ArrayList<>();
    ids.forEach(id -> keyRows.add(RowFactory.create(id, RawMentions.pattern(id))));
    Dataset<Row> keys = spark.createDataFrame(keyRows, KEYS);
    Map<String, Map<String, Long>> perCustomer = new LinkedHashMap<>();
    ids.forEach(id -> perCustomer.put(id, new TreeMap<>()));
    Map<String, Long> perTable = new LinkedHashMap<>();
    List<Table> searched = new ArrayList<>();
    for (Table t : Table.values()) {
      String path = ctx.table(t);
      if (!DeltaIO.exists(spark, path)) {
        continue;
      }
      Column match;
      if (t == Table.QUARANTINE) {
        match =
            RawMentions.names(
                    col("t." + Columns.RAW), col("s." + Columns.CUSTOMER_ID), col("s.pattern"))
                .or(
                    RawMentions.names(
                        col("t." + Columns.DETAIL),
                        col("s." + Columns.CUSTOMER_ID),
                        col("s.pattern")));
      } else if (DeltaErase.hasColumn(spark, path, Columns.CUSTOMER_ID)) {
        match = col("t." + Columns.CUSTOMER_ID).equalTo(col("s." + Columns.CUSTOMER_ID));
      } else {
        continue;
      }
      searched.add(t);
      DeltaErase.keepPersonalOutOfStats(spark, path);
      Dataset<Row> table = DeltaIO.read(spark, path).as("t");
      Dataset<Row> hits = table.join(broadcast(keys.as("s")), match);
      long rows = 0;
      for (Row r : hits.groupBy(col("s." + Columns.CUSTOMER_ID)).count().collectAsList()) {
        perCustomer.get(r.getString(0)).put(t.toString(), r.getLong(1));
        rows += r.getLong(1);
      }
      if (rows > 0) {
        // a quarantined row may name two of the ids: count it once
        rows =
            t == Table.QUARANTINE
                ? table.join(broadcast(keys.as("s")), match, "left_semi").count()
                : rows;
        DeltaErase.deleteMatching(spark, path, keys, match);
      }
      perTable.put(t.toString(), rows);
    }
    record(ctx, perCustomer);
    // only the tables this run changed: each VACUUM is a few Spark jobs. With a retention above 0
    // it removes the files of earlier erasures; this one's go when a nightly finds them due.
    for (Table t : searched) {
      if (perTable.get(t.toString()) > 0) {
        DeltaErase.vacuum(spark, ctx.table(t), vacuumHours);
        if (vacuumHours == 0) {
          DeltaErase.truncateLog(spark, ctx.table(t));
        }
      }
    }
    if (vacuumHours == 0) {
      ErasureVacuum.markVacuumed(ctx, col(Columns.RUN_ID).equalTo(ctx.runId()));
    }
    long total = perTable.values().stream().mapToLong(Long::longValue).sum();
    String message =
        String.format(
            java.util.Locale.ROOT,
            "erased %d customers: %d rows from %d tables searched; tables changed VACUUMed with a retention of %s hours%s",
            ids.size(),
            total,
            searched.size(),
            vacuumHours,
            vacuumHours == 0 ? ", transaction logs cut back to a fresh checkpoint" : "");
    return new StepResult(0, ids.size(), 0, message, perTable);
  }

  /** Appends one row per customer to gold.erasure_log: the salted hash, never the id. */
  private static void record(JobContext ctx, Map<String, Map<String, Long>> perCustomer) {
    String salt = ctx.config().privacy().salt();
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    perCustomer.forEach(
        (id, tables) ->
            rows.add(
                RowFactory.create(
                    CustomerHash.of(salt, id),
                    now,
                    ctx.runId(),
                    tables.values().stream().mapToLong(Long::longValue).sum(),
                    scala.collection.JavaConverters.mapAsScalaMap(tables),
                    null)));
    Dataset<Row> df =
        GoldDocs.withComments(Table.ERASURE_LOG, ctx.spark().createDataFrame(rows, LOG));
    DeltaIO.append(df, ctx.table(Table.ERASURE_LOG));
    GoldTables.document(ctx, Table.ERASURE_LOG);
  }
}

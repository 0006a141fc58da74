package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.landing.LandingFile;
import io.cxgap.common.landing.Source;
import io.cxgap.jobs.runstate.JobContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The write-ahead log of ingest batches, {@code bronze.ingest_log}: a batch's file list is written
 * (status {@code planned}) before its rows, and a {@code committed} row after them. A planned batch
 * without a commit is redone with exactly its files, and IngestJob skips the bronze or quarantine
 * append that already landed, so nothing is added twice. Each row is appended once: a batch is
 * planned under a new id, and committed or abandoned only while pending. This is the
 * offsets/commits log of Spark's file stream source, kept in Delta so that files are read by header
 * name (see IngestJob).
 */
final class IngestLog {
  static final String PLANNED = "planned";
  static final String COMMITTED = "committed";
  static final String ABANDONED = "abandoned";
  static final StructType SCHEMA =
      new StructType()
          .add("source", DataTypes.StringType, false)
          .add("batch_id", DataTypes.LongType, false)
          .add("status", DataTypes.StringType, false)
          .add("file", DataTypes.StringType, true)
          .add("size", DataTypes.LongType, true)
          .add("modified_at", DataTypes.TimestampType, true)
          .add("customers_version", DataTypes.LongType, true)
          .add("run_id", DataTypes.StringType, false)
          .add("rows_read", DataTypes.LongType, true)
          .add("rows_accepted", DataTypes.LongType, true)
          .add("rows_quarantined", DataTypes.LongType, true)
          .add("rows_duplicate", DataTypes.LongType, true);

  /** A batch to process: new (just planned) or pending from a run that died. */
  record Batch(long id, List<LandingFile> files, long customersVersion, boolean resumed) {}

  /**
   * What the log says of one source: files already taken, a pending batch, the newest id, and the
   * rows its committed batches accepted.
   */
  record State(Set<String> known, Batch pending, long maxBatch, long accepted) {}

  private IngestLog() {}

  static String path(JobContext ctx) {
    return ctx.table(Table.INGEST_LOG);
  }

  /** Reads the log: what it says of each source (every source has an entry). */
  static Map<Source, State> read(JobContext ctx) {
    Map<String, List<Row>> rows = new HashMap<>();
    DeltaIO.readIfExists(ctx.spark(), path(ctx))
        .ifPresent(
            log ->
                log.select(
                        "source",
                        "batch_id",
                        "status",
                        "file",
                        "size",
                        "modified_at",
                        "customers_version",
                        "rows_accepted")
                    .collectAsList()
                    .forEach(
                        r -> rows.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r)));
    Map<Source, State> states = new EnumMap<>(Source.class);
    for (Source s : Source.values()) {
      states.put(s, state(rows.getOrDefault(s.folder(), List.of())));
    }
    return states;
  }

  /**
   * One source's state from its rows (source, batch_id, status, file, size, modified_at,
   * customers_version, rows_accepted). Files of abandoned batches are not known (they are planned
   * again); the oldest planned batch without a commit is pending.
   */
  private static State state(List<Row> rows) {
    TreeMap<Long, List<LandingFile>> planned = new TreeMap<>();
    Set<Long> closed = new HashSet<>();
    Set<Long> abandoned = new HashSet<>();
    TreeMap<Long, Long> versions = new TreeMap<>();
    long maxBatch = 0;
    long accepted = 0;
    for (Row r : rows) {
      long b = r.getLong(1);
      maxBatch = Math.max(maxBatch, b);
      switch (r.getString(2)) {
        case COMMITTED -> {
          closed.add(b);
          accepted += r.isNullAt(7) ? 0 : r.getLong(7);
        }
        case ABANDONED -> {
          closed.add(b);
          abandoned.add(b);
        }
        default -> {
          planned
              .computeIfAbsent(b, k -> new ArrayList<>())
              .add(new LandingFile(r.getString(3), r.getLong(4), r.getTimestamp(5).getTime()));
          versions.put(b, r.isNullAt(6) ? -1L : r.getLong(6));
        }
      }
    }
    Set<String> known = new HashSet<>();
    Batch pending = null;
    for (var e : planned.entrySet()) {
      if (abandoned.contains(e.getKey())) {
        continue;
      }
      e.getValue().forEach(f -> known.add(f.path()));
      if (pending == null && !closed.contains(e.getKey())) {
        List<LandingFile> files = new ArrayList<>(e.getValue());
        files.sort(Comparator.comparing(LandingFile::path));
        pending = new Batch(e.getKey(), files, versions.get(e.getKey()), true);
      }
    }
    return new State(known, pending, maxBatch, accepted);
  }

  /** Records a new batch's file list before any of its rows is written. */
  static Batch plan(
      JobContext ctx, Source source, long id, List<LandingFile> files, long customersVersion) {
    List<Row> plan = new ArrayList<>();
    for (LandingFile f : files) {
      plan.add(
          RowFactory.create(
              source.folder(),
              id,
              PLANNED,
              f.path(),
              f.size(),
              new Timestamp(f.modifiedMillis()),
              customersVersion,
              ctx.runId(),
              null,
              null,
              null,
              null));
    }
    DeltaIO.append(ctx.spark().createDataFrame(plan, SCHEMA), path(ctx));
    return new Batch(id, files, customersVersion, false);
  }

  /** Gives up a pending batch of which nothing landed; its files count as new again. */
  static void abandon(JobContext ctx, Source source, long batchId) {
    Row r =
        RowFactory.create(
            source.folder(),
            batchId,
            ABANDONED,
            null,
            null,
            null,
            null,
            ctx.runId(),
            null,
            null,
            null,
            null);
    DeltaIO.append(ctx.spark().createDataFrame(List.of(r), SCHEMA), path(ctx));
  }

  static void commit(
      JobContext ctx,
      Source source,
      long batchId,
      long read,
      long accepted,
      long quarantined,
      long duplicate) {
    Row r =
        RowFactory.create(
            source.folder(),
            batchId,
            COMMITTED,
            null,
            null,
            null,
            null,
            ctx.runId(),
            read,
            accepted,
            quarantined,
            duplicate);
    Dataset<Row> df = ctx.spark().createDataFrame(List.of(r), SCHEMA);
    DeltaIO.append(df, path(ctx));
  }
}

package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import io.cxgap.common.Layer;
import io.cxgap.common.Table;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.ingest.BatchCounts;
import io.cxgap.common.ingest.BatchRecovery;
import io.cxgap.common.ingest.BatchSplit;
import io.cxgap.common.ingest.EmptySource;
import io.cxgap.common.ingest.KnownCustomers;
import io.cxgap.common.landing.LandingFile;
import io.cxgap.common.landing.LandingFiles;
import io.cxgap.common.landing.LandingReader;
import io.cxgap.common.landing.Source;
import io.cxgap.common.privacy.ErasedCustomers;
import io.cxgap.common.quality.RowRules;
import io.cxgap.common.spark.Sessions;
import io.cxgap.common.transform.Duplicates;
import io.cxgap.jobs.runstate.FaultPoints;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Landing → bronze (DESIGN.md §2, §4): reads the files no earlier run ingested, types and validates
 * every row, drops duplicates, writes accepted rows to {@code bronze.<source>} and rejected ones to
 * {@code bronze.quarantine}, exactly once per batch (see {@link IngestLog}). It reads, calls the
 * common module's landing reader, row rules and ingest logic ({@code io.cxgap.common.ingest}), and
 * writes.
 *
 * <p>Why not Spark's file stream source: it maps CSV columns by position with one schema per
 * stream, so a file with another column order, an extra column or a wide layout would be read
 * wrongly without an error; here each file is read by its own header.
 */
public final class IngestJob {
  private IngestJob() {}

  /** Per-source counts of one batch ({@code batch} 0: no new files). */
  record SourceCounts(Source source, long batch, BatchCounts counts) {}

  public static StepResult run(JobContext ctx) {
    List<SourceCounts> all = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    // the log is read once: a source's batches change only its own rows
    Map<Source, IngestLog.State> log = IngestLog.read(ctx);
    for (Source s : List.of(Source.CUSTOMERS, Source.SURVEYS, Source.INTERACTIONS)) {
      all.add(ingest(ctx, s, log.get(s), notes));
    }
    long read = 0, written = 0, quarantined = 0;
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    for (SourceCounts s : all) {
      BatchCounts c = s.counts();
      read += c.read();
      written += c.accepted();
      quarantined += c.quarantined();
      String p = s.source().folder() + ".";
      counts.put(p + "read", c.read());
      counts.put(p + "accepted", c.accepted());
      counts.put(p + "quarantined", c.quarantined());
      counts.put(p + "duplicate", c.duplicate());
      if (c.erased() > 0) {
        counts.put(p + "erased", c.erased());
      }
      parts.add(
          s.source().folder()
              + (s.batch() == 0 ? ": no new files" : " batch " + s.batch() + ": " + c.equation()));
    }
    parts.addAll(notes);
    BronzeRetention.apply(ctx).ifPresent(r -> r.record(parts, counts));
    ErasureVacuum.due(ctx).ifPresent(parts::add);
    String message = String.join("; ", parts);
    return gate(ctx.config(), all, new StepResult(read, written, quarantined, message, counts));
  }

  /**
   * The quality gate (DESIGN.md §3, exit 3), after the step's writes: the batch stays in bronze and
   * quarantine for inspection, and the run fails.
   */
  private static StepResult gate(CxConfig config, List<SourceCounts> all, StepResult result) {
    double max = config.maxQuarantineShare();
    for (SourceCounts s : all) {
      BatchCounts c = s.counts();
      if (c.quarantineOver(max)) {
        return result.failing(
            CxErrors.qualityGate(s.source().folder(), c.quarantined(), c.read(), max));
      }
    }
    return result;
  }

  static SourceCounts ingest(
      JobContext ctx, Source source, IngestLog.State logged, List<String> notes) {
    CxConfig cfg = ctx.config();
    String bronze = ctx.table(Table.of(Layer.BRONZE, source.folder()));
    Configuration hadoop = ctx.spark().sparkContext().hadoopConfiguration();
    String folder = cfg.landingPath(source.folder());
    // channel logs are optional (DESIGN.md §4 "Survey-only programs"): no folder, no files
    boolean present = !source.optional() || LandingFiles.isFolder(hadoop, folder);
    List<LandingFile> listed = present ? LandingFiles.list(hadoop, folder) : List.of();
    LandingReader reader =
        new LandingReader(
            ctx.spark(),
            source,
            source == Source.CUSTOMERS ? cfg.segmentDimensions() : List.of(),
            new LandingReader.WidePrefixes(
                cfg.wideExpectationPrefix(), cfg.wideExperiencePrefix(), cfg.wideAdequatePrefix()));
    IngestLog.Batch batch = nextBatch(ctx, source, logged, listed, reader, notes);
    if (batch == null) {
      if (logged.accepted() == 0) {
        noRowsYet(ctx, source, reader, EmptySource.why(present, listed.size()), listed, notes);
      }
      return new SourceCounts(source, 0, BatchCounts.NONE);
    }
    FaultPoints.hit("ingest." + source.folder() + ".planned");
    List<String> readNotes = new ArrayList<>();
    Dataset<Row> raw = reader.read(batch.files(), readNotes);
    readNotes.forEach(s -> notes.add(source.folder() + ": " + s));

    List<String> keys = BatchSplit.keys(source);
    // Classified once and kept on disk (a batch can be far larger than the heap): counting,
    // quarantine and bronze read it again, and the duplicate check reads its keys, then only the
    // rows of the keys that may have a duplicate, instead of moving the whole batch by key.
    // Only a quarantined row's raw text is kept: nothing else writes it.
    Dataset<Row> classified =
        Duplicates.withRowNumbers(
                BatchSplit.spread(
                    BatchSplit.rawOfQuarantinedOnly(
                        classify(ctx, source, raw, batch.customersVersion())),
                    batch.files(),
                    Sessions.shufflePartitions(ctx.spark())))
            .persist(StorageLevel.DISK_ONLY());
    Optional<Dataset<Row>> history =
        DeltaIO.readIfExists(ctx.spark(), bronze)
            .map(b -> b.where(col(Columns.BATCH_ID).lt(batch.id())));
    Dataset<Row> keyCounts = Duplicates.keyCounts(classified, keys);
    Dataset<Row> suspects = null;
    Dataset<Row> duplicates = null;
    try {
      if (history.isPresent()) {
        // materialised, so that a small batch's keys are broadcast and the history's keys are
        // probed where they are read (Duplicates.suspects); a first batch has no history to check
        keyCounts = keyCounts.persist(StorageLevel.DISK_ONLY());
        keyCounts.count();
      }
      // materialised, so that Spark knows their size and broadcasts them where they are small
      suspects =
          Duplicates.suspects(keyCounts, keys, history.orElse(keyCounts.limit(0)))
              .persist(StorageLevel.DISK_ONLY());
      Dataset<Row> marked;
      if (suspects.count() == 0) {
        marked = Duplicates.noneDuplicate(classified);
      } else {
        duplicates =
            Duplicates.duplicateRows(classified, keys, suspects).persist(StorageLevel.DISK_ONLY());
        duplicates.count();
        marked = Duplicates.mark(classified, duplicates);
      }
      BatchCounts n = BatchSplit.count(marked);
      // Quarantine first: an append to a table makes Spark re-cache every persisted frame that
      // reads it, and the duplicate check's frames read this source's bronze table, so after the
      // bronze append the next use of `marked` would compute them again.
      // A new batch's id is new to both tables. A resumed batch's append may have landed before
      // the run died; each append is one commit, so one row of the batch means all of them.
      if (!(batch.resumed() && inQuarantine(ctx, source, batch.id()))) {
        DeltaIO.append(
            BatchSplit.quarantined(marked, source, batch.id(), ctx.runId()),
            ctx.table(Table.QUARANTINE),
            BRONZE_PROPERTIES);
      }
      FaultPoints.hit("ingest." + source.folder() + ".quarantine");
      if (!(batch.resumed() && inBronze(ctx, source, batch.id()))) {
        DeltaIO.append(
            BatchSplit.accepted(marked, batch.id(), ctx.runId()), bronze, BRONZE_PROPERTIES);
      }
      FaultPoints.hit("ingest." + source.folder() + ".bronze");
      IngestLog.commit(
          ctx, source, batch.id(), n.read(), n.accepted(), n.quarantined(), n.duplicate());
      if (logged.accepted() + n.accepted() == 0) {
        noRowsYet(ctx, source, reader, EmptySource.why(present, listed.size()), listed, notes);
      }
      return new SourceCounts(source, batch.id(), n);
    } finally {
      // blocking: a removal still under way when Spark's cleaner removes the same blocks makes
      // the block manager warn that they do not exist
      if (duplicates != null) {
        duplicates.unpersist(true);
      }
      if (suspects != null) {
        suspects.unpersist(true);
      }
      keyCounts.unpersist(true);
      classified.unpersist(true);
    }
  }

  /**
   * For a source that has not given one accepted row yet: a note for the run log saying so, and its
   * bronze table, created without rows where no batch wrote it, so that conform and the gold steps
   * read the source as empty (DESIGN.md §4 "Survey-only programs").
   */
  private static void noRowsYet(
      JobContext ctx,
      Source source,
      LandingReader reader,
      EmptySource.Why why,
      List<LandingFile> listed,
      List<String> notes) {
    String bronze = ctx.table(Table.of(Layer.BRONZE, source.folder()));
    if (!DeltaIO.exists(ctx.spark(), bronze)) {
      Dataset<Row> none = classify(ctx, source, reader.read(List.of(), new ArrayList<>()), -1);
      DeltaIO.append(
          BatchSplit.accepted(Duplicates.noneDuplicate(none), 0, ctx.runId()),
          bronze,
          BRONZE_PROPERTIES);
    }
    notes.add(
        EmptySource.note(source, ctx.config().landingPath(source.folder()), why, listed.size()));
  }

  /**
   * Bronze tables keep data-skipping statistics for batch_id only: conform reads them by batch, and
   * statistics on every other column would cost ingest CPU for no reader.
   */
  static final Map<String, String> BRONZE_PROPERTIES =
      Map.of(DeltaIO.STATS_COLUMNS, Columns.BATCH_ID);

  /**
   * The pending batch of an interrupted run, or a new batch of the files no run has taken. New
   * files are checked for required columns before they are planned, so a bad file stops the run
   * (exit 2) without leaving a batch behind. A pending batch whose files are gone is abandoned when
   * none of it landed; otherwise it must be completed with its files.
   */
  private static IngestLog.Batch nextBatch(
      JobContext ctx,
      Source source,
      IngestLog.State state,
      List<LandingFile> listed,
      LandingReader reader,
      List<String> notes) {
    IngestLog.Batch pending = state.pending();
    if (pending != null) {
      List<String> gone = BatchRecovery.gone(pending.files(), listed);
      BatchRecovery.Action action =
          BatchRecovery.action(gone, () -> landed(ctx, source, pending.id()));
      if (action == BatchRecovery.Action.RESUME) {
        notes.add(source.folder() + " batch " + pending.id() + " resumed after an interrupted run");
        return pending;
      }
      if (action == BatchRecovery.Action.FAIL) {
        throw CxErrors.usage(
            "%s batch %d was interrupted after part of it was written, and its file %s is gone;"
                + " put the file back and rerun, so that the batch can complete",
            source.folder(), pending.id(), gone.get(0));
      }
      IngestLog.abandon(ctx, source, pending.id());
      notes.add(
          source.folder()
              + " batch "
              + pending.id()
              + " abandoned: "
              + gone.size()
              + " of its files are gone");
      return nextBatch(ctx, source, IngestLog.read(ctx).get(source), listed, reader, notes);
    }
    List<LandingFile> fresh = BatchRecovery.fresh(listed, state.known());
    if (fresh.isEmpty()) {
      return null;
    }
    reader.check(fresh);
    long customersVersion =
        source == Source.SURVEYS
            ? DeltaIO.version(ctx.spark(), ctx.table(Table.BRONZE_CUSTOMERS))
            : -1;
    return IngestLog.plan(ctx, source, state.maxBatch() + 1, fresh, customersVersion);
  }

  /** Whether any row of the batch reached bronze or quarantine. */
  private static boolean landed(JobContext ctx, Source source, long batchId) {
    return inBronze(ctx, source, batchId) || inQuarantine(ctx, source, batchId);
  }

  /** Whether the batch's bronze append was committed. */
  private static boolean inBronze(JobContext ctx, Source source, long batchId) {
    return DeltaIO.readIfExists(ctx.spark(), ctx.table(Table.of(Layer.BRONZE, source.folder())))
        .map(t -> BatchRecovery.holds(t, batchId))
        .orElse(false);
  }

  /** Whether the batch's quarantine append was committed (with a row: an empty one adds none). */
  private static boolean inQuarantine(JobContext ctx, Source source, long batchId) {
    return DeltaIO.readIfExists(ctx.spark(), ctx.table(Table.QUARANTINE))
        .map(t -> BatchRecovery.holds(t, source.folder(), batchId))
        .orElse(false);
  }

  private static Dataset<Row> classify(
      JobContext ctx, Source source, Dataset<Row> raw, long customersVersion) {
    Map<String, String> lookup = ctx.catalog().lookup();
    Dataset<Row> classified =
        switch (source) {
          case CUSTOMERS -> RowRules.customers(raw, ctx.config().segmentDimensions());
          case SURVEYS -> RowRules.surveys(withKnownCustomer(ctx, raw, customersVersion), lookup);
          case INTERACTIONS -> RowRules.interactions(raw, lookup);
        };
    // rows of customers erased with `forget` do not come back from the landing zone (§6)
    return DeltaIO.readIfExists(ctx.spark(), ctx.table(Table.ERASURE_LOG))
        .map(erased -> ErasedCustomers.mark(classified, erased, ctx.config().privacy().salt()))
        .orElse(classified);
  }

  /** Marks whether each row's customer id is in bronze.customers at the pinned version. */
  private static Dataset<Row> withKnownCustomer(JobContext ctx, Dataset<Row> raw, long version) {
    return version < 0
        ? KnownCustomers.noneKnown(raw)
        : KnownCustomers.mark(
            raw, DeltaIO.readVersion(ctx.spark(), ctx.table(Table.BRONZE_CUSTOMERS), version));
  }
}

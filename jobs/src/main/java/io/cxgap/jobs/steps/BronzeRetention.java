package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaErase;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.privacy.Retention;
import io.cxgap.jobs.runstate.JobContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.Column;

/**
 * Bronze retention (DESIGN.md §6, {@code cx.privacy.bronze-retention-days}), applied by the ingest
 * step, so by every {@code nightly}: of the rows loaded before the first kept load date (see {@link
 * Retention}), the survey and interaction rows are deleted (silver holds what they gave), the CRM
 * versions lose their names, e-mail addresses and phone numbers (the CRM state as of D and the
 * known-customer check read the other columns), and quarantined rows lose their raw text and
 * detail. The tables it changed are then VACUUMed with {@code cx.privacy.vacuum-hours}, so the old
 * files go once that retention has passed.
 */
final class BronzeRetention {
  private BronzeRetention() {}

  /** What one run removed: rows per table, loaded before {@code firstKept}. */
  record Outcome(LocalDate firstKept, Map<Table, Long> rows) {
    /** Adds the run-log note and counts ({@code retention.<layer>.<table>}). */
    void record(List<String> notes, Map<String, Long> counts) {
      List<String> parts = new ArrayList<>();
      rows.forEach(
          (t, n) -> {
            counts.put("retention." + t, n);
            parts.add(t + " " + n);
          });
      notes.add(
          "retention: rows loaded before "
              + firstKept
              + " deleted or blanked ("
              + String.join(", ", parts)
              + ")");
    }
  }

  /** Applies the retention, if configured; empty where bronze is kept. */
  static Optional<Outcome> apply(JobContext ctx) {
    OptionalInt days = ctx.config().privacy().retentionDays();
    if (days.isEmpty()) {
      return Optional.empty();
    }
    LocalDate firstKept = Retention.firstKept(ctx.date(), days.getAsInt());
    Column old = Retention.loadedBefore(firstKept);
    Map<Table, Long> rows = new LinkedHashMap<>();
    for (Table t : List.of(Table.BRONZE_SURVEYS, Table.BRONZE_INTERACTIONS)) {
      String path = ctx.table(t);
      if (DeltaIO.exists(ctx.spark(), path)) {
        long n = DeltaIO.read(ctx.spark(), path).where(old).count();
        if (n > 0) {
          DeltaErase.delete(ctx.spark(), path, old);
        }
        rows.put(t, n);
      }
    }
    rows.put(Table.BRONZE_CUSTOMERS, blank(ctx, Table.BRONZE_CUSTOMERS, old, Columns.PII));
    rows.put(
        Table.QUARANTINE, blank(ctx, Table.QUARANTINE, old, List.of(Columns.RAW, Columns.DETAIL)));
    double hours = ctx.config().privacy().vacuumHours();
    // the tables this run changed: a steady feed changes them every night, and each VACUUM is a
    // few Spark jobs
    rows.forEach(
        (t, n) -> {
          if (n > 0) {
            DeltaErase.vacuum(ctx.spark(), ctx.table(t), hours);
          }
        });
    return Optional.of(new Outcome(firstKept, rows));
  }

  /** Sets {@code columns} to null on the old rows that still hold a value in one; returns them. */
  private static long blank(JobContext ctx, Table table, Column old, List<String> columns) {
    String path = ctx.table(table);
    if (!DeltaIO.exists(ctx.spark(), path)) {
      return 0;
    }
    Column holds = null;
    for (String c : columns) {
      holds = holds == null ? col(c).isNotNull() : holds.or(col(c).isNotNull());
    }
    Column target = old.and(holds);
    long n = DeltaIO.read(ctx.spark(), path).where(target).count();
    if (n > 0) {
      DeltaErase.blank(ctx.spark(), path, target, columns);
    }
    return n;
  }
}

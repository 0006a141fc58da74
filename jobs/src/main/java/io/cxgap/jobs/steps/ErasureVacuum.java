package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Layer;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaErase;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.jobs.runstate.JobContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * The VACUUM an erasure is owed (DESIGN.md §6): {@code forget} VACUUMs with {@code
 * cx.privacy.vacuum-hours}, which leaves the files it just removed for that long; the first {@code
 * nightly} after that (its ingest step) VACUUMs the tables again and marks the erasures {@code
 * vacuumed_at}.
 */
public final class ErasureVacuum {
  private ErasureVacuum() {}

  /** The erasure log's column: when the erasure's removed files were VACUUMed; null until then. */
  public static final String VACUUMED_AT = "vacuumed_at";

  /**
   * VACUUMs the tables of every erasure older than {@code cx.privacy.vacuum-hours} not yet marked,
   * and marks them. Returns a note for the run log, or empty where none was due.
   */
  public static Optional<String> due(JobContext ctx) {
    String log = ctx.table(Table.ERASURE_LOG);
    if (!DeltaIO.exists(ctx.spark(), log)) {
      return Optional.empty();
    }
    int hours = ctx.config().privacy().vacuumHours();
    Timestamp cutoff = Timestamp.from(Instant.now().minus(hours, ChronoUnit.HOURS));
    Column due = col(VACUUMED_AT).isNull().and(col("erased_at").leq(lit(cutoff)));
    TreeSet<String> tables = new TreeSet<>();
    long erasures = 0;
    for (Row r : DeltaIO.read(ctx.spark(), log).where(due).select("tables").collectAsList()) {
      erasures++;
      Map<String, Long> m = r.getJavaMap(0);
      m.forEach((t, n) -> tables.add(t));
    }
    if (erasures == 0) {
      return Optional.empty();
    }
    for (String t : tables) {
      int dot = t.indexOf('.');
      Optional<Layer> layer = Layer.of(t.substring(0, Math.max(dot, 0)));
      String path =
          layer.isEmpty() ? null : ctx.config().tablePath(layer.get().id(), t.substring(dot + 1));
      if (path != null && DeltaIO.exists(ctx.spark(), path)) {
        DeltaErase.vacuum(ctx.spark(), path, hours);
      }
    }
    markVacuumed(ctx, due);
    return Optional.of(
        String.format(
            java.util.Locale.ROOT,
            "erasures: %d due, %d tables VACUUMed with a retention of %d hours",
            erasures,
            tables.size(),
            hours));
  }

  /** Sets {@code vacuumed_at} to now on the erasure log's rows matching {@code which}. */
  public static void markVacuumed(JobContext ctx, Column which) {
    DeltaErase.update(
        ctx.spark(),
        ctx.table(Table.ERASURE_LOG),
        which.and(col(VACUUMED_AT).isNull()),
        Map.of(VACUUMED_AT, lit(Timestamp.from(Instant.now()))));
  }
}

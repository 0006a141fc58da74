package io.cxgap.jobs.pipeline;

import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.config.Locations;
import io.cxgap.common.landing.Source;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.RunLock;
import io.cxgap.jobs.steps.MonitorJob;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * How every run of the pipeline starts (DESIGN.md §3, §6), for {@code nightly} and each step's
 * command, {@code demo} and the benchmark alike: the config and catalog checked before Spark
 * starts, a new run id, the warehouse's run lock, the session, then the steps in order.
 *
 * @param command what the run lock and run log name as the command ({@code nightly}, {@code demo})
 */
public record PipelineRun(
    CxConfig config, TouchpointCatalog catalog, String command, LocalDate date) {

  /**
   * Loads the catalog, validates the initiatives file ({@code cx.initiatives}) against it and
   * checks the local landing folders, so a bad input fails at once (exit 2, one line).
   */
  public static PipelineRun prepare(CxConfig config, String command, LocalDate date) {
    TouchpointCatalog catalog = JobContext.loadCatalog(config);
    MonitorJob.initiatives(config, catalog);
    preflight(config);
    return new PipelineRun(config, catalog, command, date);
  }

  /**
   * Runs {@code steps} under the run lock; {@code whileLocked} then gets the run's context (for a
   * summary) before the lock is released.
   */
  public void run(
      Supplier<SparkSession> session,
      List<String> steps,
      PrintStream out,
      Steps.Listener listener,
      Consumer<JobContext> whileLocked) {
    String runId = JobContext.newRunId(date);
    try (RunLock lock = RunLock.acquire(config, command, date, runId)) {
      JobContext ctx = new JobContext(config, catalog, session.get(), date, runId);
      Steps.runExclusive(ctx, lock, steps, out, listener);
      whileLocked.accept(ctx);
    }
  }

  /**
   * Local landing folders are checked before Spark starts, so the error comes at once. The channel
   * logs' folder may be missing (DESIGN.md §4 "Survey-only programs").
   */
  static void preflight(CxConfig config) {
    if (!Locations.isLocal(config.landing())) {
      return;
    }
    for (Source s : Source.values()) {
      Path p = Path.of(config.landingPath(s.folder()));
      if (!s.optional() && !Files.isDirectory(p)) {
        throw CxErrors.missingInput("landing folder", p.toString());
      }
    }
  }
}

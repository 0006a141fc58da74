package io.cxgap.jobs.pipeline;

import io.cxgap.common.CxErrors;
import io.cxgap.common.CxException;
import io.cxgap.common.Table;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.runstate.FaultPoints;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.RunLock;
import io.cxgap.jobs.runstate.RunLog;
import io.cxgap.jobs.runstate.StepResult;
import io.cxgap.jobs.steps.ClustersJob;
import io.cxgap.jobs.steps.ConformJob;
import io.cxgap.jobs.steps.DriversJob;
import io.cxgap.jobs.steps.GapsJob;
import io.cxgap.jobs.steps.GoldTables;
import io.cxgap.jobs.steps.IngestJob;
import io.cxgap.jobs.steps.MonitorJob;
import io.cxgap.jobs.steps.ReportJob;
import io.cxgap.jobs.steps.TrendsJob;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * The pipeline's steps in DESIGN.md §2 order, and the runner that records each in the run log. A
 * step that fails is logged as failed and stops the run; its error keeps its exit code.
 */
public final class Steps {
  /**
   * One step: its name on the command line, what it does, the job that runs it, and whether it runs
   * interpreted ({@link Sessions#interpreted}): the report, which reads gold slices of a few
   * thousand rows, where Spark spends longer compiling each plan's generated code than running it
   * (docs/performance.md, "The report interpreted").
   */
  public record Step(
      String name, String description, Function<JobContext, StepResult> job, boolean interpreted) {
    Step(String name, String description, Function<JobContext, StepResult> job) {
      this(name, description, job, false);
    }

    StepResult run(JobContext ctx) {
      return interpreted ? Sessions.interpreted(ctx.spark(), () -> job.apply(ctx)) : job.apply(ctx);
    }
  }

  /** Every step, in run order. */
  public static final List<Step> ALL =
      List.of(
          new Step(
              "ingest",
              "landing files not yet ingested → bronze tables and quarantine",
              IngestJob::run),
          new Step(
              "conform",
              "bronze → silver: CRM as of D, normalised survey items, interactions",
              ConformJob::run),
          new Step("gaps", "silver → " + Table.GAP_SEGMENT_TOUCHPOINT + " for D", GapsJob::run),
          new Step(
              "trends",
              "silver → "
                  + Table.GAP_TREND
                  + " and "
                  + Table.NPS_SEGMENT
                  + " for D (current vs previous window)",
              TrendsJob::run),
          new Step(
              "drivers",
              "silver → " + Table.TOUCHPOINT_DRIVER + " for D (moments of truth)",
              DriversJob::run),
          new Step(
              "clusters",
              "silver → "
                  + Table.CUSTOMER_PAIN_CLUSTER
                  + " and "
                  + Table.PAIN_CLUSTER_PROFILE
                  + " for D",
              ClustersJob::run),
          new Step(
              "monitor",
              "silver + gold → "
                  + Table.INITIATIVE_CHECK
                  + ", "
                  + Table.ALERT
                  + " and "
                  + Table.DETRACTOR_FOLLOWUP
                  + " for D (cx.initiatives, alerts, detractors to call back)",
              MonitorJob::run),
          new Step(
              "report",
              "gold → <warehouse>/reports/cx-report-D.html, the HTML report for D",
              ReportJob::run,
              true));

  /** The steps' names, in run order: what {@code nightly} runs. */
  public static List<String> names() {
    return ALL.stream().map(Step::name).toList();
  }

  private static Step named(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step " + name));
  }

  private Steps() {}

  /** Told when each step starts and when it has succeeded (the benchmark times steps with it). */
  public interface Listener {
    Listener NONE = new Listener() {};

    default void starting(String step) {}

    default void succeeded(String step, long millis, StepResult result) {}
  }

  /**
   * Runs the steps holding the warehouse's run lock (DESIGN.md §6). A run that the lock's holder
   * file shows was killed is first recorded as {@code interrupted}; the first step of this run then
   * says which run it recovers.
   */
  public static void runExclusive(
      JobContext ctx, RunLock lock, List<String> names, PrintStream out) {
    runExclusive(ctx, lock, names, out, Listener.NONE);
  }

  public static void runExclusive(
      JobContext ctx, RunLock lock, List<String> names, PrintStream out, Listener listener) {
    String recovers = null;
    if (lock.interrupted().isPresent()) {
      Properties dead = lock.interrupted().get();
      RunLog.recordInterrupted(ctx, dead);
      recovers = "recovers interrupted run " + dead.getProperty("run_id", "?");
      out.println("cxgap: " + recovers + " (" + RunLock.describe(dead) + ")");
    }
    run(ctx, lock, names, out, recovers, listener);
  }

  private static void run(
      JobContext ctx,
      RunLock lock,
      List<String> names,
      PrintStream out,
      String recovers,
      Listener listener) {
    String note = recovers;
    for (String name : names) {
      Step step = named(name);
      listener.starting(name);
      Instant started = Instant.now();
      lock.step(name, started);
      Sessions.jobGroup(ctx.spark(), name, ctx.date().toString());
      StepResult result;
      try {
        result = step.run(ctx);
      } catch (CxException e) {
        RunLog.record(
            ctx, name, started, "failed", StepResult.of(0, 0, 0, prefixed(note, e.getMessage())));
        throw e;
      } catch (RuntimeException e) {
        CxException failed = CxErrors.jobFailed(name, ctx.date().toString(), e);
        RunLog.record(
            ctx,
            name,
            started,
            "failed",
            StepResult.of(0, 0, 0, prefixed(note, failed.getMessage())));
        throw failed;
      }
      if (!result.succeeded()) { // the step wrote its tables, and still fails the run
        RunLog.record(
            ctx, name, started, "failed", withMessage(result, note, result.failure().getMessage()));
        throw result.failure();
      }
      RunLog.record(ctx, name, started, "succeeded", withMessage(result, note, null));
      note = null;
      lock.step("", started);
      long millis = java.time.Duration.between(started, Instant.now()).toMillis();
      listener.succeeded(name, millis, result);
      double seconds = millis / 1000.0;
      out.printf(java.util.Locale.ROOT, "%-8s ok  %5.1fs  %s%n", name, seconds, result.message());
      FaultPoints.hit(name + ".done");
    }
    GoldTables.document(
        ctx, Table.PIPELINE_RUN); // a run log written before its docs existed gets them
  }

  private static String prefixed(String note, String message) {
    return note == null ? message : note + "; " + message;
  }

  private static StepResult withMessage(StepResult r, String note, String gate) {
    String m = gate == null ? r.message() : gate + " | " + r.message();
    return new StepResult(
        r.rowsRead(), r.rowsWritten(), r.rowsQuarantined(), prefixed(note, m), r.counts());
  }
}

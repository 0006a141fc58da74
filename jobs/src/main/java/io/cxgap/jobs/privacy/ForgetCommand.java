package io.cxgap.jobs.privacy;

import io.cxgap.common.CxErrors;
import io.cxgap.common.CxException;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.privacy.CustomerIds;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.RunLock;
import io.cxgap.jobs.runstate.RunLog;
import io.cxgap.jobs.runstate.StepResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cxgap forget --customer ID... | --from FILE [--vacuum-now]} (DESIGN.md §3, §6): erases
 * customers in one recorded run under the warehouse's run lock, and prints the rows removed per
 * table. An id that no table holds is erased all the same (0 rows), so a later ingest keeps it out.
 */
@Command(
    name = "forget",
    description =
        "erase customers: delete their rows from every bronze, silver and gold table and the"
            + " quarantine, record a salted hash in gold.erasure_log, VACUUM")
public final class ForgetCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Spec CommandSpec spec;

  @Option(names = "--customer", paramLabel = "ID", description = "a customer id (repeatable)")
  List<String> customers = new ArrayList<>();

  @Option(names = "--from", paramLabel = "FILE", description = "a file of customer ids, one a line")
  Path from;

  @Option(
      names = "--vacuum-now",
      description =
          "VACUUM with a retention of 0 hours, setting cx.privacy.vacuum-hours aside: readers that"
              + " are reading the tables at that moment may fail")
  boolean vacuumNow;

  @Override
  public Integer call() {
    List<String> ids = ids();
    CxConfig config = options.load();
    PrintStream out = System.out;
    double hours = vacuumNow ? 0 : config.privacy().vacuumHours();
    if (hours < 168) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "cxgap: warning: VACUUM retention %s hours is below Delta's 7 days: a query or a copy that"
                  + " is reading the tables now may fail, and time travel ends here%n",
              hours);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String runId = JobContext.newRunId(today);
    try (RunLock lock = RunLock.acquire(config, "forget", today, runId)) {
      JobContext ctx = new JobContext(config, null, Sessions.getOrCreate(config), today, runId);
      lock.interrupted().ifPresent(dead -> RunLog.recordInterrupted(ctx, dead));
      Instant started = Instant.now();
      lock.step("forget", started);
      Sessions.jobGroup(ctx.spark(), "forget", today.toString());
      StepResult result;
      try {
        result = ForgetJob.run(ctx, ids, hours);
      } catch (CxException e) {
        RunLog.record(ctx, "forget", started, "failed", StepResult.of(0, 0, 0, e.getMessage()));
        throw e;
      } catch (RuntimeException e) {
        CxException failed = CxErrors.jobFailed("forget", today.toString(), e);
        RunLog.record(
            ctx, "forget", started, "failed", StepResult.of(0, 0, 0, failed.getMessage()));
        throw failed;
      }
      RunLog.record(ctx, "forget", started, "succeeded", result);
      lock.step("", started);
      result.counts().forEach((t, n) -> out.printf(Locale.ROOT, "%-34s %8d rows removed%n", t, n));
      out.println("forget   ok  " + result.message());
    }
    return 0;
  }

  /** The ids of {@code --customer} and {@code --from}, distinct; at least one. */
  private List<String> ids() {
    Set<String> ids = new LinkedHashSet<>(CustomerIds.fromOptions(customers));
    if (from != null) {
      if (!Files.isRegularFile(from)) {
        throw CxErrors.usage("--from %s: file not found", from);
      }
      try {
        ids.addAll(
            CustomerIds.fromLines(
                Files.readAllLines(from, StandardCharsets.UTF_8), from.toString()));
      } catch (IOException e) {
        throw CxErrors.usage("--from %s: cannot read it as UTF-8 text: %s", from, e.getMessage());
      }
    }
    if (ids.isEmpty()) {
      throw CxErrors.usage("forget: give at least one --customer ID or a --from FILE of ids");
    }
    return List.copyOf(ids);
  }
}

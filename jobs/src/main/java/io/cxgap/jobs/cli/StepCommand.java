package io.cxgap.jobs.cli;

import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.pipeline.Steps;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a list of steps for one date: {@code nightly} runs them all, each step has its own command.
 */
@Command
public final class StepCommand implements Callable<Integer> {
  private final String name;
  private final List<String> steps;

  @Mixin ConfigOptions options;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "the run date D (UTC)")
  String date;

  public StepCommand(String name, List<String> steps) {
    this.name = name;
    this.steps = List.copyOf(steps);
  }

  @Override
  public Integer call() {
    LocalDate d = Args.parseDate(date);
    CxConfig config = options.load();
    TouchpointCatalog catalog = JobContext.loadCatalog(config);
    preflight(config);
    String runId = JobContext.newRunId(d);
    try (RunLock lock = RunLock.acquire(config, name, d, runId)) {
      SparkSession spark = Sessions.getOrCreate(config);
      JobContext ctx = new JobContext(config, catalog, spark, d, runId);
      Steps.runExclusive(ctx, lock, steps, System.out);
    }
    return 0;
  }

  /** Local landing folders are checked before Spark starts, so the error comes at once. */
  static void preflight(CxConfig config) {
    if (config.landing().matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return;
    }
    for (String s : List.of("customers", "surveys", "interactions")) {
      Path p = Path.of(config.landingPath(s));
      if (!Files.isDirectory(p)) {
        throw CxErrors.missingInput("landing folder", p.toString());
      }
    }
  }
}

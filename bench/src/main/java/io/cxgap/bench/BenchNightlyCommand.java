package io.cxgap.bench;

import io.cxgap.bench.results.RunInfo;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.runstate.JobContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * One benchmark nightly in a JVM of its own ({@code bench --jvm new} starts it through {@link
 * ChildJvm}): the steps are timed and appended to the benchmark's CSV exactly as in the bench's own
 * JVM ({@link MeasuredNightly#inThisJvm}); the parent adds the start-to-exit time.
 */
@Command(
    name = BenchNightlyCommand.NAME,
    hidden = true,
    description = "one benchmark nightly (started by bench --jvm new)")
public final class BenchNightlyCommand implements Callable<Integer> {
  public static final String NAME = "bench-nightly";

  @Mixin ConfigOptions options;

  @Option(names = "--date", required = true)
  String date;

  @Option(names = "--case", description = "absent: run, but record nothing")
  String kase;

  @Option(names = "--csv", required = true)
  Path csv;

  @Option(names = "--run-id", required = true)
  String runId;

  @Option(names = "--label")
  String label = "";

  @Option(names = "--load")
  String load = "";

  @Option(names = "--scale", required = true)
  double scale;

  @Option(names = "--customers", required = true)
  long customers;

  @Override
  public Integer call() {
    CxConfig config = options.load();
    TouchpointCatalog catalog = JobContext.loadCatalog(config);
    try (HeapSampler heap = new HeapSampler()) {
      MeasuredNightly.inThisJvm(
          Sessions.getOrCreate(config),
          config,
          catalog,
          Args.parseDate(date),
          kase,
          new RunInfo(runId, label, load, scale, customers),
          heap,
          csv,
          System.out);
    }
    return 0;
  }
}

package io.cxgap.bench;

import io.cxgap.bench.results.BenchCsv;
import io.cxgap.bench.results.BenchSummary;
import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.options.SampleDataOptions;
import io.cxgap.jobs.runstate.JobContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/cxgap-bench}: for each scale factor (SF1 = 100,000 customers, 180 days) it generates a
 * seeded landing zone (kept and reused while the parameters match), moves the last day's rows into
 * files of their own ({@link BenchLanding}), and measures ({@link ScaleFactorBench})
 *
 * <ol>
 *   <li>full: {@code nightly} for the last day on a new warehouse, per step;
 *   <li>incremental: {@code nightly} for the day before on another new warehouse without the last
 *       day's files (not measured), then the last day's files added and {@code nightly} for it;
 *   <li>duckdb: {@code bench/duckdb_gaps.sql} from the same landing files to the same gap table,
 *       compared value by value with ours.
 * </ol>
 *
 * Results are appended to {@code <out>/bench-runs.csv}; {@code <out>/bench-summary.md} is rebuilt
 * from it. Every nightly runs in this JVM, one SparkSession for all runs, unless {@code --jvm new}
 * starts a JVM for each ({@link MeasuredNightly}) and adds its start-to-exit time as step
 * "process".
 */
@Command(
    name = "bench",
    // the root of bin/cxgap-bench (BenchMain): INHERIT gives bench-nightly --help and --version too
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "cxgap 0.1.0",
    synopsisSubcommandLabel = "", // its one subcommand, bench-nightly, is hidden
    description = "benchmark nightly at scale factors, incremental next day, DuckDB peer")
public final class BenchCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--scale",
      split = ",",
      paramLabel = "SF",
      description = "scale factors, e.g. 0.1,1,10 (default ${DEFAULT-VALUE})")
  List<Double> scales = new ArrayList<>(List.of(0.1));

  @Option(
      names = "--label",
      paramLabel = "TEXT",
      description = "free text stored with the results, e.g. the machine")
  String label = "";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "results folder (default ${DEFAULT-VALUE})")
  Path out = Path.of("bench/results");

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "generated data and warehouses (default ${DEFAULT-VALUE})")
  Path work = Path.of("bench/work");

  @Mixin SampleDataOptions data;

  @Option(
      names = "--cases",
      split = ",",
      paramLabel = "CASE",
      description =
          "what to measure: full, incremental, duckdb (default all; duckdb alone reuses an earlier full run's warehouse)")
  List<String> cases = new ArrayList<>(List.of("full", "incremental", "duckdb"));

  @Option(
      names = "--jvm",
      paramLabel = "same|new",
      description =
          "same: every nightly in this JVM, warm after the first; new: each nightly in a JVM of its own, from its start"
              + " to its exit, as a scheduler runs it (default ${DEFAULT-VALUE})")
  String jvm = "same";

  @Override
  public Integer call() {
    for (String c : cases) {
      if (!List.of("full", "incremental", "duckdb").contains(c)) {
        throw CxErrors.usage("bench: --cases: '%s' is not one of full, incremental, duckdb", c);
      }
    }
    if (!List.of("same", "new").contains(jvm)) {
      throw CxErrors.usage("bench: --jvm: '%s' is not same or new", jvm);
    }
    CxConfig base = options.load();
    TouchpointCatalog catalog = JobContext.loadCatalog(base);
    String runId = "bench-" + Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");
    String load = loadAverage();
    Settings settings = new Settings(options, data, work, label, cases, jvm.equals("new"));
    List<String> problems = new ArrayList<>();
    try (HeapSampler heap = new HeapSampler()) {
      for (double sf : scales) {
        problems.addAll(
            new ScaleFactorBench(
                    settings,
                    base,
                    catalog,
                    sf,
                    runId,
                    load,
                    heap,
                    out.resolve("bench-runs.csv"),
                    System.out)
                .run());
      }
    }
    writeSummary();
    System.out.println(
        "bench: results in "
            + out.resolve("bench-runs.csv")
            + ", summary in "
            + out.resolve("bench-summary.md"));
    if (!problems.isEmpty()) {
      Path list = out.resolve("duckdb-differences.txt");
      try {
        Files.write(list, problems, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("bench: cannot write " + list, e);
      }
      problems.stream().limit(5).forEach(p -> System.err.println("cxgap: bench: " + p));
      System.err.println("cxgap: bench: every difference is in " + list);
      throw CxErrors.jobFailed(
          "bench",
          "scale " + scales,
          new IllegalStateException(
              problems.size() + " differences between DuckDB's gap table and ours"));
    }
    return 0;
  }

  private void writeSummary() {
    try {
      Files.writeString(
          out.resolve("bench-summary.md"),
          BenchSummary.markdown(BenchCsv.read(out.resolve("bench-runs.csv"))),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot write the summary", e);
    }
  }

  /** What one scale factor's measurements ({@link ScaleFactorBench}) take from the command line. */
  record Settings(
      ConfigOptions options,
      SampleDataOptions data,
      Path work,
      String label,
      List<String> cases,
      boolean newJvm) {}

  /**
   * The load average at the start and the machine, for every row of the run: {@code 1.44 on 2 cores
   * of AMD EPYC (family 25, model 1, 2445 MHz)}.
   */
  static String loadAverage() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
            Locale.ROOT, "%.2f on %d cores", l, Runtime.getRuntime().availableProcessors())
        + Processor.describe().map(p -> " of " + p).orElse("");
  }
}

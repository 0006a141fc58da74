package io.cxgap.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.pipeline.PipelineRun;
import io.cxgap.jobs.pipeline.Steps;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bin/cxgap-bench}: for each scale factor (SF1 = 100,000 customers, 180 days) it generates a
 * seeded landing zone (kept and reused while the parameters match), moves the last day's rows into
 * files of their own ({@link DaySplit}), and measures
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
 * starts a JVM for each ({@link BenchNightlyCommand}) and adds its start-to-exit time as step
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
  static final int SF1_CUSTOMERS = 100_000;
  static final double TOLERANCE = 1e-9;

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

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "days of data (default ${DEFAULT-VALUE})")
  int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(
      names = "--messy-rate",
      paramLabel = "R",
      description = "share of rows broken on purpose (default ${DEFAULT-VALUE})")
  double messyRate = GeneratorOptions.DEFAULT_MESSY_RATE;

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
    List<String> problems = new ArrayList<>();
    try (HeapSampler heap = new HeapSampler()) {
      for (double sf : scales) {
        problems.addAll(
            new Bench(
                    this,
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
          BenchSummary.markdown(BenchSummary.read(out.resolve("bench-runs.csv"))),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot write the summary", e);
    }
  }

  static String loadAverage() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
        Locale.ROOT, "%.2f on %d cores", l, Runtime.getRuntime().availableProcessors());
  }

  /** What every CSV row of one benchmark run at one scale factor carries. */
  record RunInfo(String runId, String label, String load, double sf, long customers) {
    BenchSummary.Row row(
        String kase, String step, double wall, long in, long out, Long peak, String note) {
      return new BenchSummary.Row(
          runId,
          Instant.now().toString(),
          label,
          load,
          sf,
          customers,
          kase,
          step,
          wall,
          in,
          out,
          peak,
          note);
    }
  }

  /**
   * Runs every step of {@code nightly} for {@code d} in this JVM and, unless {@code kase} is null,
   * appends one row per step and a "total" row to {@code csv}.
   */
  static void measure(
      SparkSession spark,
      CxConfig cfg,
      TouchpointCatalog catalog,
      LocalDate d,
      String kase,
      RunInfo info,
      HeapSampler heap,
      Path csv,
      PrintStream log) {
    List<BenchSummary.Row> steps = new ArrayList<>();
    Steps.Listener listener =
        new Steps.Listener() {
          @Override
          public void starting(String step) {
            heap.reset();
          }

          @Override
          public void succeeded(String step, long millis, StepResult r) {
            steps.add(
                info.row(
                    kase,
                    step,
                    millis / 1000.0,
                    r.rowsRead(),
                    r.rowsWritten(),
                    heap.peakMib(),
                    ""));
          }
        };
    long t0 = System.nanoTime();
    new PipelineRun(cfg, catalog, "bench", d)
        .run(() -> spark, Steps.names(), log, listener, c -> {});
    double total = (System.nanoTime() - t0) / 1e9;
    if (kase != null) {
      long in = steps.isEmpty() ? 0 : steps.get(0).rowsIn();
      long outRows = steps.stream().mapToLong(BenchSummary.Row::rowsOut).sum();
      long peak =
          steps.stream()
              .mapToLong(r -> r.peakHeapMib() == null ? 0 : r.peakHeapMib())
              .max()
              .orElse(0);
      steps.add(
          info.row(
              kase,
              "total",
              total,
              in,
              outRows,
              peak,
              "rows in = ingest's; rows out = all steps'"));
      BenchSummary.append(csv, steps);
      log.printf(Locale.ROOT, "bench: %s nightly %.1f s%n", kase, total);
    }
  }

  /** One scale factor's measurements. */
  static final class Bench {
    private final BenchCommand cmd;
    private final CxConfig base;
    private final TouchpointCatalog catalog;
    private final double sf;
    private final int customers;
    private final RunInfo info;
    private final HeapSampler heap;

    /**
     * Each case's rows are appended as soon as the case ends, so a later crash loses nothing
     * measured.
     */
    private final Path csv;

    private final PrintStream log;
    private final Path dir;
    private final LocalDate day;

    /**
     * This JVM's session, started when first needed: with {@code --jvm new} only the DuckDB case
     * needs it.
     */
    private final Supplier<SparkSession> spark;

    Bench(
        BenchCommand cmd,
        CxConfig base,
        TouchpointCatalog catalog,
        double sf,
        String runId,
        String load,
        HeapSampler heap,
        Path csv,
        PrintStream log) {
      this.cmd = cmd;
      this.base = base;
      this.catalog = catalog;
      this.sf = sf;
      this.customers = (int) Math.round(SF1_CUSTOMERS * sf);
      this.info = new RunInfo(runId, cmd.label, load, sf, customers);
      this.heap = heap;
      this.csv = csv;
      this.log = log;
      this.dir = cmd.work.resolve("sf-" + BenchSummary.num(sf));
      this.day = GeneratorOptions.DEFAULT_END_DATE;
      this.spark = () -> Sessions.getOrCreate(base);
      if (customers < 1) {
        throw CxErrors.usage("bench: --scale %s gives no customers", sf);
      }
    }

    List<String> run() {
      Path landing = dir.resolve("landing");
      prepareLanding(landing);
      Path fullWarehouse = dir.resolve("warehouse-full");
      if (cmd.cases.contains("full")) {
        full(landing, fullWarehouse);
      }
      if (cmd.cases.contains("incremental")) {
        incremental(landing);
      }
      return cmd.cases.contains("duckdb") ? peer(landing, fullWarehouse) : List.of();
    }

    private void full(Path landing, Path fullWarehouse) {
      log.printf(
          Locale.ROOT,
          "bench: SF%s (%,d customers): full nightly for %s%n",
          BenchSummary.num(sf),
          customers,
          day);
      delete(fullWarehouse);
      nightly(landing, fullWarehouse, day, "full");
    }

    private void incremental(Path landing) {
      log.printf(
          Locale.ROOT,
          "bench: SF%s: incremental: nightly for %s, then the files of %s added%n",
          BenchSummary.num(sf),
          day.minusDays(1),
          day);
      Path incrLanding = dir.resolve("landing-incr");
      Path incrWarehouse = dir.resolve("warehouse-incr");
      delete(incrLanding);
      delete(incrWarehouse);
      link(landing, incrLanding, false);
      nightly(incrLanding, incrWarehouse, day.minusDays(1), null);
      link(landing, incrLanding, true);
      nightly(incrLanding, incrWarehouse, day, "incremental");
    }

    private List<String> peer(Path landing, Path fullWarehouse) {
      log.printf(Locale.ROOT, "bench: SF%s: DuckDB peer%n", BenchSummary.num(sf));
      DuckDbPeer.Result peer =
          DuckDbPeer.run(
              new DuckDbPeer.Params(
                  landing,
                  catalog,
                  day,
                  base.windowDays(),
                  base.minRespondents(),
                  base.segmentDimensions(),
                  base.wideExpectationPrefix(),
                  base.wideExperiencePrefix()),
              dir.resolve("duckdb-scratch"));
      List<Map<String, Object>> ours = ourTable(spark.get(), config(landing, fullWarehouse), day);
      List<String> diffs = GapTableDiff.diff(ours, peer.rows(), TOLERANCE);
      String note =
          diffs.isEmpty()
              ? String.format(Locale.ROOT, "equal to ours in all %d cells (1e-9)", ours.size())
              : diffs.size() + " differences from ours";
      BenchSummary.append(
          csv,
          List.of(
              info.row(
                  "duckdb",
                  "gap_segment_touchpoint",
                  peer.millis() / 1000.0,
                  peer.rowsRead(),
                  peer.rows().size(),
                  null,
                  note)));
      log.printf(Locale.ROOT, "bench: DuckDB %.1f s, %s%n", peer.millis() / 1000.0, note);
      return diffs;
    }

    /** The command line's --set overrides with landing and warehouse pointed at this case's. */
    private List<String> sets(Path landing, Path warehouse) {
      List<String> sets = new ArrayList<>(cmd.options.sets());
      sets.add("cx.landing=" + landing.toAbsolutePath());
      sets.add("cx.warehouse=" + warehouse.toAbsolutePath());
      return sets;
    }

    private CxConfig config(Path landing, Path warehouse) {
      return cmd.options.load(sets(landing, warehouse));
    }

    /**
     * One nightly for {@code d}: in this JVM, or ({@code --jvm new}) in a JVM of its own started
     * like this one. {@code kase} null: not measured (the incremental case's day before).
     */
    private void nightly(Path landing, Path warehouse, LocalDate d, String kase) {
      if (cmd.jvm.equals("same")) {
        measure(spark.get(), config(landing, warehouse), catalog, d, kase, info, heap, csv, log);
        return;
      }
      List<String> args = new ArrayList<>(ChildJvm.command(BenchNightlyCommand.NAME));
      // name=value: a label that is empty or starts with '-' stays one value
      args.addAll(
          List.of(
              "--date=" + d,
              "--csv=" + csv.toAbsolutePath(),
              "--run-id=" + info.runId(),
              "--label=" + info.label(),
              "--load=" + info.load(),
              "--scale=" + BenchSummary.num(sf),
              "--customers=" + customers));
      if (kase != null) {
        args.add("--case=" + kase);
      }
      if (cmd.options.config() != null) {
        args.add("--config=" + cmd.options.config().toAbsolutePath());
      }
      sets(landing, warehouse).forEach(s -> args.add("--set=" + s));
      double wall = ChildJvm.run(args, log, "bench: nightly in a new JVM", d.toString());
      if (kase != null) {
        BenchSummary.Row total =
            BenchSummary.read(csv).stream()
                .filter(
                    r ->
                        r.runId().equals(info.runId())
                            && r.scale() == sf
                            && r.kase().equals(kase)
                            && r.step().equals("total"))
                .reduce((a, b) -> b)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "the nightly's JVM wrote no total row to " + csv));
        BenchSummary.append(
            csv,
            List.of(
                info.row(
                    kase,
                    BenchSummary.PROCESS,
                    wall,
                    total.rowsIn(),
                    total.rowsOut(),
                    total.peakHeapMib(),
                    "a new JVM, from its start to its exit: what a scheduler waits for")));
        log.printf(
            Locale.ROOT, "bench: %s nightly in a new JVM %.1f s from start to exit%n", kase, wall);
      }
    }

    /** Generates the landing zone unless the one there was made with the same parameters. */
    private void prepareLanding(Path landing) {
      GeneratorOptions o =
          new GeneratorOptions(landing, customers, cmd.days, day, base.seed(), cmd.messyRate);
      String params =
          String.format(
              Locale.ROOT,
              "customers=%d days=%d end=%s seed=%d messy=%s split=%s%n",
              customers,
              cmd.days,
              day,
              base.seed(),
              cmd.messyRate,
              day);
      Path marker = dir.resolve("bench-params.txt");
      try {
        if (Files.exists(marker)
            && Files.readString(marker, StandardCharsets.UTF_8).equals(params)) {
          log.println("bench: reusing " + landing + " (" + params.strip() + ")");
          return;
        }
        delete(dir);
        long t0 = System.nanoTime();
        SampleGenerator.generate(o);
        DaySplit.Moved moved = DaySplit.split(landing, day);
        Files.writeString(marker, params, StandardCharsets.UTF_8);
        log.printf(
            Locale.ROOT,
            "bench: generated %s in %.1f s; %,d rows of %s moved to %d day files%n",
            landing,
            (System.nanoTime() - t0) / 1e9,
            moved.rows(),
            day,
            moved.files().size());
      } catch (IOException e) {
        throw new UncheckedIOException("bench: cannot prepare " + landing, e);
      }
    }

    private List<Map<String, Object>> ourTable(SparkSession spark, CxConfig cfg, LocalDate d) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Row r :
          DeltaIO.read(spark, cfg.tablePath("gold", "gap_segment_touchpoint"))
              .where(col("as_of_date").equalTo(lit(d.toString()).cast("date")))
              .collectAsList()) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String c : GapTableDiff.COLUMNS) {
          m.put(c, r.getAs(c));
        }
        out.add(m);
      }
      return out;
    }
  }

  /**
   * Hard-links the source folders' files of {@code from} into {@code to}: the files of the split
   * day only ({@code dayFiles}) or every other file.
   */
  static void link(Path from, Path to, boolean dayFiles) {
    for (String source : List.of("customers", "surveys", "interactions")) {
      Path dir = from.resolve(source);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f :
            s.filter(Files::isRegularFile)
                .filter(p -> DaySplit.isDayFile(p) == dayFiles)
                .toList()) {
          Path target = to.resolve(from.relativize(f));
          Files.createDirectories(target.getParent());
          Files.createLink(target, f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("bench: cannot link " + dir + " into " + to, e);
      }
    }
  }

  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot delete " + p, e);
    }
  }
}

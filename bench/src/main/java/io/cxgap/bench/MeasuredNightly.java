package io.cxgap.bench;

import io.cxgap.bench.results.BenchCsv;
import io.cxgap.bench.results.BenchRow;
import io.cxgap.bench.results.RunInfo;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.jobs.pipeline.PipelineRun;
import io.cxgap.jobs.pipeline.Steps;
import io.cxgap.jobs.runstate.StepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * One benchmark nightly, timed step by step: in this JVM ({@link #inThisJvm}), or in a JVM of its
 * own ({@link #inNewJvm}) that does the same through {@link BenchNightlyCommand} and whose
 * start-to- exit time is added as step {@value BenchRow#PROCESS}. A null {@code kase} runs the
 * nightly but records nothing (the incremental case's day before).
 */
final class MeasuredNightly {
  private MeasuredNightly() {}

  /**
   * Runs every step of {@code nightly} for {@code d} in this JVM and, unless {@code kase} is null,
   * appends one row per step and a "total" row to {@code csv}.
   */
  static void inThisJvm(
      SparkSession spark,
      CxConfig cfg,
      TouchpointCatalog catalog,
      LocalDate d,
      String kase,
      RunInfo info,
      HeapSampler heap,
      Path csv,
      PrintStream log) {
    List<BenchRow> steps = new ArrayList<>();
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
      long outRows = steps.stream().mapToLong(BenchRow::rowsOut).sum();
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
      BenchCsv.append(csv, steps);
      log.printf(Locale.ROOT, "bench: %s nightly %.1f s%n", kase, total);
    }
  }

  /**
   * Runs {@code nightly} for {@code d} in a JVM of its own started like this one, with the config
   * file {@code config} (or none) and the overrides {@code sets}, and, unless {@code kase} is null,
   * appends its start-to-exit time to {@code csv} after the rows the JVM wrote there.
   */
  static void inNewJvm(
      LocalDate d,
      String kase,
      RunInfo info,
      Path config,
      List<String> sets,
      Path csv,
      PrintStream log) {
    List<String> args = new ArrayList<>(ChildJvm.command(BenchNightlyCommand.NAME));
    // name=value: a label that is empty or starts with '-' stays one value
    args.addAll(
        List.of(
            "--date=" + d,
            "--csv=" + csv.toAbsolutePath(),
            "--run-id=" + info.runId(),
            "--label=" + info.label(),
            "--load=" + info.load(),
            "--scale=" + BenchRow.num(info.sf()),
            "--customers=" + info.customers()));
    if (kase != null) {
      args.add("--case=" + kase);
    }
    if (config != null) {
      args.add("--config=" + config.toAbsolutePath());
    }
    sets.forEach(s -> args.add("--set=" + s));
    double wall = ChildJvm.run(args, log, "bench: nightly in a new JVM", d.toString());
    if (kase != null) {
      BenchRow total = totalRow(csv, info, kase);
      BenchCsv.append(
          csv,
          List.of(
              info.row(
                  kase,
                  BenchRow.PROCESS,
                  wall,
                  total.rowsIn(),
                  total.rowsOut(),
                  total.peakHeapMib(),
                  "a new JVM, from its start to its exit: what a scheduler waits for")));
      log.printf(
          Locale.ROOT, "bench: %s nightly in a new JVM %.1f s from start to exit%n", kase, wall);
    }
  }

  /** The "total" row the nightly's JVM wrote last for this run, scale factor and case. */
  private static BenchRow totalRow(Path csv, RunInfo info, String kase) {
    return BenchCsv.read(csv).stream()
        .filter(
            r ->
                r.runId().equals(info.runId())
                    && r.scale() == info.sf()
                    && r.kase().equals(kase)
                    && r.step().equals("total"))
        .reduce((a, b) -> b)
        .orElseThrow(
            () -> new IllegalStateException("the nightly's JVM wrote no total row to " + csv));
  }
}

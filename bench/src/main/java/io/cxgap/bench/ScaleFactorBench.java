package io.cxgap.bench;

import io.cxgap.bench.results.BenchCsv;
import io.cxgap.bench.results.BenchRow;
import io.cxgap.bench.results.RunInfo;
import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.spark.Sessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * One scale factor's measurements ({@link BenchCommand}): its landing zone, then the full,
 * incremental and DuckDB cases the command line asks for, in {@code <work>/sf-<SF>}.
 */
final class ScaleFactorBench {
  static final int SF1_CUSTOMERS = 100_000;
  static final double TOLERANCE = 1e-9;

  private final BenchCommand.Settings settings;
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

  ScaleFactorBench(
      BenchCommand.Settings settings,
      CxConfig base,
      TouchpointCatalog catalog,
      double sf,
      String runId,
      String load,
      HeapSampler heap,
      Path csv,
      PrintStream log) {
    this.settings = settings;
    this.base = base;
    this.catalog = catalog;
    this.sf = sf;
    this.customers = (int) Math.round(SF1_CUSTOMERS * sf);
    this.info = new RunInfo(runId, settings.label(), load, sf, customers);
    this.heap = heap;
    this.csv = csv;
    this.log = log;
    this.dir = settings.work().resolve("sf-" + BenchRow.num(sf));
    this.day = GeneratorOptions.DEFAULT_END_DATE;
    this.spark = () -> Sessions.getOrCreate(base);
    if (customers < 1) {
      throw CxErrors.usage("bench: --scale %s gives no customers", sf);
    }
  }

  /** Runs the cases; returns the differences between DuckDB's gap table and ours, if any. */
  List<String> run() {
    Path landing = dir.resolve("landing");
    BenchLanding.prepare(
        dir,
        new GeneratorOptions(
            landing,
            customers,
            settings.data().days(),
            day,
            base.seed(),
            settings.data().messyRate()),
        log);
    Path fullWarehouse = dir.resolve("warehouse-full");
    if (settings.cases().contains("full")) {
      full(landing, fullWarehouse);
    }
    if (settings.cases().contains("incremental")) {
      incremental(landing);
    }
    return settings.cases().contains("duckdb") ? peer(landing, fullWarehouse) : List.of();
  }

  private void full(Path landing, Path fullWarehouse) {
    log.printf(
        Locale.ROOT,
        "bench: SF%s (%,d customers): full nightly for %s%n",
        BenchRow.num(sf),
        customers,
        day);
    BenchLanding.delete(fullWarehouse);
    nightly(landing, fullWarehouse, day, "full");
  }

  private void incremental(Path landing) {
    log.printf(
        Locale.ROOT,
        "bench: SF%s: incremental: nightly for %s, then the files of %s added%n",
        BenchRow.num(sf),
        day.minusDays(1),
        day);
    Path incrLanding = dir.resolve("landing-incr");
    Path incrWarehouse = dir.resolve("warehouse-incr");
    BenchLanding.delete(incrLanding);
    BenchLanding.delete(incrWarehouse);
    BenchLanding.link(landing, incrLanding, false);
    nightly(incrLanding, incrWarehouse, day.minusDays(1), null);
    BenchLanding.link(landing, incrLanding, true);
    nightly(incrLanding, incrWarehouse, day, "incremental");
  }

  private List<String> peer(Path landing, Path fullWarehouse) {
    log.printf(Locale.ROOT, "bench: SF%s: DuckDB peer%n", BenchRow.num(sf));
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
    List<Map<String, Object>> ours =
        GapTableDiff.ours(
            spark.get(),
            config(landing, fullWarehouse).tablePath(Table.GAP_SEGMENT_TOUCHPOINT),
            day);
    List<String> diffs = GapTableDiff.diff(ours, peer.rows(), TOLERANCE);
    String note =
        diffs.isEmpty()
            ? String.format(Locale.ROOT, "equal to ours in all %d cells (1e-9)", ours.size())
            : diffs.size() + " differences from ours";
    BenchCsv.append(
        csv,
        List.of(
            info.row(
                "duckdb",
                Table.GAP_SEGMENT_TOUCHPOINT.id(),
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
    List<String> sets = new ArrayList<>(settings.options().sets());
    sets.add("cx.landing=" + landing.toAbsolutePath());
    sets.add("cx.warehouse=" + warehouse.toAbsolutePath());
    return sets;
  }

  private CxConfig config(Path landing, Path warehouse) {
    return settings.options().load(sets(landing, warehouse));
  }

  /**
   * One nightly for {@code d}: in this JVM, or ({@code --jvm new}) in a JVM of its own started like
   * this one. {@code kase} null: not measured (the incremental case's day before).
   */
  private void nightly(Path landing, Path warehouse, LocalDate d, String kase) {
    if (settings.newJvm()) {
      MeasuredNightly.inNewJvm(
          d, kase, info, settings.options().config(), sets(landing, warehouse), csv, log);
    } else {
      MeasuredNightly.inThisJvm(
          spark.get(), config(landing, warehouse), catalog, d, kase, info, heap, csv, log);
    }
  }
}

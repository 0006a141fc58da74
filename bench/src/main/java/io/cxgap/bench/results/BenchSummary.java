package io.cxgap.bench.results;

import io.cxgap.common.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Markdown summary of {@code bench-runs.csv}, built from the newest run of each scale factor: a
 * table per scale factor, growth from one scale factor to the next and whether it is linear, and
 * the ratio to DuckDB.
 */
public final class BenchSummary {
  /** Growth exponents up to this count as linear (noise and fixed costs aside). */
  static final double LINEAR_EXPONENT = 1.1;

  private BenchSummary() {}

  /** ln(t2/t1) / ln(s2/s1): 1 when cost grows in proportion to the data, below 1 when slower. */
  static double growthExponent(double s1, double t1, double s2, double t2) {
    return Math.log(t2 / t1) / Math.log(s2 / s1);
  }

  /** {@code v} formatted, or "not measured" where a case of that scale factor did not run (NaN). */
  static String measured(String format, double v) {
    return Double.isNaN(v) ? "not measured" : String.format(Locale.ROOT, format, v);
  }

  static String verdict(double exponent) {
    return exponent <= LINEAR_EXPONENT
        ? (exponent < 0.9 ? "sub-linear" : "linear")
        : "super-linear";
  }

  /**
   * By scale factor, the newest measurement of each case (full, incremental, duckdb): the rows of
   * the newest run (by run_at) that measured it, so a later {@code --cases duckdb} run replaces
   * only the DuckDB rows.
   */
  static Map<Double, List<BenchRow>> newestPerScale(List<BenchRow> rows) {
    Map<String, String> newest = new TreeMap<>();
    for (BenchRow r : rows) {
      newest.merge(
          r.scale() + "|" + r.kase(),
          r.runAt().substring(0, Math.min(19, r.runAt().length())) + "\u0000" + r.runId(),
          (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<Double, List<BenchRow>> out = new TreeMap<>();
    for (String kase : List.of("full", "incremental", "duckdb")) {
      for (BenchRow r : rows) {
        String run = newest.get(r.scale() + "|" + r.kase());
        if (r.kase().equals(kase) && run != null && run.endsWith("\u0000" + r.runId())) {
          out.computeIfAbsent(r.scale(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    return out;
  }

  static Optional<BenchRow> find(List<BenchRow> rows, String kase, String step) {
    return rows.stream().filter(r -> r.kase().equals(kase) && r.step().equals(step)).findFirst();
  }

  /** Our time for the work DuckDB does: ingest + conform + gaps of the full run. */
  static double oursForPeer(List<BenchRow> rows) {
    double s = 0;
    for (String step : List.of("ingest", "conform", "gaps")) {
      s += find(rows, "full", step).map(BenchRow::wallS).orElse(Double.NaN);
    }
    return s;
  }

  /** The whole summary: an introduction, a section a scale factor, then the growth. */
  public static String markdown(List<BenchRow> all) {
    Map<Double, List<BenchRow>> runs = newestPerScale(all);
    StringBuilder b = new StringBuilder("# cxgap benchmark\n\n");
    b.append(
            "The newest measurement of each case (full, incremental, duckdb) per scale factor in `bench-runs.csv`. Wall times in seconds; rows/s = rows in / wall; ")
        .append(
            "peak heap = largest used heap sampled every 10 ms during the step (a lower bound).\n\n");
    for (Map.Entry<Double, List<BenchRow>> e : runs.entrySet()) {
      List<BenchRow> rows = e.getValue();
      b.append(
          String.format(
              Locale.ROOT,
              "## SF%s (%,d customers)%n%n",
              BenchRow.num(e.getKey()),
              rows.get(0).customers()));
      runLines(b, rows);
      b.append('\n');
      stepTable(b, rows);
      b.append('\n');
      ratios(b, rows);
      b.append('\n');
    }
    b.append(growth(runs));
    return b.toString();
  }

  /** A line for each run whose rows a scale factor's section shows. */
  private static void runLines(StringBuilder b, List<BenchRow> rows) {
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    for (BenchRow r : rows) {
      if (seen.add(r.runId())) {
        boolean newJvm =
            rows.stream()
                .anyMatch(x -> x.runId().equals(r.runId()) && x.step().equals(BenchRow.PROCESS));
        b.append("- Run `").append(r.runId()).append("`, load average at start ").append(r.load());
        b.append(r.label().isEmpty() ? "" : ", label: " + r.label());
        b.append(
                newJvm
                    ? "; each nightly in a JVM of its own (`--jvm new`)"
                    : "; every nightly in the bench's JVM, warm after its first (`--jvm same`)")
            .append('\n');
      }
    }
  }

  private static void stepTable(StringBuilder b, List<BenchRow> rows) {
    b.append(
        "| case | step | wall s | rows in | rows out | rows/s | peak heap MiB |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (BenchRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.1f | %,d | %,d | %,.0f | %s |%n",
              r.kase(),
              r.step(),
              r.wallS(),
              r.rowsIn(),
              r.rowsOut(),
              r.rowsPerS(),
              r.peakHeapMib() == null ? "" : r.peakHeapMib()));
    }
  }

  /** Incremental against full, a new JVM's start-to-exit times, ours against DuckDB. */
  private static void ratios(StringBuilder b, List<BenchRow> rows) {
    Optional<BenchRow> full = find(rows, "full", "total");
    Optional<BenchRow> incr = find(rows, "incremental", "total");
    Optional<BenchRow> duck = find(rows, "duckdb", Table.GAP_SEGMENT_TOUCHPOINT.id());
    if (full.isPresent() && incr.isPresent()) {
      b.append(
          String.format(
              Locale.ROOT,
              "- Incremental next day: %.1f s = %.2f of the full run (%.1f s).%n",
              incr.get().wallS(),
              incr.get().wallS() / full.get().wallS(),
              full.get().wallS()));
    }
    processTimes(b, rows);
    if (duck.isPresent()) {
      double ours = oursForPeer(rows);
      b.append(
          String.format(
              Locale.ROOT,
              "- Landing files to gap table: ours (ingest + conform + gaps) %.1f s, DuckDB %.1f s: %.1f× DuckDB. Values: %s.%n",
              ours,
              duck.get().wallS(),
              ours / duck.get().wallS(),
              duck.get().note()));
    }
  }

  private static void processTimes(StringBuilder b, List<BenchRow> rows) {
    Optional<BenchRow> fullProcess = find(rows, "full", BenchRow.PROCESS);
    Optional<BenchRow> incrProcess = find(rows, "incremental", BenchRow.PROCESS);
    if (fullProcess.isEmpty() && incrProcess.isEmpty()) {
      return;
    }
    b.append("- As a scheduler runs it, a JVM from its start to its exit:");
    fullProcess.ifPresent(p -> b.append(String.format(Locale.ROOT, " full %.1f s", p.wallS())));
    incrProcess.ifPresent(
        p ->
            b.append(
                String.format(
                    Locale.ROOT,
                    "%s next day %.1f s",
                    fullProcess.isPresent() ? "," : "",
                    p.wallS())));
    if (fullProcess.isPresent() && incrProcess.isPresent()) {
      b.append(
          String.format(
              Locale.ROOT,
              " = %.2f of the full run",
              incrProcess.get().wallS() / fullProcess.get().wallS()));
    }
    b.append(".\n");
  }

  static String growth(Map<Double, List<BenchRow>> runs) {
    if (runs.size() < 2) {
      return "## Growth\n\nOne scale factor measured so far: no growth to report.\n";
    }
    StringBuilder b = new StringBuilder("## Growth\n\n");
    b.append(
        "Exponent = ln(time ratio) / ln(scale ratio) from the previous scale factor: 1 is linear.\n\n");
    b.append(
        "| SF | full nightly s | exponent | incremental s | exponent | DuckDB s | ours / DuckDB |\n|---:|---:|---:|---:|---:|---:|---:|\n");
    Map<String, Double> prev = new LinkedHashMap<>();
    List<String> verdicts = new ArrayList<>();
    Double prevScale = null;
    for (Map.Entry<Double, List<BenchRow>> e : runs.entrySet()) {
      double sf = e.getKey();
      List<BenchRow> rows = e.getValue();
      double full = find(rows, "full", "total").map(BenchRow::wallS).orElse(Double.NaN);
      double incr = find(rows, "incremental", "total").map(BenchRow::wallS).orElse(Double.NaN);
      double duck =
          find(rows, "duckdb", Table.GAP_SEGMENT_TOUCHPOINT.id())
              .map(BenchRow::wallS)
              .orElse(Double.NaN);
      String fe = "";
      String ie = "";
      if (prevScale != null) {
        double x = growthExponent(prevScale, prev.get("full"), sf, full);
        double y = growthExponent(prevScale, prev.get("incr"), sf, incr);
        fe = measured("%.2f", x);
        ie = measured("%.2f", y);
        if (!Double.isNaN(x)) {
          verdicts.add(
              String.format(
                  Locale.ROOT,
                  "SF%s → SF%s: full run %s (%.2f)",
                  BenchRow.num(prevScale),
                  BenchRow.num(sf),
                  verdict(x),
                  x));
        }
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s |%n",
              BenchRow.num(sf),
              measured("%.1f", full),
              fe,
              measured("%.1f", incr),
              ie,
              measured("%.1f", duck),
              measured("%.1f×", oursForPeer(rows) / duck)));
      prev.put("full", full);
      prev.put("incr", incr);
      prevScale = sf;
    }
    b.append('\n');
    verdicts.forEach(v -> b.append("- ").append(v).append('\n'));
    return b.toString();
  }
}

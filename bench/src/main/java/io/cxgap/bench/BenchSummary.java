package io.cxgap.bench;

import io.cxgap.common.landing.LandingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The benchmark's results: one CSV row per measured step ({@code bench-runs.csv}, appended run
 * after run) and the Markdown summary built from the newest run of each scale factor: a table per
 * scale factor, growth from one scale factor to the next and whether it is linear, and the ratio to
 * DuckDB.
 */
final class BenchSummary {
  static final String HEADER =
      "run_id,run_at,label,load,scale,customers,case,step,wall_s,rows_in,rows_out,rows_per_s,peak_heap_mib,note";

  /**
   * The step of a nightly run in a JVM of its own (bench --jvm new): from the JVM's start to its
   * exit.
   */
  static final String PROCESS = "process";

  /** Growth exponents up to this count as linear (noise and fixed costs aside). */
  static final double LINEAR_EXPONENT = 1.1;

  private BenchSummary() {}

  /** One measured step; {@code kase} is full, incremental or duckdb; step "total" sums a case. */
  record Row(
      String runId,
      String runAt,
      String label,
      String load,
      double scale,
      long customers,
      String kase,
      String step,
      double wallS,
      long rowsIn,
      long rowsOut,
      Long peakHeapMib,
      String note) {
    double rowsPerS() {
      return wallS > 0 ? rowsIn / wallS : 0;
    }

    String csv() {
      return String.join(
          ",",
          q(runId),
          q(runAt),
          q(label),
          q(load),
          num(scale),
          Long.toString(customers),
          q(kase),
          q(step),
          String.format(Locale.ROOT, "%.3f", wallS),
          Long.toString(rowsIn),
          Long.toString(rowsOut),
          String.format(Locale.ROOT, "%.0f", rowsPerS()),
          peakHeapMib == null ? "" : peakHeapMib.toString(),
          q(note));
    }

    static Row parse(String line) {
      List<String> f = LandingFiles.csvFields(line);
      return new Row(
          f.get(0),
          f.get(1),
          f.get(2),
          f.get(3),
          Double.parseDouble(f.get(4)),
          Long.parseLong(f.get(5)),
          f.get(6),
          f.get(7),
          Double.parseDouble(f.get(8)),
          Long.parseLong(f.get(9)),
          Long.parseLong(f.get(10)),
          f.get(12).isEmpty() ? null : Long.parseLong(f.get(12)),
          f.get(13));
    }
  }

  static String q(String s) {
    String v = s == null ? "" : s;
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  static String num(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }

  static void append(Path csv, List<Row> rows) {
    try {
      Files.createDirectories(csv.toAbsolutePath().getParent());
      StringBuilder b = new StringBuilder();
      if (!Files.exists(csv) || Files.size(csv) == 0) {
        b.append(HEADER).append('\n');
      }
      rows.forEach(r -> b.append(r.csv()).append('\n'));
      Files.writeString(
          csv,
          b,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot write " + csv, e);
    }
  }

  static List<Row> read(Path csv) {
    try {
      List<Row> out = new ArrayList<>();
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("run_id,")) {
          out.add(Row.parse(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot read " + csv, e);
    }
  }

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
  static Map<Double, List<Row>> newestPerScale(List<Row> rows) {
    Map<String, String> newest = new TreeMap<>();
    for (Row r : rows) {
      newest.merge(
          r.scale() + "|" + r.kase(),
          r.runAt().substring(0, Math.min(19, r.runAt().length())) + "\u0000" + r.runId(),
          (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    Map<Double, List<Row>> out = new TreeMap<>();
    for (String kase : List.of("full", "incremental", "duckdb")) {
      for (Row r : rows) {
        String run = newest.get(r.scale() + "|" + r.kase());
        if (r.kase().equals(kase) && run != null && run.endsWith("\u0000" + r.runId())) {
          out.computeIfAbsent(r.scale(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    return out;
  }

  static Optional<Row> find(List<Row> rows, String kase, String step) {
    return rows.stream().filter(r -> r.kase().equals(kase) && r.step().equals(step)).findFirst();
  }

  /** Our time for the work DuckDB does: ingest + conform + gaps of the full run. */
  static double oursForPeer(List<Row> rows) {
    double s = 0;
    for (String step : List.of("ingest", "conform", "gaps")) {
      s += find(rows, "full", step).map(Row::wallS).orElse(Double.NaN);
    }
    return s;
  }

  static String markdown(List<Row> all) {
    Map<Double, List<Row>> runs = newestPerScale(all);
    StringBuilder b = new StringBuilder("# cxgap benchmark\n\n");
    b.append(
            "The newest measurement of each case (full, incremental, duckdb) per scale factor in `bench-runs.csv`. Wall times in seconds; rows/s = rows in / wall; ")
        .append(
            "peak heap = largest used heap sampled every 10 ms during the step (a lower bound).\n\n");
    for (Map.Entry<Double, List<Row>> e : runs.entrySet()) {
      List<Row> rows = e.getValue();
      Row first = rows.get(0);
      b.append(
          String.format(
              Locale.ROOT, "## SF%s (%,d customers)%n%n", num(e.getKey()), first.customers()));
      java.util.Set<String> seen = new java.util.LinkedHashSet<>();
      for (Row r : rows) {
        if (seen.add(r.runId())) {
          boolean newJvm =
              rows.stream().anyMatch(x -> x.runId().equals(r.runId()) && x.step().equals(PROCESS));
          b.append("- Run `")
              .append(r.runId())
              .append("`, load average at start ")
              .append(r.load());
          b.append(r.label().isEmpty() ? "" : ", label: " + r.label());
          b.append(
                  newJvm
                      ? "; each nightly in a JVM of its own (`--jvm new`)"
                      : "; every nightly in the bench's JVM, warm after its first (`--jvm same`)")
              .append('\n');
        }
      }
      b.append('\n');
      b.append(
          "| case | step | wall s | rows in | rows out | rows/s | peak heap MiB |\n|---|---|---:|---:|---:|---:|---:|\n");
      for (Row r : rows) {
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
      b.append('\n');
      Optional<Row> full = find(rows, "full", "total");
      Optional<Row> incr = find(rows, "incremental", "total");
      Optional<Row> duck = find(rows, "duckdb", "gap_segment_touchpoint");
      if (full.isPresent() && incr.isPresent()) {
        b.append(
            String.format(
                Locale.ROOT,
                "- Incremental next day: %.1f s = %.2f of the full run (%.1f s).%n",
                incr.get().wallS(),
                incr.get().wallS() / full.get().wallS(),
                full.get().wallS()));
      }
      Optional<Row> fullProcess = find(rows, "full", PROCESS);
      Optional<Row> incrProcess = find(rows, "incremental", PROCESS);
      if (fullProcess.isPresent() || incrProcess.isPresent()) {
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
      b.append('\n');
    }
    b.append(growth(runs));
    return b.toString();
  }

  static String growth(Map<Double, List<Row>> runs) {
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
    for (Map.Entry<Double, List<Row>> e : runs.entrySet()) {
      double sf = e.getKey();
      List<Row> rows = e.getValue();
      double full = find(rows, "full", "total").map(Row::wallS).orElse(Double.NaN);
      double incr = find(rows, "incremental", "total").map(Row::wallS).orElse(Double.NaN);
      double duck =
          find(rows, "duckdb", "gap_segment_touchpoint").map(Row::wallS).orElse(Double.NaN);
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
                  num(prevScale),
                  num(sf),
                  verdict(x),
                  x));
        }
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s |%n",
              num(sf),
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

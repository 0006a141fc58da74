package io.cxgap.bench.results;

import io.cxgap.common.landing.LandingFiles;
import java.util.List;
import java.util.Locale;

/**
 * One measured step, a line of {@code bench-runs.csv}; {@code kase} is full, incremental or duckdb;
 * step "total" sums a case.
 */
public record BenchRow(
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

  /**
   * The step of a nightly run in a JVM of its own (bench --jvm new): from the JVM's start to its
   * exit.
   */
  public static final String PROCESS = "process";

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

  static BenchRow parse(String line) {
    List<String> f = LandingFiles.csvFields(line);
    return new BenchRow(
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

  static String q(String s) {
    String v = s == null ? "" : s;
    return v.contains(",") || v.contains("\"") || v.contains("\n")
        ? "\"" + v.replace("\"", "\"\"") + "\""
        : v;
  }

  /** A scale factor as the results write it: {@code 1}, not {@code 1.0}; {@code 0.1}. */
  public static String num(double x) {
    return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
  }
}

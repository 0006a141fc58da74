package io.cxgap.bench.results;

import java.time.Instant;

/** What every CSV row of one benchmark run at one scale factor carries. */
public record RunInfo(String runId, String label, String load, double sf, long customers) {
  /** A row of this run, stamped now. */
  public BenchRow row(
      String kase, String step, double wall, long in, long out, Long peak, String note) {
    return new BenchRow(
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

package io.cxgap.jobs.runstate;

import java.util.Map;
import java.util.TreeMap;

/** The outcome of one step, as the run log records it (DESIGN.md §5 gold.pipeline_run). */
public record StepResult(
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    String message,
    Map<String, Long> counts) {
  public StepResult {
    counts = new TreeMap<>(counts);
  }

  public static StepResult of(long read, long written, long quarantined, String message) {
    return new StepResult(read, written, quarantined, message, Map.of());
  }
}

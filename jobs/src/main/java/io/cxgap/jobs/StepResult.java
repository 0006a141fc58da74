package io.cxgap.jobs;

import java.util.Map;
import java.util.TreeMap;

/** The outcome of one step, as the run log records it (DESIGN.md §5 gold.pipeline_run). */
record StepResult(long rowsRead, long rowsWritten, long rowsQuarantined, String message, Map<String, Long> counts) {
  StepResult {
    counts = new TreeMap<>(counts);
  }

  static StepResult of(long read, long written, long quarantined, String message) {
    return new StepResult(read, written, quarantined, message, Map.of());
  }
}

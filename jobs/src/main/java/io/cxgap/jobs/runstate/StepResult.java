package io.cxgap.jobs.runstate;

import io.cxgap.common.CxException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of one step, as the run log records it (DESIGN.md §5 gold.pipeline_run).
 *
 * @param failure why a step that wrote its tables still fails the run (the quality gate, exit 3),
 *     or null when it succeeded
 */
public record StepResult(
    long rowsRead,
    long rowsWritten,
    long rowsQuarantined,
    String message,
    Map<String, Long> counts,
    CxException failure) {
  public StepResult {
    counts = new TreeMap<>(counts);
  }

  public StepResult(
      long rowsRead,
      long rowsWritten,
      long rowsQuarantined,
      String message,
      Map<String, Long> counts) {
    this(rowsRead, rowsWritten, rowsQuarantined, message, counts, null);
  }

  /** The same counts, failing the run with {@code why}. */
  public StepResult failing(CxException why) {
    return new StepResult(rowsRead, rowsWritten, rowsQuarantined, message, counts, why);
  }

  public boolean succeeded() {
    return failure == null;
  }

  public static StepResult of(long read, long written, long quarantined, String message) {
    return new StepResult(read, written, quarantined, message, Map.of());
  }
}

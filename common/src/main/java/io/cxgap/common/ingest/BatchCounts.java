package io.cxgap.common.ingest;

import java.util.Locale;

/**
 * The row accounting of one batch of one source (DESIGN.md §4): {@code read = accepted +
 * quarantined + duplicate}.
 */
public record BatchCounts(long read, long accepted, long quarantined, long duplicate) {
  /** The counts of no batch. */
  public static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0);

  /**
   * Whether the quarantined share of the rows read is over {@code maxShare} (the quality gate,
   * DESIGN.md §3); never for a batch of no rows.
   */
  public boolean quarantineOver(double maxShare) {
    return read > 0 && (double) quarantined / read > maxShare;
  }

  /** The accounting for the run log: {@code read R = accepted A + quarantined Q + duplicates D}. */
  public String equation() {
    return String.format(
        Locale.ROOT,
        "read %d = accepted %d + quarantined %d + duplicates %d",
        read,
        accepted,
        quarantined,
        duplicate);
  }
}

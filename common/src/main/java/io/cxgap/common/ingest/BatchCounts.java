package io.cxgap.common.ingest;

import java.util.Locale;

/**
 * The row accounting of one batch of one source (DESIGN.md §4): {@code read = accepted +
 * quarantined + duplicate}. {@code erased} of the quarantined rows are rows of customers erased
 * with {@code forget} (DESIGN.md §6): not bad input, so the quality gate does not count them.
 */
public record BatchCounts(long read, long accepted, long quarantined, long duplicate, long erased) {
  /** The counts of no batch. */
  public static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0, 0);

  /** The counts of a batch without rows of erased customers. */
  public BatchCounts(long read, long accepted, long quarantined, long duplicate) {
    this(read, accepted, quarantined, duplicate, 0);
  }

  /**
   * Whether the share of bad rows (quarantined, less those of erased customers) in the rows read,
   * less those of erased customers, is over {@code maxShare} (the quality gate, DESIGN.md §3);
   * never for a batch of no rows.
   */
  public boolean quarantineOver(double maxShare) {
    long considered = read - erased;
    return considered > 0 && (double) (quarantined - erased) / considered > maxShare;
  }

  /** The accounting for the run log: {@code read R = accepted A + quarantined Q + duplicates D}. */
  public String equation() {
    String e =
        String.format(
            Locale.ROOT,
            "read %d = accepted %d + quarantined %d + duplicates %d",
            read,
            accepted,
            quarantined,
            duplicate);
    return erased == 0
        ? e
        : e + String.format(Locale.ROOT, " (%d quarantined rows of erased customers)", erased);
  }
}

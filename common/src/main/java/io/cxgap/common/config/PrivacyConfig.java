package io.cxgap.common.config;

import io.cxgap.common.CxErrors;
import java.io.Serializable;
import java.util.OptionalInt;

/**
 * Erasure and retention (DESIGN.md §6): {@code cx.privacy.*}.
 *
 * @param salt prefixed to a customer id before hashing it for {@code gold.erasure_log}; a secret of
 *     the deployment, kept once chosen (a new salt no longer matches earlier erasures)
 * @param vacuumHours the VACUUM retention {@code forget} applies: files an erasure removed stay on
 *     disk this long for concurrent readers and time travel
 * @param bronzeRetentionDays bronze rows and quarantined raw text loaded more than this many days
 *     before the run date are deleted by {@code nightly}; 0 (config {@code null}) keeps them
 */
public record PrivacyConfig(String salt, int vacuumHours, int bronzeRetentionDays)
    implements Serializable {

  public PrivacyConfig {
    if (vacuumHours < 0) {
      throw CxErrors.config("cx.privacy.vacuum-hours", "must be >= 0, was " + vacuumHours);
    }
    if (bronzeRetentionDays < 0) {
      throw CxErrors.config(
          "cx.privacy.bronze-retention-days",
          "must be at least 1 (or null to keep bronze), was " + bronzeRetentionDays);
    }
  }

  /** The bronze retention in days, empty where bronze is kept. */
  public OptionalInt retentionDays() {
    return bronzeRetentionDays == 0 ? OptionalInt.empty() : OptionalInt.of(bronzeRetentionDays);
  }
}

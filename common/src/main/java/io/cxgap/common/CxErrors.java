package io.cxgap.common;

import java.util.Locale;

/** The one place user-facing errors are built: each says what is wrong and what to do. */
public final class CxErrors {
  private CxErrors() {}

  public static CxException usage(String format, Object... args) {
    return error(CxException.USAGE, format, args);
  }

  public static CxException config(String key, String problem) {
    return error(CxException.USAGE, "config key '%s': %s", key, problem);
  }

  /**
   * A bad initiatives file ({@code cx.initiatives}, DESIGN.md §5): exit 2, naming the file and the
   * initiative.
   */
  public static CxException initiatives(String file, String problem) {
    return error(CxException.USAGE, "initiatives file %s (cx.initiatives): %s", file, problem);
  }

  public static CxException missingInput(String what, String path) {
    return error(
        CxException.USAGE,
        "%s not found: %s (check cx.landing / --set cx.landing=...)",
        what,
        path);
  }

  public static CxException missingColumn(String source, String column, String file) {
    return error(
        CxException.USAGE,
        "%s: required column '%s' missing in %s; add the column or move the file out of the landing zone",
        source,
        column,
        file);
  }

  /**
   * A landing file with a .csv name that cannot be read as CSV (binary, wrong delimiter): exit 2.
   */
  public static CxException notCsv(String file, String why) {
    return error(
        CxException.USAGE,
        "landing file %s is not a comma-separated UTF-8 CSV file: %s; fix it or move it out of the landing zone",
        file,
        why);
  }

  public static CxException qualityGate(String source, long quarantined, long read, double max) {
    return error(
        CxException.QUALITY_GATE,
        "quality gate: %s quarantined %d of %d rows (%.2f%%), above cx.quality.max-quarantine-share=%.2f%%;"
            + " see %s for the reasons",
        source,
        quarantined,
        read,
        read == 0 ? 0.0 : 100.0 * quarantined / read,
        100.0 * max,
        Table.QUARANTINE.sqlName());
  }

  /** Another run holds the warehouse's run lock (DESIGN.md §6): exit 4, naming the holder. */
  public static CxException locked(String warehouse, String holder) {
    return error(
        CxException.LOCKED,
        "warehouse %s is in use by another run (%s); wait for it to finish, or stop it, then rerun",
        warehouse,
        holder);
  }

  /** A query the user wrote failed: exit 1 with Spark's message on one line. */
  public static CxException queryFailed(String sparkMessage) {
    String oneLine =
        sparkMessage == null ? "" : sparkMessage.replaceAll("\\s*\\R\\s*", " ").strip();
    return new CxException(CxException.JOB_FAILED, "query failed: " + oneLine, null);
  }

  public static CxException jobFailed(String job, String date, Throwable cause) {
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String firstLine = reason.lines().findFirst().orElse(reason);
    return new CxException(
        CxException.JOB_FAILED,
        String.format(Locale.ROOT, "%s for %s failed: %s", job, date, firstLine),
        cause);
  }

  private static CxException error(int exitCode, String format, Object... args) {
    return new CxException(exitCode, String.format(Locale.ROOT, format, args), null);
  }
}

package io.cxgap.common;

/**
 * A failure the user can act on, with the process exit code it maps to (DESIGN.md §3). Build
 * instances through {@link CxErrors} so every message names what is wrong.
 */
public final class CxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for a failed job. */
  public static final int JOB_FAILED = 1;

  /** Exit code for a usage or configuration error. */
  public static final int USAGE = 2;

  /** Exit code for a failed data-quality gate. */
  public static final int QUALITY_GATE = 3;

  /** Exit code when another run holds the warehouse's run lock. */
  public static final int LOCKED = 4;

  private final int exitCode;

  CxException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}

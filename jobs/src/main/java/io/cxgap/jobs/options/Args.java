package io.cxgap.jobs.options;

import io.cxgap.common.CxErrors;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parsing and messages every command shares: a {@code --date} value, the first line of an error.
 */
public final class Args {
  private Args() {}

  /** A run date D; a value that is not YYYY-MM-DD is a usage error (exit 2) naming it. */
  public static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw CxErrors.usage("--date: '%s' is not a date; use YYYY-MM-DD", s);
    }
  }

  /** The first line of a message, or "" for none: errors are printed on one line. */
  public static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}

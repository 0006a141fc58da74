package io.cxgap.common.ingest;

import io.cxgap.common.landing.Source;
import java.util.Locale;

/**
 * What the run log says of a source that has not yet given one row (DESIGN.md §4 "Survey-only
 * programs"): its folder is missing, empty, or holds only files without rows. For channel logs this
 * is a survey-only program, and every step still runs.
 */
public final class EmptySource {
  private EmptySource() {}

  /** Why a source has no rows. */
  public enum Why {
    NO_FOLDER,
    NO_FILES,
    NO_ROWS
  }

  /**
   * Why a source without a single accepted row so far has none.
   *
   * @param folderExists whether the source's landing folder exists
   * @param files the files listed under it (hidden ones excepted)
   */
  public static Why why(boolean folderExists, int files) {
    if (!folderExists) {
      return Why.NO_FOLDER;
    }
    return files == 0 ? Why.NO_FILES : Why.NO_ROWS;
  }

  /**
   * One line for the run log, e.g. {@code no interactions found in data/landing/interactions (no
   * such folder): friction columns are contacts = 0 and null rates}.
   *
   * @param files the files listed under the folder (used with {@link Why#NO_ROWS})
   */
  public static String note(Source source, String folder, Why why, int files) {
    String cause =
        switch (why) {
          case NO_FOLDER -> "no such folder";
          case NO_FILES -> "the folder is empty";
          case NO_ROWS ->
              String.format(
                  Locale.ROOT, "no accepted row in its %d file%s", files, files == 1 ? "" : "s");
        };
    return String.format(
        Locale.ROOT, "no %s found in %s (%s): %s", source.folder(), folder, cause, effect(source));
  }

  /** What a source without rows means for the gold tables. */
  static String effect(Source source) {
    return switch (source) {
      case INTERACTIONS -> "friction columns are contacts = 0 and null rates";
      case SURVEYS -> "no survey items, so the gap, driver and cluster tables get no rows";
      case CUSTOMERS -> "no customer is known, so survey rows are quarantined as unknown_customer";
    };
  }
}

package io.cxgap.common.privacy;

import io.cxgap.common.CxErrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The customer ids a {@code forget} run erases (DESIGN.md §3): from {@code --customer} options or a
 * {@code --from} file of one id a line. Blank lines and lines starting with {@code #} are skipped;
 * a line holding more than one token is an error naming the line (exit 2).
 */
public final class CustomerIds {
  private CustomerIds() {}

  /** What an id may not hold: whitespace, separators, quotes or control characters. */
  private static final Pattern NOT_AN_ID = Pattern.compile("[\\s,;\"'\\p{Cntrl}]");

  /** The distinct ids of a {@code --from} file's lines, in file order. */
  public static List<String> fromLines(List<String> lines, String file) {
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (NOT_AN_ID.matcher(line).find()) {
        throw CxErrors.usage(
            "--from %s line %d: '%s' is not one customer id; write one id a line, without"
                + " spaces, commas or quotes",
            file, i + 1, shorten(line));
      }
      ids.add(line);
    }
    return List.copyOf(ids);
  }

  /** The distinct ids of {@code --customer} options, each checked as a file line is. */
  public static List<String> fromOptions(List<String> values) {
    Set<String> ids = new LinkedHashSet<>();
    for (String v : values) {
      String id = v.strip();
      if (id.isEmpty() || NOT_AN_ID.matcher(id).find()) {
        throw CxErrors.usage(
            "--customer '%s' is not one customer id; give one id per --customer", shorten(v));
      }
      ids.add(id);
    }
    return new ArrayList<>(ids);
  }

  private static String shorten(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}

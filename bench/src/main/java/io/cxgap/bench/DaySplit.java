package io.cxgap.bench;

import io.cxgap.common.landing.LandingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark's incremental case: moves the rows of one day out of every landing file into a file
 * of their own, {@code <name>.day-<D>.<ext>} beside it, so that a landing zone without those files
 * is the landing zone as it stood the day before, and adding them is "one day of files". A row's
 * day is the UTC date of its timestamp column (customers {@code updated_at}, surveys {@code
 * responded_at}, interactions {@code started_at}); rows whose timestamp does not parse stay where
 * they are. CSV records may span lines (RFC 4180 quoting).
 */
final class DaySplit {
  /** The timestamp column that dates a row of each source folder. */
  static final Map<String, String> DATED_BY =
      Map.of("customers", "updated_at", "surveys", "responded_at", "interactions", "started_at");

  private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

  private DaySplit() {}

  /** What a split moved: the new files and their rows. */
  record Moved(List<Path> files, long rows) {}

  /** Splits every CSV and JSON-lines file under {@code landing}'s source folders. */
  static Moved split(Path landing, LocalDate day) {
    List<Path> created = new ArrayList<>();
    long rows = 0;
    for (Map.Entry<String, String> e : DATED_BY.entrySet()) {
      Path dir = landing.resolve(e.getKey());
      if (!Files.isDirectory(dir)) {
        continue;
      }
      for (Path f : files(dir)) {
        Path target = dayFile(f, day);
        long n = splitFile(f, target, e.getValue(), day);
        if (n > 0) {
          created.add(target);
          rows += n;
        }
      }
    }
    return new Moved(List.copyOf(created), rows);
  }

  /** {@code responses-2026-10.csv} → {@code responses-2026-10.day-2026-10-31.csv}. */
  static Path dayFile(Path f, LocalDate day) {
    String name = f.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return f.resolveSibling(name.substring(0, dot) + ".day-" + day + name.substring(dot));
  }

  static boolean isDayFile(Path f) {
    return f.getFileName().toString().matches(".*\\.day-\\d{4}-\\d{2}-\\d{2}\\.[^.]+$");
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !isDayFile(p))
          .filter(
              p ->
                  p.toString().endsWith(".csv")
                      || p.toString().endsWith(".jsonl")
                      || p.toString().endsWith(".json"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot list " + dir, e);
    }
  }

  /** Moves the rows of {@code day} from {@code f} to {@code target}; returns how many. */
  static long splitFile(Path f, Path target, String column, LocalDate day) {
    try {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      boolean csv = f.toString().endsWith(".csv");
      List<String> records = csv ? csvRecords(text) : jsonLines(text);
      if (records.isEmpty()) {
        return 0;
      }
      StringBuilder keep = new StringBuilder();
      StringBuilder moved = new StringBuilder();
      int from = 0;
      int index = -1;
      if (csv) {
        String header = records.get(0);
        keep.append(header);
        moved.append(header);
        index = headerIndex(header, column);
        from = 1;
      }
      long n = 0;
      for (int i = from; i < records.size(); i++) {
        String r = records.get(i);
        String value = csv ? (index < 0 ? null : csvField(r, index)) : jsonField(r, column);
        if (day.equals(utcDate(value))) {
          moved.append(r);
          n++;
        } else {
          keep.append(r);
        }
      }
      if (n > 0) {
        Files.writeString(target, moved, StandardCharsets.UTF_8);
        Files.writeString(f, keep, StandardCharsets.UTF_8);
      }
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot split " + f, e);
    }
  }

  /** The records of a CSV text, each with its line end; a quoted field may hold line breaks. */
  static List<String> csvRecords(String text) {
    List<String> out = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\n' && !quoted) {
        out.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start) + "\n");
    }
    return out;
  }

  private static List<String> jsonLines(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.add(line + "\n");
      }
    }
    return out;
  }

  private static int headerIndex(String header, String column) {
    List<String> names = LandingFiles.csvFields(header);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().equalsIgnoreCase(column)) {
        return i;
      }
    }
    return -1;
  }

  private static String csvField(String record, int index) {
    List<String> f = LandingFiles.csvFields(record);
    return index < f.size() ? f.get(index) : null;
  }

  static String jsonField(String line, String column) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(column) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(line);
    return m.find() ? m.group(1) : null;
  }

  /**
   * The UTC date of an ISO timestamp, with or without an offset (none = UTC); null if unparsable.
   */
  static LocalDate utcDate(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip().replace(' ', 'T');
    try {
      if (OFFSET.matcher(v).matches()) {
        return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      }
      return v.length() == 10 ? LocalDate.parse(v) : LocalDateTime.parse(v).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

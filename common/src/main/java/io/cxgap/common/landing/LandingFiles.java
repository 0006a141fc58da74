package io.cxgap.common.landing;

import io.cxgap.common.CxErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Lists a source folder recursively on any Hadoop file system, and reads CSV header lines. */
public final class LandingFiles {
  private LandingFiles() {}

  /** All files under {@code folder}, hidden ones ({@code _x}, {@code .x}) excepted, sorted. */
  public static List<LandingFile> list(Configuration hadoop, String folder) {
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!isFolder(hadoop, folder)) {
        throw CxErrors.missingInput("landing folder", folder);
      }
      List<LandingFile> out = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus s = it.next();
        if (!hidden(root, s.getPath())) {
          out.add(
              new LandingFile(s.getPath().toUri().toString(), s.getLen(), s.getModificationTime()));
        }
      }
      out.sort(Comparator.comparing(LandingFile::path));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code folder} exists and is a folder. */
  public static boolean isFolder(Configuration hadoop, String folder) {
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      return fs.exists(root) && fs.getFileStatus(root).isDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + folder + ": " + e.getMessage(), e);
    }
  }

  private static boolean hidden(Path root, Path file) {
    String rel =
        URI.create(root.toUri().getPath()).relativize(URI.create(file.toUri().getPath())).getPath();
    for (String part : rel.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** The longest header line read; a longer first line is not a CSV header. */
  static final int MAX_HEADER_CHARS = 64 * 1024;

  /**
   * The header of a CSV file, lower-cased and trimmed, or an empty list for an empty file. A UTF-8
   * byte-order mark is skipped. A first line that is not UTF-8 text (a NUL or other control
   * character, an invalid byte sequence) or longer than 64 KiB is a usage error naming the file: a
   * binary file with a .csv name stops the run (exit 2) rather than being read as garbage.
   */
  public static List<String> csvHeader(Configuration hadoop, String file) {
    Path p = new Path(URI.create(file));
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(p.getFileSystem(hadoop).open(p), StandardCharsets.UTF_8))) {
      StringBuilder line = new StringBuilder();
      int c = r.read();
      if (c < 0) {
        return List.of();
      }
      while (c >= 0 && c != '\n' && line.length() <= MAX_HEADER_CHARS) {
        line.append((char) c);
        c = r.read();
      }
      if (line.length() > MAX_HEADER_CHARS) {
        throw CxErrors.notCsv(
            file, "its first line is longer than " + MAX_HEADER_CHARS + " characters");
      }
      String h = line.toString();
      if (h.endsWith("\r")) {
        h = h.substring(0, h.length() - 1);
      }
      if (h.startsWith("\uFEFF")) {
        h = h.substring(1);
      }
      for (int i = 0; i < h.length(); i++) {
        char ch = h.charAt(i);
        if (ch == '\uFFFD' || (ch < 0x20 && ch != '\t')) {
          throw CxErrors.notCsv(file, "its header line holds binary or non-UTF-8 bytes");
        }
      }
      return splitHeader(h);
    } catch (IOException e) {
      throw new UncheckedIOException("reading header of " + file + ": " + e.getMessage(), e);
    }
  }

  /** Splits one RFC 4180 header line into trimmed, lower-case column names. */
  static List<String> splitHeader(String line) {
    List<String> out = new ArrayList<>();
    for (String f : csvFields(line)) {
      out.add(f.strip().toLowerCase(java.util.Locale.ROOT));
    }
    return out;
  }

  /** The fields of one RFC 4180 record (line end dropped, quotes removed, "" as one quote). */
  public static List<String> csvFields(String record) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    String r =
        record.endsWith("\r\n")
            ? record.substring(0, record.length() - 2)
            : record.endsWith("\n") ? record.substring(0, record.length() - 1) : record;
    for (int i = 0; i < r.length(); i++) {
      char c = r.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < r.length() && r.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          b.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(b.toString());
        b.setLength(0);
      } else {
        b.append(c);
      }
    }
    out.add(b.toString());
    return out;
  }
}

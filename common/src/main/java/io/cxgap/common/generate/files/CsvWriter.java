package io.cxgap.common.generate.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes RFC 4180 records with {@code \n} line ends: a field is quoted when it holds a comma, a
 * double quote, a line break or leading/trailing spaces; quotes inside are doubled. A null field is
 * written empty.
 */
public final class CsvWriter {
  private final Writer out;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void row(Object... fields) {
    try {
      out.write(line(fields));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record with its trailing {@code \n}. */
  public static String line(Object... fields) {
    StringBuilder b = new StringBuilder(128);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      if (fields[i] != null) {
        appendField(b, fields[i].toString());
      }
    }
    return b.append('\n').toString();
  }

  public static void appendField(StringBuilder b, String s) {
    if (!needsQuotes(s)) {
      b.append(s);
      return;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    b.append('"');
  }

  public static boolean needsQuotes(String s) {
    if (s.isEmpty()) {
      return false;
    }
    if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }
}

package io.cxgap.common.generate;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: fails on any quoting the RFC does not allow. */
final class Rfc4180 {
  /** One record and the number of physical lines it spans. */
  record Record(List<String> fields, int lines) {}

  private Rfc4180() {}

  /** Parses {@code \n}-terminated records; blank (unquoted empty) fields come back as "". */
  static List<Record> parse(String text) {
    List<Record> out = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int lines = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' && field.length() == 0) {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException(
                "unterminated quoted field at record " + (out.size() + 1));
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (q == '\n') {
            lines++;
          }
          field.append(q);
          i++;
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n') {
          throw new IllegalArgumentException(
              "text after closing quote at record " + (out.size() + 1));
        }
        continue;
      }
      if (c == '"') {
        throw new IllegalArgumentException(
            "quote inside unquoted field at record " + (out.size() + 1));
      }
      if (c == '\r') {
        throw new IllegalArgumentException(
            "carriage return outside quotes at record " + (out.size() + 1));
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        out.add(new Record(List.copyOf(fields), lines));
        fields.clear();
        lines = 1;
      } else {
        field.append(c);
      }
      i++;
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      throw new IllegalArgumentException("last record not terminated by \\n");
    }
    return out;
  }
}

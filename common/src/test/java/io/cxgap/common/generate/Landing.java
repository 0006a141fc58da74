package io.cxgap.common.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A generated landing zone read back independently of the generator, for tests: every CSV record,
 * JSON line and wide pair as a row of string values (null where blank, absent or JSON null).
 */
final class Landing {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One input row; {@code raw} is the JSON line, {@code malformed} when it did not parse. */
  record Row(String file, Map<String, String> values, String raw, boolean malformed) {
    String get(String column) {
      String v = values.get(column);
      return v == null || v.isBlank() ? null : v;
    }
  }

  final Path root;
  final List<Row> customers = new ArrayList<>();
  final List<Row> surveys = new ArrayList<>();
  final List<Row> interactions = new ArrayList<>();

  /** Header line of each CSV file, by relative path. */
  final Map<String, List<String>> headers = new HashMap<>();

  /** Records spanning more than one line, over all survey CSV files. */
  int multiLineRecords;

  private Landing(Path root) {
    this.root = root;
  }

  static Landing read(Path root) throws IOException {
    Landing l = new Landing(root);
    for (Path f : files(root)) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      if (rel.startsWith("customers/")) {
        l.customers.addAll(l.csv(f, rel));
      } else if (rel.startsWith("surveys/wide/")) {
        l.surveys.addAll(unpivot(l.csv(f, rel), l.headers.get(rel)));
      } else if (rel.startsWith("surveys/") && rel.endsWith(".csv")) {
        l.surveys.addAll(l.csv(f, rel));
      } else if (rel.startsWith("surveys/")) {
        l.surveys.addAll(jsonLines(f, rel));
      } else if (rel.startsWith("interactions/")) {
        l.interactions.addAll(jsonLines(f, rel));
      }
    }
    return l;
  }

  static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private List<Row> csv(Path f, String rel) throws IOException {
    List<Rfc4180.Record> records = Rfc4180.parse(Files.readString(f, StandardCharsets.UTF_8));
    List<String> header = records.get(0).fields();
    headers.put(rel, header);
    List<Row> rows = new ArrayList<>();
    for (Rfc4180.Record r : records.subList(1, records.size())) {
      if (r.fields().size() != header.size()) {
        throw new IllegalStateException(rel + ": record with " + r.fields().size() + " fields");
      }
      if (r.lines() > 1) {
        multiLineRecords++;
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), r.fields().get(i));
      }
      rows.add(new Row(rel, values, null, false));
    }
    return rows;
  }

  /**
   * Wide rows to item rows: one per touchpoint whose expectation, experience or adequate is given.
   */
  private static List<Row> unpivot(List<Row> wide, List<String> header) {
    List<String> ids =
        header.stream()
            .filter(c -> c.startsWith("expectation_"))
            .map(c -> c.substring("expectation_".length()))
            .toList();
    List<Row> out = new ArrayList<>();
    for (Row w : wide) {
      for (String id : ids) {
        String e = w.get("expectation_" + id);
        String x = w.get("experience_" + id);
        String a = w.get("adequate_" + id);
        if (e == null && x == null && a == null) {
          continue;
        }
        Map<String, String> v = new HashMap<>();
        for (String c :
            List.of(
                "response_id",
                "customer_id",
                "survey_id",
                "responded_at",
                "scale_min",
                "scale_max",
                "overall_nps")) {
          v.put(c, w.values().get(c));
        }
        v.put("touchpoint", id);
        v.put("expectation", e);
        v.put("experience", x);
        v.put("adequate", a);
        out.add(new Row(w.file(), v, null, false));
      }
    }
    return out;
  }

  private static List<Row> jsonLines(Path f, String rel) {
    List<Row> rows = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        try {
          JsonNode n = JSON.readTree(line);
          Map<String, String> values = new HashMap<>();
          n.fields()
              .forEachRemaining(
                  e ->
                      values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
          rows.add(new Row(rel, values, line, false));
        } catch (JsonProcessingException e) {
          rows.add(new Row(rel, Map.of(), line, true));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}

package io.cxgap.bench;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.landing.LandingFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The landing files by group, as the SQL reads them; an empty group gets a header-only file. */
final class LandingGroups {
  private final Map<String, List<Path>> groups = new LinkedHashMap<>();

  static LandingGroups classify(
      Path landing, Path scratch, TouchpointCatalog catalog, String expPrefix, String percPrefix) {
    LandingGroups f = new LandingGroups();
    for (String g :
        List.of(
            "customers_csv",
            "customers_json",
            "surveys_long_csv",
            "surveys_json",
            "surveys_wide_csv",
            "interactions_json",
            "interactions_csv")) {
      f.groups.put(g, new ArrayList<>());
    }
    for (String source : List.of("customers", "surveys", "interactions")) {
      for (Path p : walk(landing.resolve(source))) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_")) {
          continue;
        }
        if (name.endsWith(".csv")) {
          String group =
              source.equals("surveys")
                  ? (isWide(p) ? "surveys_wide_csv" : "surveys_long_csv")
                  : source + "_csv";
          f.groups.get(group).add(p);
        } else if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
          f.groups.get(source + "_json").add(p);
        }
      }
    }
    f.fillEmpty(scratch, catalog, expPrefix, percPrefix);
    return f;
  }

  private void fillEmpty(
      Path scratch, TouchpointCatalog catalog, String expPrefix, String percPrefix) {
    StringBuilder wide =
        new StringBuilder(
            "response_id,customer_id,survey_id,responded_at,scale_min,scale_max,overall_nps");
    for (Touchpoint t : catalog.touchpoints()) {
      wide.append(',')
          .append(expPrefix)
          .append(t.id())
          .append(',')
          .append(percPrefix)
          .append(t.id());
    }
    Map<String, String> headers =
        Map.of(
            "customers_csv",
                "customer_id,full_name,email,phone,segment,region,tier,signup_date,updated_at",
            "surveys_long_csv",
                "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps,comment",
            "surveys_wide_csv", wide.toString(),
            "interactions_csv",
                "event_id,customer_id,channel,touchpoint,started_at,wait_s,duration_s,outcome");
    for (Map.Entry<String, List<Path>> e : groups.entrySet()) {
      if (!e.getValue().isEmpty()) {
        continue;
      }
      boolean csv = e.getKey().endsWith("_csv");
      Path empty = scratch.resolve("empty-" + e.getKey() + (csv ? ".csv" : ".jsonl"));
      try {
        Files.createDirectories(scratch);
        Files.writeString(empty, csv ? headers.get(e.getKey()) + "\n" : "", StandardCharsets.UTF_8);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      e.getValue().add(empty);
    }
  }

  String list(String group) {
    return groups.get(group).stream()
        .map(p -> PeerScript.literal(p.toAbsolutePath().toString()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static boolean isWide(Path csv) {
    try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
      String header = lines.findFirst().orElse("");
      return LandingFiles.csvFields(header).stream()
          .noneMatch(h -> h.strip().equalsIgnoreCase("touchpoint"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> walk(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

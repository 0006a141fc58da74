package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files, headers and quoting of the landing zone match DESIGN.md §4 and docs/landing-format.md. */
class LandingShapeTest {
  @TempDir static Path root;
  static Landing landing;

  @BeforeAll
  static void generate() throws IOException {
    SampleGenerator.generate(
        GeneratorOptions.defaults(root).withCustomers(300).withDays(120).withMessyRate(0.05));
    landing = Landing.read(root);
  }

  @Test
  void customerFiles_haveTheDesignHeader() {
    List<String> expected =
        List.of(
            "customer_id",
            "full_name",
            "email",
            "phone",
            "segment",
            "region",
            "tier",
            "signup_date",
            "updated_at");
    List<String> files = filesUnder("customers/");
    // 3 signup files by id range + 1 file of later versions
    assertThat(files)
        .containsExactly(
            "customers/customers-1.csv",
            "customers/customers-2.csv",
            "customers/customers-3.csv",
            "customers/customers-4.csv");
    files.forEach(f -> assertThat(landing.headers.get(f)).as(f).isEqualTo(expected));
  }

  @Test
  void longSurveyFiles_haveTheDesignHeader_oneFilePerMonth() {
    List<String> expected =
        List.of(
            "response_id",
            "customer_id",
            "survey_id",
            "responded_at",
            "touchpoint",
            "expectation",
            "experience",
            "scale_min",
            "scale_max",
            "overall_nps",
            "comment",
            "adequate");
    // 120 days ending 2026-10-31 start on 2026-07-04: July .. October
    assertThat(filesUnder("surveys/long/"))
        .containsExactly(
            "surveys/long/responses-2026-07.csv", "surveys/long/responses-2026-08.csv",
            "surveys/long/responses-2026-09.csv", "surveys/long/responses-2026-10.csv");
    filesUnder("surveys/long/")
        .forEach(f -> assertThat(landing.headers.get(f)).as(f).isEqualTo(expected));
  }

  @Test
  void wideExport_hasAPairOfColumnsPerCatalogTouchpoint_thenAnAdequateColumnPerTouchpoint() {
    List<String> expected =
        new ArrayList<>(
            List.of(
                "response_id",
                "customer_id",
                "survey_id",
                "responded_at",
                "scale_min",
                "scale_max",
                "overall_nps"));
    for (String id : ConfCatalog.load().names.keySet()) {
      expected.add("expectation_" + id);
      expected.add("experience_" + id);
    }
    for (String id : ConfCatalog.load().names.keySet()) {
      expected.add("adequate_" + id);
    }
    assertThat(filesUnder("surveys/wide/")).containsExactly("surveys/wide/export-2026-10-31.csv");
    assertThat(landing.headers.get("surveys/wide/export-2026-10-31.csv")).isEqualTo(expected);
  }

  @Test
  void jsonLines_carryTheLongColumns_withNumbersAsJsonNumbers() throws IOException {
    List<String> surveyKeys =
        List.of(
            "response_id",
            "customer_id",
            "survey_id",
            "responded_at",
            "touchpoint",
            "expectation",
            "experience",
            "scale_min",
            "scale_max",
            "overall_nps",
            "comment");
    List<String> interactionKeys =
        List.of(
            "event_id",
            "customer_id",
            "channel",
            "touchpoint",
            "started_at",
            "wait_s",
            "duration_s",
            "outcome");
    int numbers = 0;
    int threeColumn = 0;
    for (Landing.Row r : landing.surveys) {
      if (r.raw() != null && !r.malformed()) {
        // the adequate key only on three-column answers (survey S-10)
        List<String> keys = new ArrayList<>(surveyKeys);
        if ("S-10".equals(r.get("survey_id"))) {
          keys.add("adequate");
          threeColumn++;
        }
        assertThat(r.values().keySet()).as(r.raw()).containsExactlyInAnyOrderElementsOf(keys);
        JsonNode n = Landing.JSON.readTree(r.raw());
        if (n.get("overall_nps").isInt() && n.get("expectation").isInt()) {
          numbers++;
        }
      }
    }
    assertThat(numbers).isGreaterThan(100);
    assertThat(threeColumn).isGreaterThan(20);
    for (Landing.Row r : landing.interactions) {
      if (!r.malformed()) {
        assertThat(r.values().keySet())
            .as(r.raw())
            .containsExactlyInAnyOrderElementsOf(interactionKeys);
      }
    }
  }

  @Test
  void quotedFields_parseBack_includingMultiLineComments() {
    assertThat(landing.multiLineRecords).as("records with embedded newlines").isGreaterThan(10);
    assertThat(landing.customers).anyMatch(r -> r.get("full_name").contains(","));
    assertThat(landing.customers).anyMatch(r -> r.get("full_name").contains("\""));
    assertThat(landing.surveys)
        .anyMatch(r -> r.get("comment") != null && r.get("comment").contains("\""));
    assertThat(landing.surveys)
        .anyMatch(r -> r.get("comment") != null && r.get("comment").contains("\n"));
    assertThat(landing.surveys).anyMatch(r -> r.get("comment") == null && r.raw() == null);
  }

  @Test
  void touchpoints_mixIdsNamesAndAliases_inOddCaseAndPadding() {
    ConfCatalog catalog = ConfCatalog.load();
    List<String> raw =
        landing.surveys.stream()
            .map(r -> r.values().get("touchpoint"))
            .filter(t -> t != null)
            .toList();
    assertThat(raw).anyMatch(t -> !t.equals(t.trim()));
    assertThat(raw)
        .anyMatch(
            t ->
                t.trim().equals(t.trim().toUpperCase(java.util.Locale.ROOT))
                    && t.trim().length() > 3);
    assertThat(raw).anyMatch(t -> catalog.resolve(t) != null && !catalog.names.containsKey(t));
    long ids = raw.stream().filter(catalog.names::containsKey).count();
    assertThat((double) ids / raw.size()).as("share written as catalog ids").isBetween(0.7, 0.95);
  }

  @Test
  void scales_followTheSurveyId_andS7SometimesLeavesThemBlank() {
    Map<String, int[]> scales =
        Map.of("S-7", new int[] {1, 7}, "S-5", new int[] {1, 5}, "S-10", new int[] {0, 10});
    int blank = 0;
    for (Landing.Row r : landing.surveys) {
      String s = r.get("survey_id");
      if (r.malformed() || s == null) {
        continue;
      }
      assertThat(scales).containsKey(s);
      if (r.get("scale_min") == null) {
        assertThat(s).isEqualTo("S-7");
        blank++;
      } else {
        assertThat(
                new int[] {
                  (int) Double.parseDouble(r.get("scale_min")),
                  (int) Double.parseDouble(r.get("scale_max"))
                })
            .as(s)
            .containsExactly(scales.get(s));
      }
    }
    assertThat(blank).isGreaterThan(20);
  }

  @Test
  void timestamps_areIsoMostlyWithoutOffset_someWithZOrPlusTwo() {
    List<String> ts =
        landing.interactions.stream().map(r -> r.get("started_at")).filter(t -> t != null).toList();
    long plain =
        ts.stream().filter(t -> t.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")).count();
    assertThat((double) plain / ts.size()).isBetween(0.8, 0.97);
    assertThat(ts).anyMatch(t -> t.endsWith("Z"));
    assertThat(ts).anyMatch(t -> t.endsWith("+02:00"));
  }

  @Test
  void everyTextFileIsUtf8WithUnixLineEnds() throws IOException {
    for (Path f : Landing.files(root)) {
      byte[] bytes = Files.readAllBytes(f);
      assertThat(bytes).as(f.toString()).doesNotContain((byte) '\r');
      assertThat(bytes[bytes.length - 1]).as(f.toString()).isEqualTo((byte) '\n');
    }
    assertThat(landing.customers).anyMatch(r -> r.get("full_name").matches(".*[éëüíá].*"));
  }

  @Test
  void generatorCatalog_isInStepWithConfTouchpoints() {
    ConfCatalog catalog = ConfCatalog.load();
    assertThat(Touchpoints.IDS).containsExactlyElementsOf(catalog.names.keySet());
    for (int i = 0; i < Touchpoints.COUNT; i++) {
      assertThat(Touchpoints.NAMES.get(i))
          .as(Touchpoints.IDS.get(i))
          .isEqualTo(catalog.names.get(Touchpoints.IDS.get(i)));
    }
  }

  private static List<String> filesUnder(String prefix) {
    return landing.headers.keySet().stream().filter(f -> f.startsWith(prefix)).sorted().toList();
  }
}

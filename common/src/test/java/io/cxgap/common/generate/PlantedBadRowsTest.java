package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows re-validated with independent checks (LandingRules) agree, reason by reason, with the
 * exact counts in truth.json.
 */
class PlantedBadRowsTest {
  @TempDir static Path root;
  static Landing landing;
  static JsonNode truth;
  static ConfCatalog catalog;
  static Set<String> knownCustomers = new HashSet<>();

  @BeforeAll
  static void generate() throws IOException {
    SampleGenerator.generate(
        GeneratorOptions.defaults(root).withCustomers(300).withDays(120).withMessyRate(0.05));
    landing = Landing.read(root);
    truth = Landing.JSON.readTree(root.resolve("truth.json").toFile());
    catalog = ConfCatalog.load();
    for (Landing.Row r : landing.customers) {
      if (LandingRules.customer(r) == null) {
        knownCustomers.add(r.get("customer_id"));
      }
    }
  }

  @Test
  void customerReasons_matchTruth() {
    Map<String, Long> found = new TreeMap<>();
    landing.customers.forEach(r -> count(found, LandingRules.customer(r)));
    assertThat(found).isEqualTo(nonZero(truth.at("/quarantine/customers")));
    assertThat(found.keySet()).containsExactlyInAnyOrder("missing_required", "bad_timestamp");
  }

  @Test
  void surveyReasons_matchTruth_countingWidePairsAsItemRows() {
    Map<String, Long> found = new TreeMap<>();
    landing.surveys.forEach(r -> count(found, LandingRules.survey(r, knownCustomers, catalog)));
    assertThat(found).isEqualTo(nonZero(truth.at("/quarantine/surveys")));
    assertThat(found.keySet())
        .containsExactlyInAnyOrder(
            "malformed",
            "missing_required",
            "bad_timestamp",
            "bad_number",
            "out_of_range",
            "unknown_customer",
            "unknown_touchpoint");
  }

  @Test
  void interactionReasons_matchTruth() {
    Map<String, Long> found = new TreeMap<>();
    landing.interactions.forEach(r -> count(found, LandingRules.interaction(r, catalog)));
    assertThat(found).isEqualTo(nonZero(truth.at("/quarantine/interactions")));
    assertThat(found.keySet())
        .containsExactlyInAnyOrder(
            "malformed",
            "missing_required",
            "bad_timestamp",
            "bad_number",
            "out_of_range",
            "unknown_channel",
            "unknown_touchpoint",
            "unknown_outcome");
  }

  @Test
  void badRowShare_followsTheMessyRate() {
    long bad = 0;
    long rows = 0;
    for (Landing.Row r : landing.interactions) {
      rows++;
      bad += LandingRules.interaction(r, catalog) == null ? 0 : 1;
    }
    // 5% corrupted in place + 0.5% truncated copies, over ~2,500 rows
    assertThat((double) bad / rows).isBetween(0.035, 0.075);
  }

  @Test
  void rowCounts_matchTruth() {
    assertThat(truth.at("/rows/customers").asLong()).isEqualTo(landing.customers.size());
    assertThat(truth.at("/rows/surveys").asLong()).isEqualTo(landing.surveys.size());
    assertThat(truth.at("/rows/interactions").asLong()).isEqualTo(landing.interactions.size());
  }

  @Test
  void duplicates_areExactCopiesOfValidRows_someInAnotherFile_countedInTruth() {
    Map<String, Landing.Row> first = new HashMap<>();
    long duplicates = 0;
    long elsewhere = 0;
    for (Landing.Row r : landing.interactions) {
      if (LandingRules.interaction(r, catalog) != null) {
        continue;
      }
      Landing.Row seen = first.putIfAbsent(r.get("event_id"), r);
      if (seen != null) {
        duplicates++;
        assertThat(r.raw()).isEqualTo(seen.raw());
        elsewhere += seen.file().equals(r.file()) ? 0 : 1;
      }
    }
    assertThat(duplicates)
        .isEqualTo(truth.at("/duplicates/interactions").asLong())
        .isGreaterThan(5);
    assertThat(elsewhere).isGreaterThan(0).isLessThan(duplicates);
  }

  @Test
  void surveyDuplicateKeys_doNotOccur() {
    Set<String> keys = new HashSet<>();
    for (Landing.Row r : landing.surveys) {
      if (LandingRules.survey(r, knownCustomers, catalog) == null) {
        String key = r.get("response_id") + "|" + catalog.resolve(r.get("touchpoint"));
        assertThat(keys.add(key)).as(key).isTrue();
      }
    }
  }

  @Test
  void windowCounts_matchRowsDatedInTheLast90Days() {
    LocalDate from = LocalDate.of(2026, 8, 3); // 2026-10-31 minus 89 days
    assertThat(truth.at("/window/from").asText()).isEqualTo(from.toString());
    Map<String, Long> surveys = new TreeMap<>();
    long surveyRows = 0;
    for (Landing.Row r : landing.surveys) {
      if (inWindow(r, "responded_at", from)) {
        surveyRows++;
        count(surveys, LandingRules.survey(r, knownCustomers, catalog));
      }
    }
    Map<String, Long> interactions = new TreeMap<>();
    long interactionRows = 0;
    for (Landing.Row r : landing.interactions) {
      if (inWindow(r, "started_at", from)) {
        interactionRows++;
        count(interactions, LandingRules.interaction(r, catalog));
      }
    }
    assertThat(surveyRows).isEqualTo(truth.at("/window/rows/surveys").asLong());
    assertThat(interactionRows).isEqualTo(truth.at("/window/rows/interactions").asLong());
    assertThat(surveys).isEqualTo(nonZero(truth.at("/window/quarantine/surveys")));
    assertThat(interactions).isEqualTo(nonZero(truth.at("/window/quarantine/interactions")));
  }

  @Test
  void perFileRowCounts_matchTruth() {
    Map<String, Long> rows = new TreeMap<>();
    for (Landing.Row r : landing.customers) {
      rows.merge(r.file(), 1L, Long::sum);
    }
    for (Landing.Row r : landing.surveys) {
      rows.merge(r.file(), 1L, Long::sum);
    }
    for (Landing.Row r : landing.interactions) {
      rows.merge(r.file(), 1L, Long::sum);
    }
    Map<String, Long> expected = new TreeMap<>();
    truth
        .get("files")
        .fields()
        .forEachRemaining(
            f ->
                f.getValue()
                    .get("rows")
                    .fields()
                    .forEachRemaining(s -> expected.put(f.getKey(), s.getValue().asLong())));
    assertThat(rows).isEqualTo(expected);
  }

  @Test
  void everyCustomerKeepsACleanVersion() {
    assertThat(knownCustomers).hasSize(300);
  }

  private static boolean inWindow(Landing.Row r, String column, LocalDate from) {
    if (r.malformed() || r.get(column) == null) {
      return false;
    }
    OffsetDateTime t = LandingRules.instant(r.get(column));
    if (t == null) {
      return false;
    }
    LocalDate d = t.atZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDate();
    return !d.isBefore(from) && !d.isAfter(LocalDate.of(2026, 10, 31));
  }

  private static void count(Map<String, Long> m, String reason) {
    if (reason != null) {
      m.merge(reason, 1L, Long::sum);
    }
  }

  private static Map<String, Long> nonZero(JsonNode reasons) {
    Map<String, Long> m = new TreeMap<>();
    reasons
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().asLong() > 0) {
                m.put(e.getKey(), e.getValue().asLong());
              }
            });
    return m;
  }
}

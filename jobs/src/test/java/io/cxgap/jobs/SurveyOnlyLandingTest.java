package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.pipeline.Steps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Survey-only programs (DESIGN.md §4): a landing zone with CRM and survey files but no channel logs
 * runs every step of {@code nightly}, with friction columns {@code contacts = 0} and null rates,
 * and the run log and the report say that no interactions were found. Two landing zones: the {@code
 * interactions/} folder missing (a whole nightly), and holding only a 0-byte file and a CSV with a
 * header line and no rows (ingest, conform and gaps: the two differ in what ingest reads; from
 * conform on, both give the same empty silver.interactions, which the later steps read).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyOnlyLandingTest extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  /** The two ways a landing zone holds no interactions, and the steps run on each. */
  enum Case {
    FOLDER_MISSING(List.of("nightly")),
    ONLY_EMPTY_FILES(List.of("ingest", "conform", "gaps"));

    final List<String> commands;

    Case(List<String> commands) {
      this.commands = commands;
    }

    /** The steps this case runs. */
    List<String> steps() {
      return commands.equals(List.of("nightly")) ? Steps.names() : commands;
    }
  }

  record Zone(Path landing, Path warehouse, List<Outcome> runs) {
    String interactions() {
      return landing.resolve("interactions").toString();
    }

    Dataset<Row> gold(String table) {
      return table(warehouse, "gold", table).where(col("as_of_date").equalTo(lit(D.toString())));
    }
  }

  private final Map<Case, Zone> zones = new java.util.EnumMap<>(Case.class);

  @BeforeAll
  void nightlies() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-survey-only");
    for (Case c : Case.values()) {
      Path landing = dir.resolve(c.name().toLowerCase(java.util.Locale.ROOT)).resolve("landing");
      SampleGenerator.generate(new GeneratorOptions(landing, 60, 30, D, 5, 0.0));
      deleteTree(landing.resolve("interactions"));
      if (c == Case.ONLY_EMPTY_FILES) {
        Path folder = Files.createDirectories(landing.resolve("interactions"));
        Files.write(folder.resolve("contacts-empty.csv"), new byte[0]);
        Files.writeString(
            folder.resolve("contacts-header-only.csv"),
            "event_id,customer_id,channel,touchpoint,started_at,wait_s,duration_s,outcome\n",
            StandardCharsets.UTF_8);
      }
      Path warehouse = landing.resolveSibling("warehouse");
      List<Outcome> runs = new ArrayList<>();
      for (String command : c.commands) {
        runs.add(
            cli(
                args(
                    landing,
                    warehouse,
                    repoCatalog(),
                    command,
                    "--date",
                    D.toString(),
                    "--set",
                    "cx.clusters.k-max=3")));
      }
      zones.put(c, new Zone(landing, warehouse, runs));
    }
  }

  @Test
  void everyStepRun_exitsZero_andSucceeds() {
    for (Case c : Case.values()) {
      Zone z = zones.get(c);
      assertThat(z.runs()).allSatisfy(o -> assertThat(o.code()).as(o.toString()).isZero());
      List<String> succeeded =
          z
              .gold("pipeline_run")
              .where(col("status").equalTo("succeeded"))
              .select("job")
              .collectAsList()
              .stream()
              .map(r -> r.getString(0))
              .toList();
      assertThat(succeeded)
          .as("%s: steps succeeded", c)
          .containsExactlyInAnyOrderElementsOf(c.steps());
    }
  }

  @Test
  void gapCells_haveZeroContacts_andNullFrictionRatesAndWaits() {
    for (Case c : Case.values()) {
      Dataset<Row> gaps = zones.get(c).gold("gap_segment_touchpoint");
      assertThat(gaps.count()).as("%s: cells of D", c).isPositive();
      assertThat(gaps.where(not(col("suppressed"))).count())
          .as("%s: shown cells: null rates are not only suppression", c)
          .isPositive();
      assertThat(gaps.where(col("contacts").notEqual(0).or(col("contacts").isNull())).count())
          .as("%s: cells with contacts other than 0", c)
          .isZero();
      for (String rate :
          List.of(
              "repeat_contact_rate",
              "abandonment_rate",
              "failure_rate",
              "avg_wait_s",
              "p90_wait_s")) {
        assertThat(gaps.where(col(rate).isNotNull()).count())
            .as("%s: %s not null", c, rate)
            .isZero();
      }
    }
  }

  @Test
  void everyGoldTable_hasTheRowsOfD() {
    for (Case c : Case.values()) {
      Zone z = zones.get(c);
      for (String t : List.of("gap_dimension", "servqual_index")) {
        assertThat(z.gold(t).count()).as("%s: gold.%s rows of %s", c, t, D).isPositive();
      }
    }
    Zone z = zones.get(Case.FOLDER_MISSING);
    for (String t : List.of("gap_trend", "touchpoint_driver", "pain_cluster_profile")) {
      assertThat(z.gold(t).count()).as("gold.%s rows of %s", t, D).isPositive();
    }
    long respondents =
        table(z.warehouse(), "silver", "survey_items")
            .where(col("response_date").between(lit(D.minusDays(89).toString()), lit(D.toString())))
            .select("customer_id")
            .distinct()
            .count();
    assertThat(z.gold("customer_pain_cluster").count())
        .as("every customer with a response in the window is clustered")
        .isEqualTo(respondents)
        .isPositive();
  }

  @Test
  void clusters_haveFrictionFeaturesOfZero_andNoNaN() {
    for (Row r :
        zones
            .get(Case.FOLDER_MISSING)
            .gold("pain_cluster_profile")
            .select("centroid")
            .collectAsList()) {
      Map<String, Double> centroid = r.getJavaMap(0);
      assertThat(centroid)
          .as("centroid")
          .containsEntry("friction_abandon", 0.0)
          .containsEntry("friction_repeat", 0.0)
          .containsEntry("friction_wait", 0.0);
      assertThat(centroid.values()).noneMatch(v -> v == null || v.isNaN());
    }
  }

  @Test
  void silverInteractions_existsEmpty_withItsSchema() {
    for (Case c : Case.values()) {
      Dataset<Row> silver = table(zones.get(c).warehouse(), "silver", "interactions");
      assertThat(silver.count()).as("%s: silver.interactions rows", c).isZero();
      assertThat(silver.columns())
          .contains("event_id", "customer_id", "touchpoint", "started_at", "contact_date");
    }
  }

  @Test
  void runLog_saysNoInteractionsWereFound_andWhy() {
    Zone missing = zones.get(Case.FOLDER_MISSING);
    Zone empty = zones.get(Case.ONLY_EMPTY_FILES);
    assertThat(message(missing, "ingest"))
        .contains(
            "no interactions found in "
                + missing.interactions()
                + " (no such folder): friction columns are contacts = 0 and null rates");
    assertThat(message(empty, "ingest"))
        .contains(
            "no interactions found in "
                + empty.interactions()
                + " (no accepted row in its 2 files): friction columns are contacts = 0 and null"
                + " rates");
    for (Zone z : List.of(missing, empty)) {
      assertThat(message(z, "conform"))
          .contains("no interactions found (silver.interactions is empty)");
      assertThat(message(z, "gaps")).contains("no interactions in the window");
    }
  }

  @Test
  void report_carriesTheSurveyOnlyNote() throws IOException {
    Path report =
        zones.get(Case.FOLDER_MISSING).warehouse().resolve("reports/cx-report-" + D + ".html");
    assertThat(Files.readString(report, StandardCharsets.UTF_8))
        .contains(
            "<p class=\"note\">No channel logs (interactions) were found for the 90 days to "
                + D
                + ": this report rests on surveys alone.");
  }

  /** The "run conform first" advice stays for a date conform has not run for. */
  @Test
  void aGoldStep_forADateConformHasNotRun_stillSaysToRunConform() {
    Zone z = zones.get(Case.FOLDER_MISSING);
    String next = D.plusDays(1).toString();
    Outcome o = cli(args(z.landing(), z.warehouse(), repoCatalog(), "gaps", "--date", next));
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err())
        .contains("silver.customers has no slice for " + next)
        .contains("run 'conform --date " + next + "'");
  }

  private static String message(Zone z, String job) {
    List<Row> rows =
        z.gold("pipeline_run").where(col("job").equalTo(job)).select("message").collectAsList();
    assertThat(rows).as("run log rows of %s", job).hasSize(1);
    return rows.get(0).getString(0);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

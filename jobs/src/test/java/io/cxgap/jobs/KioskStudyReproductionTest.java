package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published table reproduced (README "A published study reproduced"): the kiosk SERVQUAL study
 * run as a user would, through {@code examples/kiosk-servqual}: {@code KioskToLanding.java} turns
 * the study's files into a survey-only landing zone (no channel logs), nightly's steps ingest,
 * conform and gaps run on it with the example's config and catalog (the 24 items in the study's six
 * dimensions, the authors' cleaned sample as the CRM column {@code sample}), and the cleaned
 * sample's scores, converted back to the 7-point scale (× 6 / 100), round to the study's published
 * figures.
 *
 * <p>Nothing on the expected side is computed: the numbers are the study's.
 */
class KioskStudyReproductionTest extends JobsTestBase {
  /** The study's dimension gaps (perception − expectation, 1..7 scale), as published. */
  private static final Map<String, String> PUBLISHED_DIMENSIONS = new LinkedHashMap<>();

  static {
    PUBLISHED_DIMENSIONS.put("security", "-1.81");
    PUBLISHED_DIMENSIONS.put("convenience", "-1.56");
    PUBLISHED_DIMENSIONS.put("control", "-1.46");
    PUBLISHED_DIMENSIONS.put("economy", "-1.28");
    PUBLISHED_DIMENSIONS.put("usefulness", "-0.67");
    PUBLISHED_DIMENSIONS.put("tangibility", "0.00");
  }

  @TempDir static Path tmp;
  static Path warehouse;
  static final List<Outcome> steps = new java.util.ArrayList<>();

  @BeforeAll
  static void runTheStudyAsAUserWould() throws IOException, InterruptedException {
    Path example = repoRoot().resolve("examples/kiosk-servqual");
    Path landing = tmp.resolve("landing");
    warehouse = tmp.resolve("warehouse");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                example.resolve("KioskToLanding.java").toString(),
                repoRoot().resolve("jobs/src/test/resources/kiosk-servqual").toString(),
                landing.toString())
            .redirectErrorStream(true)
            .start();
    String converted = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(converted).isZero();
    assertThat(converted).contains("211 respondents, 4968 item answers");
    assertThat(landing.resolve("interactions")).as("a survey-only study").doesNotExist();
    assertThat(Files.readString(landing.resolve("customers/customers.csv")).lines().count())
        .isEqualTo(212);

    // nightly's first three steps, one command each: the ones that write the tables checked
    // here (SurveyOnlyLandingTest runs the whole nightly on a survey-only zone)
    for (String step : List.of("ingest", "conform", "gaps")) {
      Outcome o =
          cli(
              args(
                  landing,
                  warehouse,
                  example.resolve("touchpoints.conf"),
                  step,
                  "--date",
                  "2021-05-31",
                  "--config",
                  example.resolve("kiosk.conf").toString()));
      steps.add(o);
    }
  }

  /** A gap on 0..100 back on the study's 1..7 scale, rounded as the study rounds. */
  private static String sevenPoint(double gap0to100) {
    return BigDecimal.valueOf(gap0to100 * 6 / 100).setScale(2, RoundingMode.HALF_UP).toString();
  }

  @Test
  void ingestConformAndGaps_succeedOnSurveysAlone() {
    assertThat(steps).hasSize(3).allSatisfy(o -> assertThat(o.code()).as(o.toString()).isZero());
    assertThat(steps.get(0).out()).contains("no interactions found");
  }

  @Test
  void dimensionGaps_ofTheCleanedSample_roundToThePublishedOnes() {
    Map<String, String> ours = new LinkedHashMap<>();
    for (Row r :
        table(warehouse, "gold", "gap_dimension")
            .where("segment_dimension = 'sample' and segment_value = 'clean'")
            .collectAsList()) {
      assertThat(r.<Long>getAs("respondents")).isEqualTo(194L);
      ours.put(r.getAs("dimension"), sevenPoint(r.<Double>getAs("gap_mean")));
    }
    ours.remove("outside model");
    assertThat(ours).containsExactlyInAnyOrderEntriesOf(PUBLISHED_DIMENSIONS);
  }

  @Test
  void worstThreeItems_ofTheCleanedSample_areThePublishedOnes() {
    List<Row> worst =
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where("segment_dimension = 'sample' and segment_value = 'clean'")
            .orderBy("gap_mean")
            .limit(3)
            .collectAsList();
    assertThat(
            worst.stream()
                .map(r -> r.<String>getAs("touchpoint") + " " + sevenPoint(r.getAs("gap_mean"))))
        .containsExactly("kiosk_q23 -2.09", "kiosk_q15 -2.06", "kiosk_q16 -1.94");
  }

  @Test
  void theIndexAndReliability_areThereForTheAnalyst() {
    Row index =
        table(warehouse, "gold", "servqual_index")
            .where("segment_dimension = 'sample' and segment_value = 'clean'")
            .first();
    assertThat(index.<Long>getAs("dimensions")).isEqualTo(7L);
    // the example's weights give the six model dimensions 1 each and "outside model" 0: the
    // weighted index is the plain mean of the six published gaps (-1.81 -1.56 -1.46 -1.28 -0.67
    // +0.00) / 6 = -1.13 on the 7-point scale
    assertThat(sevenPoint(index.getAs("weighted_gap"))).isEqualTo("-1.13");
    Row security =
        table(warehouse, "gold", "gap_dimension")
            .where(
                "segment_dimension = 'sample' and segment_value = 'clean' and dimension ="
                    + " 'security'")
            .first();
    assertThat(security.<Long>getAs("items")).isEqualTo(3L);
    assertThat(security.<Long>getAs("alpha_respondents")).isEqualTo(194L);
    assertThat(security.<Double>getAs("alpha_experience")).isNotNull().isBetween(-1.0, 1.0);
  }
}

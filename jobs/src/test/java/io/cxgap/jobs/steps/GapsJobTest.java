package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** gaps and trends after ingest and conform, on generated data with a planted deterioration. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GapsJobTest extends JobsTestBase {
  static final LocalDate END = LocalDate.of(2026, 10, 31);
  Path landing;
  Path warehouse;
  JsonNode truth;

  @BeforeAll
  void run() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-gaps");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("wh");
    SampleGenerator.generate(new GeneratorOptions(landing, 600, 180, END, 5, 0.01));
    truth = new ObjectMapper().readTree(landing.resolve("truth.json").toFile());
    // the steps up to the ones under test, for two days (rerunOfD needs D - 1's rows)
    for (LocalDate d : List.of(END.minusDays(1), END)) {
      List<String> steps = List.of("ingest", "conform", "gaps", "trends");
      List<Outcome> done =
          runSteps(
              steps,
              step -> cli(args(landing, warehouse, repoCatalog(), step, "--date", d.toString())));
      for (int i = 0; i < steps.size(); i++) {
        assertThat(done.get(i).out()).contains(String.format(Locale.ROOT, "%-8s ok", steps.get(i)));
      }
    }
  }

  private Row trend(String dim, String value, String tp) {
    return table(warehouse, "gold", "gap_trend")
        .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")))
        .where(
            col("segment_dimension")
                .equalTo(dim)
                .and(col("segment_value").equalTo(value))
                .and(col("touchpoint").equalTo(tp)))
        .head();
  }

  @Test
  @Order(1)
  void plantedDrop_isDeteriorating_andTheControlCellIsStable() {
    JsonNode t = truth.get("trend");
    Row planted =
        trend(
            t.get("segment_dimension").asText(),
            t.get("segment_value").asText(),
            t.get("touchpoint").asText());
    assertThat(planted.<String>getAs("direction"))
        .as(planted.toString())
        .isEqualTo("deteriorating");
    assertThat(planted.<Double>getAs("delta"))
        .as("planted delta %s", t.get("delta"))
        .isBetween(-20.0, -10.0);
    JsonNode c = truth.get("trend_control");
    Row control =
        trend(
            c.get("segment_dimension").asText(),
            c.get("segment_value").asText(),
            c.get("touchpoint").asText());
    assertThat(control.<String>getAs("direction")).as(control.toString()).isEqualTo("stable");
  }

  @Test
  @Order(1)
  void dimensionScores_matchThePlantedOnes() {
    JsonNode planted = truth.at("/dimension_scores/dimensions");
    List<Row> rows =
        table(warehouse, "gold", "gap_dimension")
            .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")))
            .where(col("segment_dimension").equalTo("total"))
            .collectAsList();
    assertThat(rows).hasSize(planted.size());
    for (Row r : rows) {
      JsonNode t = planted.get(r.<String>getAs("dimension"));
      assertThat(t).as(r.toString()).isNotNull();
      assertThat(r.<Long>getAs("respondents"))
          .as(r.toString())
          .isEqualTo(t.get("respondents").asLong());
      // the planted value is the latent gap; the answers are rounded draws around it
      assertThat(r.<Double>getAs("gap_mean"))
          .as(r.toString())
          .isCloseTo(t.get("gap_mean").asDouble(), org.assertj.core.api.Assertions.within(3.0));
    }
    assertThat(rows)
        .as("survey S-10 asks three-column: some dimension has an adequacy margin")
        .anyMatch(r -> r.getAs("msa_mean") != null);
    Row index =
        table(warehouse, "gold", "servqual_index")
            .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")))
            .where(col("segment_dimension").equalTo("total"))
            .head();
    assertThat(index.<Long>getAs("dimensions")).isEqualTo(planted.size());
  }

  @Test
  @Order(1)
  void npsSegment_total_matchesTheResponsesOfSilver_countedOncePerResponse() {
    Dataset<Row> nps =
        table(warehouse, "gold", "nps_segment")
            .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")));
    // independently, in SQL over silver: one value per response (mean of its items), 90 days
    Row silver =
        table(warehouse, "silver", "survey_items")
            .where(
                col("response_date")
                    .between(lit(END.minusDays(89).toString()), lit(END.toString())))
            .groupBy("customer_id", "response_id")
            .agg(avg("overall_nps").as("v"))
            .where("v is not null")
            .selectExpr(
                "count(*)", "count(distinct customer_id)", "count_if(v >= 9)", "count_if(v <= 6)")
            .head();
    long n = silver.getLong(0);
    long promoters = silver.getLong(2);
    long detractors = silver.getLong(3);
    Row total = nps.where("segment_dimension = 'total'").head();
    assertThat(total.<Long>getAs("responses")).isEqualTo(n);
    assertThat(total.<Long>getAs("respondents")).isEqualTo(silver.getLong(1));
    assertThat(total.<Long>getAs("promoters")).isEqualTo(promoters);
    assertThat(total.<Long>getAs("detractors")).isEqualTo(detractors);
    assertThat(total.<Double>getAs("nps"))
        .isCloseTo(100.0 * (promoters - detractors) / n, within(1e-9));
    double p = (promoters + 0.75) / (n + 3);
    double d = (detractors + 0.75) / (n + 3);
    double se = Math.sqrt((p + d - (p - d) * (p - d)) / (n + 3));
    assertThat(total.<Double>getAs("nps_ci95_low"))
        .isCloseTo(100 * (p - d - 1.96 * se), within(1e-9));
    assertThat(total.<Double>getAs("nps_ci95_high"))
        .isCloseTo(100 * (p - d + 1.96 * se), within(1e-9));
    assertThat(total.<Double>getAs("q_value")).isNotNull().isBetween(0.0, 1.0);
    assertThat(nps.select("segment_dimension").distinct().count())
        .as("total, segment, region and tier")
        .isEqualTo(4);
    assertThat(nps.where("segment_dimension = 'segment'").agg(sum("respondents")).head().getLong(0))
        .as("each customer in exactly one segment value")
        .isEqualTo(silver.getLong(1));
    assertThat(
            nps.where(
                    "not suppressed and (nps_ci95_low > nps or nps_ci95_high < nps"
                        + " or promoters + passives + detractors != responses)")
                .count())
        .isZero();
  }

  @Test
  @Order(2)
  void everyRespondent_isInExactlyOneValueOfEachDimension() {
    Dataset<Row> g =
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")));
    List<Row> mismatches =
        g.groupBy("touchpoint")
            .pivot("segment_dimension", List.of("total", "segment", "region", "tier"))
            .agg(sum("respondents"))
            .where("total != segment or total != region or total != tier")
            .collectAsList();
    assertThat(mismatches).isEmpty();
    assertThat(g.where("segment_dimension = 'total'").count())
        .as("one total cell per catalog touchpoint answered")
        .isEqualTo(10);
  }

  @Test
  @Order(3)
  void smallCells_areSuppressed_withNullStatistics() {
    Dataset<Row> g = table(warehouse, "gold", "gap_segment_touchpoint");
    assertThat(g.where("respondents < 5 and not suppressed").count()).isZero();
    assertThat(
            g.where(
                    "suppressed and (gap_mean is not null or gap_ci95_low is not null or avg_wait_s is not null)")
                .count())
        .isZero();
    assertThat(
            g.where(
                    "not suppressed and responses >= 2 and (gap_ci95_low > gap_mean or gap_ci95_high < gap_mean)")
                .count())
        .isZero();
  }

  @Test
  @Order(4)
  void rerunOfD_replacesOnlyDsRows() {
    Dataset<Row> before = table(warehouse, "gold", "gap_segment_touchpoint");
    List<Row> otherDay =
        before
            .where(col("as_of_date").equalTo(lit(END.minusDays(1).toString()).cast("date")))
            .collectAsList();
    long dRows = before.where(col("as_of_date").equalTo(lit(END.toString()).cast("date"))).count();
    List<Row> trendOther =
        table(warehouse, "gold", "gap_trend")
            .where(col("as_of_date").equalTo(lit(END.minusDays(1).toString()).cast("date")))
            .collectAsList();
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "gaps", "--date", END.toString()));
    assertThat(o.code()).as(o.toString()).isZero();
    o = cli(args(landing, warehouse, repoCatalog(), "trends", "--date", END.toString()));
    assertThat(o.code()).as(o.toString()).isZero();
    Dataset<Row> after = table(warehouse, "gold", "gap_segment_touchpoint");
    assertThat(
            after
                .where(col("as_of_date").equalTo(lit(END.minusDays(1).toString()).cast("date")))
                .collectAsList())
        .containsExactlyInAnyOrderElementsOf(otherDay);
    assertThat(after.where(col("as_of_date").equalTo(lit(END.toString()).cast("date"))).count())
        .isEqualTo(dRows);
    assertThat(
            table(warehouse, "gold", "gap_trend")
                .where(col("as_of_date").equalTo(lit(END.minusDays(1).toString()).cast("date")))
                .collectAsList())
        .containsExactlyInAnyOrderElementsOf(trendOther);
  }

  @Test
  @Order(5)
  void goldStepWithoutConform_forThatDate_isAClearUsageError() {
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "gaps", "--date", "2026-06-01"));
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err())
        .contains("silver.customers has no slice for 2026-06-01")
        .contains("conform --date 2026-06-01");
  }
}

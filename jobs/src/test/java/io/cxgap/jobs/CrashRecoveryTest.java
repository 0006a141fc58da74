package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run that dies between two writes, then a rerun: every table equals that of one clean run on
 * the same inputs (no row lost, none doubled).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest extends JobsTestBase {
  static final String DATE = "2026-10-31";
  static final String[][] TABLES = {
    {"bronze", "customers"}, {"bronze", "surveys"}, {"bronze", "interactions"}, {"bronze", "quarantine"},
    {"silver", "customers"}, {"silver", "survey_items"}, {"silver", "interactions"}
  };

  Path dir;
  Path landing;
  Map<String, List<Row>> clean;

  @BeforeAll
  void cleanRun() throws IOException {
    dir = Files.createTempDirectory("cxgap-crash");
    landing = dir.resolve("landing");
    SampleGenerator.generate(new GeneratorOptions(landing, 40, 20, LocalDate.parse(DATE), 11, 0.03));
    Path wh = dir.resolve("clean");
    assertThat(ingestThenConform(wh).code()).isZero();
    clean = contents(wh);
  }

  /** The two steps whose writes the fault points sit between, as nightly runs them. */
  private Outcome ingestThenConform(Path wh) {
    for (String step : List.of("ingest", "conform")) {
      Outcome o = cli(args(landing, wh, repoCatalog(), step, "--date", DATE, "--set", "cx.quality.max-quarantine-share=0.5"));
      if (o.code() != 0) {
        return o;
      }
    }
    return new Outcome(0, "", "");
  }

  @AfterEach
  void noFault() {
    System.clearProperty("cxgap.fault");
  }

  private static Map<String, List<Row>> contents(Path wh) {
    Map<String, List<Row>> m = new HashMap<>();
    for (String[] t : TABLES) {
      m.put(t[0] + "." + t[1], table(wh, t[0], t[1]).drop("run_id").collectAsList());
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ingest.customers.bronze",
        "ingest.surveys.planned",
        "ingest.surveys.bronze",
        "ingest.interactions.quarantine",
        "conform.survey_items"
      })
  void runDiesAtAPoint_thenRerun_equalsOneCleanRun(String point) {
    Path wh = dir.resolve("crash-" + point);
    System.setProperty("cxgap.fault", point);
    Outcome dead = ingestThenConform(wh);
    assertThat(dead.code()).as(dead.toString()).isEqualTo(1);
    assertThat(dead.err()).contains("injected fault at " + point);
    System.clearProperty("cxgap.fault");
    Outcome rerun = ingestThenConform(wh);
    assertThat(rerun.code()).as(rerun.toString()).isZero();
    Map<String, List<Row>> got = contents(wh);
    for (String[] t : TABLES) {
      String name = t[0] + "." + t[1];
      assertThat(got.get(name)).as(name + " after a fault at " + point).containsExactlyInAnyOrderElementsOf(clean.get(name));
    }
    assertThat(table(wh, "gold", "pipeline_run").where("status = 'failed'").count()).isEqualTo(1);
  }
}

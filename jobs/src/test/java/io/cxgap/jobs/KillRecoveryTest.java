package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.CxException;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.runstate.FaultPoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §6: a run killed at any point leaves every table as before or after it, and the rerun
 * completes the date. One landing zone, one clean reference run (in-process), then one chain of
 * runs in child JVMs, each SIGKILLed at the next fault point, with one in-process run that fails by
 * an exception; while one child is paused between steps, a second {@code nightly} is refused. The
 * children killed in ingest and between steps run {@code nightly}; the two killed in gaps run
 * {@code gaps} alone, as a scheduler that runs the steps one by one would (a {@code nightly} there
 * would first redo ingest and conform, which find nothing new). The last run (in-process, {@code
 * nightly}) completes the date, and every table then equals the clean run's, row for row (run ids
 * aside).
 */
class KillRecoveryTest extends JobsTestBase {
  static final String DATE = "2026-10-31";
  static final List<String> TABLES =
      List.of(
          "bronze.customers",
          "bronze.surveys",
          "bronze.interactions",
          "bronze.quarantine",
          "bronze.ingest_log",
          "silver.customers",
          "silver.survey_items",
          "silver.interactions",
          "gold.gap_segment_touchpoint",
          "gold.gap_trend",
          "gold.touchpoint_driver",
          "gold.customer_pain_cluster",
          "gold.pain_cluster_profile",
          "gold.initiative_check",
          "gold.alert",
          "gold.detractor_followup");

  /**
   * The kill points of the chain, in order: during ingest, between steps, in a gold write (twice).
   */
  static final List<String> KILL_POINTS =
      List.of(
          "ingest.customers.quarantine",
          "conform.done",
          "delta.commit.gap_segment_touchpoint",
          "gaps.committed");

  @Test
  void killedAtEachPoint_thenRerun_equalsOneCleanRun_andASecondRunIsLockedOut() throws Exception {
    Path dir = Files.createTempDirectory("cxgap-kill");
    Path landing = dir.resolve("landing");
    SampleGenerator.generate(
        new GeneratorOptions(landing, 150, 30, LocalDate.parse(DATE), 11, 0.03));
    Path cleanWh = dir.resolve("clean");
    Outcome clean = cli(nightly(landing, cleanWh));
    assertThat(clean.code()).as(clean.toString()).isZero();
    Map<String, List<Row>> expected = contents(cleanWh);

    Path wh = dir.resolve("killed");
    String[] child = withChildSettings(nightly(landing, wh));
    String[] childGaps = withChildSettings(command("gaps", landing, wh));

    // 1. SIGKILL during ingest, after customers' quarantine append and before their bronze append
    killAt(dir, "ingest.customers.quarantine", child);
    assertThat(wh.resolve("_cxgap/holder.properties"))
        .as("a killed run leaves its holder file")
        .exists();
    assertThat(table(wh, "bronze", "quarantine").count())
        .isEqualTo(
            expected.get("bronze.quarantine").stream()
                .filter(r -> "customers".equals(r.getAs("source")))
                .count());
    assertThat(DeltaIO.exists(spark(), wh.resolve("bronze/customers").toString()))
        .as("customers' bronze append not yet made")
        .isFalse();

    // 2. an in-process run that fails by an exception (logged as failed), after surveys' bronze
    // append
    System.setProperty(FaultPoints.FAULT, "ingest.surveys.bronze");
    Outcome failed;
    try {
      failed = cli(nightly(landing, wh));
    } finally {
      System.clearProperty(FaultPoints.FAULT);
    }
    assertThat(failed.code()).as(failed.toString()).isEqualTo(CxException.JOB_FAILED);
    assertThat(failed.err()).contains("injected fault at ingest.surveys.bronze");
    assertThat(failed.out()).contains("recovers interrupted run");

    // 3. SIGKILL between steps, after conform's run log row; while it is paused there, holding the
    // run lock, a second nightly is refused at once
    try (ChildCli paused = ChildCli.start(dir, "conform.done", child)) {
      paused.awaitPause();
      long t0 = System.nanoTime();
      Outcome second = cli(nightly(landing, wh));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(second.code()).as(second.toString()).isEqualTo(CxException.LOCKED);
      assertThat(second.err().strip().lines().count()).as("one line").isEqualTo(1);
      assertThat(second.err())
          .contains(
              "is in use by another run", "pid " + paused.process.pid(), "nightly --date " + DATE);
      assertThat(seconds).as("refused at once").isLessThan(5);
      paused.kill();
    }

    // 4. SIGKILL inside the gold write: data files written, Delta commit not
    killAt(dir, "delta.commit.gap_segment_touchpoint", childGaps);
    Path gapDir = wh.resolve("gold/gap_segment_touchpoint");
    try (Stream<Path> files = Files.walk(gapDir)) {
      assertThat(files.filter(p -> p.toString().endsWith(".parquet")).count())
          .as("orphan data files")
          .isPositive();
    }
    assertThat(DeltaIO.exists(spark(), gapDir.toString()))
        .as("no commit, no table: nothing half written is visible")
        .isFalse();

    // 5. SIGKILL after the gold commit, before the run log row: the slice is whole
    killAt(dir, "gaps.committed", childGaps);
    assertThat(contents(wh, "gold.gap_segment_touchpoint"))
        .containsExactlyInAnyOrderElementsOf(expected.get("gold.gap_segment_touchpoint"));

    // 6. the last run completes the date
    Outcome last = cli(nightly(landing, wh));
    assertThat(last.code()).as(last.toString()).isZero();

    Map<String, List<Row>> got = contents(wh);
    long rows = 0;
    for (String t : TABLES) {
      assertThat(got.get(t))
          .as(t + " after the kill chain")
          .containsExactlyInAnyOrderElementsOf(expected.get(t));
      rows += expected.get(t).size();
    }
    System.out.printf(
        "KillRecoveryTest: %d kill points, %d tables, %d rows equal to the clean run%n",
        KILL_POINTS.size(), TABLES.size(), rows);

    // the run log tells the story: four interrupted steps, one failed, then a whole run
    Dataset<Row> log = table(wh, "gold", "pipeline_run");
    assertThat(
            log.where("status = 'interrupted'")
                .select("job")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("ingest", "nightly", "gaps", "gaps");
    assertThat(
            log.where("status = 'failed'")
                .select("job")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("ingest");
    // the runs after the two gaps kills died themselves before a step succeeded; the last one
    // says which run it recovers
    assertThat(
            log.where("status = 'succeeded' and message like 'recovers interrupted run%'")
                .select("job")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("ingest");
    Outcome runs = cli(args(landing, wh, repoCatalog(), "runs", "--last", "40"));
    assertThat(runs.out()).contains("interrupted", "failed", "recovers interrupted run");
    assertThat(wh.resolve("_cxgap/holder.properties")).doesNotExist();
  }

  private static void killAt(Path dir, String point, String[] args) throws Exception {
    try (ChildCli c = ChildCli.start(dir, point, args)) {
      c.awaitPause().kill();
    }
  }

  private static String[] nightly(Path landing, Path wh) {
    return command("nightly", landing, wh);
  }

  private static String[] command(String command, Path landing, Path wh) {
    List<String> a =
        new ArrayList<>(Arrays.asList(args(landing, wh, repoCatalog(), command, "--date", DATE)));
    // small and quick: two k-means fits; the planted bad rows are above the default 5% gate
    a.addAll(
        List.of("--set", "cx.clusters.k-max=3", "--set", "cx.quality.max-quarantine-share=0.5"));
    return a.toArray(new String[0]);
  }

  private static String[] withChildSettings(String[] args) {
    List<String> a = new ArrayList<>(Arrays.asList(args));
    a.addAll(
        List.of(
            "--set",
            "spark.master=local[2]",
            "--set",
            "spark.delta.logStore.file.impl=" + PausingLogStore.class.getName()));
    return a.toArray(new String[0]);
  }

  private static Map<String, List<Row>> contents(Path wh) {
    Map<String, List<Row>> m = new LinkedHashMap<>();
    for (String t : TABLES) {
      m.put(t, contents(wh, t));
    }
    return m;
  }

  private static List<Row> contents(Path wh, String t) {
    String[] lt = t.split("\\.");
    Dataset<Row> df = table(wh, lt[0], lt[1]);
    return df.drop("run_id").collectAsList();
  }
}

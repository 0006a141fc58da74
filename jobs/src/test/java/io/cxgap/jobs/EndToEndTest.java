package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.monitor.AlertColumns;
import io.cxgap.common.monitor.InitiativeColumns;
import io.cxgap.jobs.pipeline.Steps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The foundation on generated data with its planted bad rows (the end-to-end checks), and the
 * monitor on the sample's planted initiatives (DESIGN.md §5): statuses, idempotent reruns, the
 * alerts command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest extends JobsTestBase {
  static final LocalDate END = LocalDate.of(2026, 10, 31);
  static final String[] SOURCES = {"customers", "surveys", "interactions"};
  static final String[][] TABLES = {
    {"bronze", "customers"},
    {"bronze", "surveys"},
    {"bronze", "interactions"},
    {"bronze", "quarantine"},
    {"bronze", "ingest_log"},
    {"silver", "customers"},
    {"silver", "survey_items"},
    {"silver", "interactions"},
    {"gold", "initiative_check"},
    {"gold", "alert"},
    {"gold", "detractor_followup"}
  };

  /** The monitor runs of {@link #monitorRerun_givesTheSameRows_andYesterdaysAlertsAreNotNew}. */
  static final int MONITOR_RUNS = 2;

  Path dir;
  Path landing;
  Path warehouse;
  JsonNode truth;
  Outcome first;

  @BeforeAll
  void generateAndRun() throws IOException {
    dir = Files.createTempDirectory("cxgap-e2e");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 300, 120, END, 7, 0.02));
    truth = new ObjectMapper().readTree(landing.resolve("truth.json").toFile());
    first = nightly();
  }

  /** A command on this warehouse with the sample's planted initiatives. */
  private Outcome run(String... command) {
    List<String> a = new java.util.ArrayList<>(List.of(command));
    a.addAll(List.of("--set", "cx.initiatives=" + landing.resolve(SampleGenerator.INITIATIVES)));
    return cli(args(landing, warehouse, repoCatalog(), a.toArray(new String[0])));
  }

  private Outcome nightly() {
    return run("nightly", "--date", END.toString());
  }

  private Map<String, Long> lastCounts(String job) {
    Row r =
        table(warehouse, "gold", "pipeline_run")
            .where(col("job").equalTo(job))
            .orderBy(col("finished_at").desc())
            .select("counts")
            .head();
    return new HashMap<>(r.getJavaMap(0));
  }

  @Test
  @Order(1)
  void firstRun_succeeds() {
    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.out()).contains("ingest   ok").contains("conform  ok");
    // conform's counts are the rows it added to silver: on the first run, all of silver
    Map<String, Long> c = lastCounts("conform");
    Dataset<Row> items = table(warehouse, "silver", "survey_items");
    assertThat(c.get("survey_items.added")).isEqualTo(items.count()).isPositive();
    assertThat(c.get("survey_items.zot_inversions"))
        .isEqualTo(items.where(col("zot_inversion")).count());
    assertThat(c.get("interactions.added"))
        .isEqualTo(table(warehouse, "silver", "interactions").count())
        .isPositive();
  }

  @Test
  @Order(2)
  void everyRowRead_isAccepted_quarantined_orADroppedDuplicate_perSource() {
    Map<String, Long> c = lastCounts("ingest");
    for (String s : SOURCES) {
      long read = c.get(s + ".read");
      assertThat(read)
          .as(s + " rows read vs rows generated")
          .isEqualTo(truth.at("/rows/" + s).asLong());
      assertThat(c.get(s + ".accepted") + c.get(s + ".quarantined") + c.get(s + ".duplicate"))
          .as(s + ": read = accepted + quarantined + duplicates")
          .isEqualTo(read);
      assertThat(table(warehouse, "bronze", s).count())
          .as("bronze." + s + " rows")
          .isEqualTo(c.get(s + ".accepted"));
    }
    assertThat(c.get("interactions.duplicate"))
        .isEqualTo(truth.at("/duplicates/interactions").asLong());
  }

  @Test
  @Order(3)
  void quarantine_holdsExactlyThePlantedBadRows_perSourceAndReason() {
    Map<String, Long> expected = new HashMap<>();
    for (String s : SOURCES) {
      truth
          .at("/quarantine/" + s)
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().asLong() > 0) {
                  expected.put(s + "/" + e.getKey(), e.getValue().asLong());
                }
              });
    }
    Map<String, Long> got = new HashMap<>();
    for (Row r :
        table(warehouse, "bronze", "quarantine")
            .groupBy("source", "reason")
            .count()
            .collectAsList()) {
      got.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
    }
    assertThat(got).isEqualTo(expected);
    assertThat(
            table(warehouse, "bronze", "quarantine")
                .where(col("raw").isNull().or(col("file").isNull()))
                .count())
        .as("every quarantined row keeps its raw text and file")
        .isZero();
  }

  @Test
  @Order(4)
  void silver_holdsNoPersonalData() {
    Dataset<Row> bronzeCustomers = table(warehouse, "bronze", "customers");
    List<String> pii =
        bronzeCustomers
            .select(explode(array(col("full_name"), col("email"), col("phone"))).as("v"))
            .where(col("v").isNotNull())
            .distinct()
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(pii)
        .as("bronze does hold personal data (the test would prove nothing otherwise)")
        .isNotEmpty();
    for (String t : List.of("customers", "survey_items", "interactions")) {
      Dataset<Row> silver = table(warehouse, "silver", t);
      assertThat(silver.columns())
          .as("silver." + t + " columns")
          .doesNotContain("full_name", "email", "phone");
      for (String c : silver.columns()) {
        if (silver
            .schema()
            .apply(c)
            .dataType()
            .equals(org.apache.spark.sql.types.DataTypes.StringType)) {
          long leaks = silver.select(col(c).as("v")).where(col("v").isin(pii.toArray())).count();
          assertThat(leaks)
              .as("values of silver." + t + "." + c + " equal to a name, email or phone")
              .isZero();
        }
      }
    }
  }

  @Test
  @Order(5)
  void silverCustomers_areTheCrmStateAsOfD_laterVersionsIgnored() {
    Dataset<Row> silver = table(warehouse, "silver", "customers");
    for (String dim : List.of("segment", "region", "tier")) {
      Map<String, Long> expected = new HashMap<>();
      truth
          .at("/customers_as_of_end/" + dim)
          .fields()
          .forEachRemaining(e -> expected.put(e.getKey(), e.getValue().asLong()));
      Map<String, Long> got = new HashMap<>();
      for (Row r : silver.groupBy(dim).count().collectAsList()) {
        got.put(r.getString(0), r.getLong(1));
      }
      assertThat(got).as("customers per " + dim + " as of " + END).isEqualTo(expected);
    }
    assertThat(silver.where(col("updated_at").geq(lit("2026-11-01").cast("timestamp"))).count())
        .isZero();
    assertThat(silver.groupBy("customer_id").count().where(col("count").gt(1)).count()).isZero();
  }

  @Test
  @Order(8)
  void secondRunForTheSameDate_changesNothing() {
    Map<String, List<Row>> before = snapshot();
    Outcome again = nightly();
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out())
        .contains("customers: no new files")
        .contains("surveys: no new files")
        .contains("interactions: no new files");
    Map<String, List<Row>> after = snapshot();
    for (String[] t : TABLES) {
      assertThat(after.get(t[0] + "." + t[1]))
          .as(t[0] + "." + t[1])
          .containsExactlyInAnyOrderElementsOf(before.get(t[0] + "." + t[1]));
    }
  }

  @Test
  @Order(6)
  void monitor_findsThePlantedInitiatives_andListsDetractorsWithoutPersonalColumns() {
    Map<String, Row> checks = new HashMap<>();
    DeltaIO.readDate(spark(), gold(Table.INITIATIVE_CHECK), END)
        .collectAsList()
        .forEach(r -> checks.put(r.getAs(InitiativeColumns.INITIATIVE_ID), r));
    assertThat(checks.keySet()).containsExactlyInAnyOrder("chat-handover", "callback-promise");
    Row working = checks.get("chat-handover");
    assertThat(working.<String>getAs(InitiativeColumns.STATUS))
        .as("the planted working initiative: %s", working)
        .isIn("on_track", "achieved");
    Row failing = checks.get("callback-promise");
    assertThat(failing.<String>getAs(InitiativeColumns.STATUS))
        .as("the planted failing initiative: %s", failing)
        .isIn("behind", "missed");
    assertThat(
            DeltaIO.readDate(spark(), gold(Table.ALERT), END)
                .where(col(AlertColumns.ALERT_KEY).endsWith("|callback-promise"))
                .select(AlertColumns.KIND)
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .as("the failing initiative's alert")
        .containsExactly("initiative_" + failing.<String>getAs(InitiativeColumns.STATUS));
    Dataset<Row> followup = DeltaIO.readDate(spark(), gold(Table.DETRACTOR_FOLLOWUP), END);
    assertThat(followup.columns())
        .containsExactlyElementsOf(
            AlertColumns.detractorFollowup(List.of("segment", "region", "tier")))
        .doesNotContain("full_name", "email", "phone");
    assertThat(followup.where(col(AlertColumns.NPS).gt(6)).count()).as("detractors only").isZero();
    assertThat(first.out())
        .containsPattern(
            "monitor +ok .*alerts \\d+, new \\d+, high \\d+; initiatives \\{.*(behind|missed)")
        .contains("detractors to follow up " + followup.count());
  }

  @Test
  @Order(7)
  void monitorRerun_givesTheSameRows_andYesterdaysAlertsAreNotNew() throws IOException {
    Map<String, List<Row>> before = snapshot();
    Outcome again = run("monitor", "--date", END.toString());
    assertThat(again.code()).as(again.toString()).isZero();
    Map<String, List<Row>> after = snapshot();
    for (String t : List.of("gold.initiative_check", "gold.alert", "gold.detractor_followup")) {
      assertThat(after.get(t))
          .as(t + " after a rerun")
          .containsExactlyInAnyOrderElementsOf(before.get(t));
    }
    // the target_missed alerts also fired the day before: they are no longer new
    LocalDate yesterday = END.minusDays(1);
    Dataset<Row> today = DeltaIO.readDate(spark(), gold(Table.ALERT), END);
    long targetMissed = today.where(col(AlertColumns.KIND).equalTo("target_missed")).count();
    assertThat(targetMissed).as("the sample misses targets").isPositive();
    DeltaIO.replaceDate(
        today
            .where(col(AlertColumns.KIND).equalTo("target_missed"))
            .withColumn(Columns.AS_OF_DATE, lit(java.sql.Date.valueOf(yesterday)))
            .withColumn(AlertColumns.FIRST_SEEN, lit(java.sql.Date.valueOf(yesterday))),
        gold(Table.ALERT),
        yesterday);
    Outcome monitor = run("monitor", "--date", END.toString());
    assertThat(monitor.code()).as(monitor.toString()).isZero();
    Dataset<Row> rerun = DeltaIO.readDate(spark(), gold(Table.ALERT), END);
    assertThat(
            rerun
                .where(not(col(AlertColumns.NEW)))
                .where(col(AlertColumns.FIRST_SEEN).equalTo(lit(java.sql.Date.valueOf(yesterday))))
                .count())
        .as("yesterday's keys: not new, first seen yesterday")
        .isEqualTo(targetMissed);

    Outcome table = run("alerts", "--date", END.toString());
    assertThat(table.code()).as(table.toString()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines.get(0)).startsWith("new  sev").endsWith("message");
    List<String> alertLines = lines.subList(1, lines.size() - 1);
    assertThat(alertLines).hasSize((int) rerun.count());
    int firstOld = 0;
    while (firstOld < alertLines.size() && alertLines.get(firstOld).startsWith("NEW")) {
      firstOld++;
    }
    assertThat(alertLines.subList(0, firstOld))
        .as("new ones first")
        .allMatch(l -> l.startsWith("NEW"));
    assertThat(alertLines.subList(firstOld, alertLines.size()))
        .as("then the others")
        .noneMatch(l -> l.startsWith("NEW"))
        .allMatch(l -> l.contains("target_missed"));
    assertThat(lines.get(lines.size() - 1)).contains(rerun.count() + " alerts for " + END);

    Outcome json = run("alerts", "--date", END.toString(), "--format", "json");
    assertThat(json.code()).as(json.toString()).isZero();
    ObjectMapper mapper = new ObjectMapper();
    List<String> jsonLines = json.out().lines().toList();
    assertThat(jsonLines).hasSize((int) rerun.count());
    for (String l : jsonLines) {
      List<String> keys = new java.util.ArrayList<>();
      mapper.readTree(l).fieldNames().forEachRemaining(keys::add);
      assertThat(keys).as(l).containsExactlyElementsOf(AlertColumns.ALERT);
    }
    assertThat(mapper.readTree(jsonLines.get(0)).get(AlertColumns.NEW).asBoolean()).isTrue();

    Outcome notRun = run("alerts", "--date", yesterday.toString());
    assertThat(notRun.code()).as(notRun.toString()).isEqualTo(2);
    assertThat(notRun.err().strip())
        .isEqualTo(
            "cxgap: no monitor run for "
                + yesterday
                + " in "
                + warehouse
                + "; run 'cxgap monitor --date "
                + yesterday
                + "' (or nightly) first");
    Outcome noTable =
        cli(
            args(
                landing,
                dir.resolve("empty-wh"),
                repoCatalog(),
                "alerts",
                "--date",
                END.toString()));
    assertThat(noTable.code()).as(noTable.toString()).isEqualTo(2);
    assertThat(noTable.err())
        .contains("no gold.alert table")
        .contains("run 'cxgap monitor --date " + END);
  }

  private String gold(Table t) {
    return warehouse.resolve("gold").resolve(t.id()).toString();
  }

  private Map<String, List<Row>> snapshot() {
    Map<String, List<Row>> m = new HashMap<>();
    for (String[] t : TABLES) {
      m.put(t[0] + "." + t[1], table(warehouse, t[0], t[1]).collectAsList());
    }
    return m;
  }

  @Test
  @Order(9)
  void aRunAfterAddingOneFile_ingestsOnlyThatFile() throws IOException {
    Row known =
        table(warehouse, "bronze", "interactions")
            .orderBy("event_id")
            .select("event_id", "customer_id")
            .head();
    String dup = known.getString(0);
    String cust = known.getString(1);
    Path added = landing.resolve("interactions/late/interactions-2026-10-31-late.jsonl");
    Files.createDirectories(added.getParent());
    Files.writeString(
        added,
        String.join(
                "\n",
                "{\"event_id\":\"LATE-1\",\"customer_id\":\""
                    + cust
                    + "\",\"channel\":\"phone\",\"touchpoint\":\"support_call\",\"started_at\":\"2026-10-31T10:00:00\",\"wait_s\":60,\"duration_s\":300,\"outcome\":\"resolved\"}",
                "{\"event_id\":\"LATE-2\",\"customer_id\":\""
                    + cust
                    + "\",\"channel\":\"web\",\"touchpoint\":\"Billing & payments\",\"started_at\":\"2026-10-31T11:00:00Z\",\"outcome\":\"abandoned\"}",
                "{\"event_id\":\""
                    + dup
                    + "\",\"customer_id\":\""
                    + cust
                    + "\",\"channel\":\"web\",\"touchpoint\":\"app\",\"started_at\":\"2026-10-30T11:00:00Z\"}")
            + "\n",
        StandardCharsets.UTF_8);
    long bronzeBefore = table(warehouse, "bronze", "interactions").count();
    long silverBefore = table(warehouse, "silver", "interactions").count();
    // the steps that read a landing file
    runSteps(List.of("ingest", "conform"), step -> run(step, "--date", END.toString()));
    List<String> batchFiles =
        table(warehouse, "bronze", "ingest_log")
            .where("source = 'interactions' and status = 'planned' and batch_id = 2")
            .select("file")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(batchFiles).hasSize(1);
    assertThat(batchFiles.get(0)).endsWith("interactions/late/interactions-2026-10-31-late.jsonl");
    Map<String, Long> c = lastCounts("ingest");
    assertThat(c.get("interactions.read")).isEqualTo(3);
    assertThat(c.get("interactions.accepted")).isEqualTo(2);
    assertThat(c.get("interactions.duplicate")).isEqualTo(1);
    assertThat(c.get("surveys.read")).isZero();
    assertThat(table(warehouse, "bronze", "interactions").count()).isEqualTo(bronzeBefore + 2);
    assertThat(table(warehouse, "silver", "interactions").count()).isEqualTo(silverBefore + 2);
    Map<String, Long> conformed = lastCounts("conform");
    assertThat(conformed.get("interactions.added")).as("conform's count").isEqualTo(2);
    assertThat(conformed.get("survey_items.added")).isZero();
    assertThat(
            table(warehouse, "silver", "interactions")
                .where("event_id = 'LATE-2'")
                .select("touchpoint")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("billing");
  }

  @Test
  @Order(10)
  void runLog_recordsEveryStep() {
    Dataset<Row> runs = table(warehouse, "gold", "pipeline_run");
    assertThat(runs.where("status = 'succeeded'").count())
        .as("2 nightly runs x every step, the monitor reruns, and ingest and conform")
        .isEqualTo(2L * Steps.ALL.size() + MONITOR_RUNS + 2);
    assertThat(runs.where("rows_read is null or finished_at < started_at").count()).isZero();
  }
}

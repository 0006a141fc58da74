package io.cxgap.jobs.privacy;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.gold.GoldDocs;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Erasure and retention on one small warehouse built by {@code nightly} (DESIGN.md §6): forget two
 * customers, find nothing of them on disk, rerun with a new landing file that holds one of them,
 * then a later day's ingest and conform with a bronze retention.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForgetTest extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final String SALT = "test-salt";

  Path dir;
  Path landing;
  Path warehouse;

  /** The two erased customers: one named in quarantined raw text, one in a pain cluster. */
  List<String> erased = new ArrayList<>();

  /** Their ids, names, e-mail addresses and phone numbers that no other customer shares. */
  List<String> needles = new ArrayList<>();

  Outcome forget;

  @BeforeAll
  void buildAndForget() throws IOException {
    dir = Files.createTempDirectory("cxgap-forget");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("wh");
    SampleGenerator.generate(new GeneratorOptions(landing, 60, 30, D, 11, 0.02));
    Outcome built = cli(run("nightly", "--date", D.toString()));
    assertThat(built.code()).as(built.toString()).isZero();

    Dataset<Row> crm = table(warehouse, "bronze", "customers");
    List<String> ids =
        crm.select("customer_id").distinct().orderBy("customer_id").collectAsList().stream()
            .map(r -> r.getString(0))
            .toList();
    List<String> rawTexts =
        table(warehouse, "bronze", "quarantine")
            .where("raw is not null")
            .select("raw")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    String inQuarantine =
        ids.stream()
            .filter(id -> rawTexts.stream().anyMatch(t -> wholeField(id).matcher(t).find()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no quarantined row names a customer"));
    String inCluster =
        table(warehouse, "gold", "customer_pain_cluster")
            .where(col("customer_id").notEqual(inQuarantine))
            .orderBy("customer_id")
            .head()
            .getString(1);
    erased.addAll(List.of(inQuarantine, inCluster));
    for (String id : erased) {
      needles.add(id);
      for (Row r : crm.where(col("customer_id").equalTo(id)).collectAsList()) {
        for (String c : List.of("full_name", "email", "phone")) {
          String v = r.getAs(c);
          if (v != null
              && crm.where(col("customer_id").notEqual(id).and(col(c).equalTo(v))).isEmpty()) {
            needles.add(v);
          }
        }
      }
    }
    assertThat(needles).as("ids, names, e-mails, phones").hasSizeGreaterThanOrEqualTo(6);
    forget =
        cli(
            run(
                "forget",
                "--customer",
                erased.get(0),
                "--customer",
                erased.get(1),
                "--vacuum-now"));
  }

  private String[] run(String... command) {
    List<String> a = new ArrayList<>(List.of(args(landing, warehouse, repoCatalog(), command)));
    a.addAll(List.of("--set", "cx.privacy.salt=" + SALT, "--set", "cx.clusters.k-max=3"));
    return a.toArray(new String[0]);
  }

  /** The text as a whole field: not inside a longer id, word or number. */
  private static Pattern wholeField(String s) {
    return Pattern.compile("(?<![\\p{L}\\p{N}_-])" + Pattern.quote(s) + "(?![\\p{L}\\p{N}_-])");
  }

  @Test
  @Order(1)
  void forget_exits0_andPrintsTheRowsRemovedPerTable() {
    assertThat(forget.code()).as(forget.toString()).isZero();
    assertThat(forget.err()).contains("warning: VACUUM retention 0.0 hours");
    assertThat(forget.out())
        .containsPattern("bronze\\.customers +[1-9]\\d* rows removed")
        .containsPattern("bronze\\.quarantine +[1-9]\\d* rows removed")
        .containsPattern("gold\\.customer_pain_cluster +[1-9]\\d* rows removed")
        .containsPattern("silver\\.customers +[1-9]\\d* rows removed")
        .as("every table with customer_id is visited, the monitoring follow-up list too")
        .containsPattern("gold\\.detractor_followup +\\d+ rows removed");
    for (String id : erased) {
      assertThat(forget.out() + forget.err()).as("output names no erased id").doesNotContain(id);
    }
  }

  @Test
  @Order(2)
  void afterForget_noFileUnderTheWarehouse_namesAnErasedCustomer() throws IOException {
    List<Path> parquet = new ArrayList<>();
    List<Path> other = new ArrayList<>();
    try (Stream<Path> s = Files.walk(warehouse)) {
      s.filter(Files::isRegularFile)
          .forEach(p -> (p.toString().endsWith(".parquet") ? parquet : other).add(p));
    }
    assertThat(parquet).as("data files and checkpoints").hasSizeGreaterThan(10);
    Map<String, String> found = new LinkedHashMap<>();
    for (Path p : other) {
      String text = Files.readString(p, StandardCharsets.ISO_8859_1);
      needles.stream()
          .filter(n -> text.contains(n))
          .forEach(n -> found.put(warehouse.relativize(p).toString(), n));
    }
    // every Parquet file on disk, read without its Delta log (data files by table folder, each
    // log's checkpoints apart), each row rendered as JSON: one Spark job a folder
    Map<Path, List<String>> byFolder = new LinkedHashMap<>();
    parquet.forEach(
        p -> byFolder.computeIfAbsent(folder(p), k -> new ArrayList<>()).add(p.toString()));
    Column any = lit(false);
    for (String n : needles) {
      any = any.or(col("json").contains(n));
    }
    for (Map.Entry<Path, List<String>> e : byFolder.entrySet()) {
      List<Row> hits =
          spark()
              .read()
              .option("mergeSchema", "true")
              .parquet(e.getValue().toArray(new String[0]))
              .select(to_json(struct(col("*"))).as("json"))
              .where(any)
              .limit(3)
              .collectAsList();
      hits.forEach(r -> found.put(warehouse.relativize(e.getKey()).toString(), r.getString(0)));
    }
    assertThat(found).as("files that still name an erased customer").isEmpty();
  }

  /** The table folder of a data file (above its partition folders), or a log's folder. */
  private static Path folder(Path parquet) {
    Path p = parquet.getParent();
    while (!p.getFileName().toString().equals("_delta_log")
        && !Files.isDirectory(p.resolve("_delta_log"))) {
      p = p.getParent();
    }
    return p;
  }

  @Test
  @Order(3)
  void erasureLog_holdsOneSaltedHashPerCustomer_andItsDocs() throws Exception {
    Dataset<Row> log = table(warehouse, "gold", "erasure_log");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<String> hashes = new ArrayList<>();
    for (String id : erased) {
      hashes.add(
          HexFormat.of().formatHex(sha.digest((SALT + id).getBytes(StandardCharsets.UTF_8))));
    }
    assertThat(log.select("customer_hash").collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactlyInAnyOrderElementsOf(hashes);
    assertThat(log.where("rows > 0").count()).as("each had rows").isEqualTo(2);
    assertThat(log.where("vacuumed_at is not null").count()).as("--vacuum-now").isEqualTo(2);
    Map<String, String> comments = new LinkedHashMap<>();
    for (StructField f : log.schema().fields()) {
      comments.put(f.name(), f.getComment().isDefined() ? f.getComment().get() : null);
    }
    assertThat(comments)
        .containsExactlyEntriesOf(GoldDocs.of("erasure_log").orElseThrow().columns());
    Row run = table(warehouse, "gold", "pipeline_run").where("job = 'forget'").head();
    assertThat(run.<String>getAs("status")).isEqualTo("succeeded");
  }

  @Test
  @Order(4)
  void aRerun_withANewLandingFileHoldingAnErasedCustomer_quarantinesIt_andBringsNobodyBack()
      throws IOException {
    String id = erased.get(0);
    Files.writeString(
        landing.resolve("customers/late-export.csv"),
        "customer_id,full_name,email,phone,segment,region,tier,signup_date,updated_at\n"
            + id
            + ",Late Export,late.export@example.org,+1 555 0100,retail,North,gold,2026-01-01,2026-10-30T12:00:00Z\n",
        StandardCharsets.UTF_8);
    Outcome o = cli(run("nightly", "--date", D.toString()));
    assertThat(o.code()).as(o.toString()).isZero();
    for (String[] t :
        new String[][] {
          {"bronze", "customers"},
          {"bronze", "surveys"},
          {"bronze", "interactions"},
          {"silver", "customers"},
          {"silver", "survey_items"},
          {"silver", "interactions"},
          {"gold", "customer_pain_cluster"},
          {"gold", "detractor_followup"}
        }) {
      assertThat(
              table(warehouse, t[0], t[1]).where(col("customer_id").isin(erased.toArray())).count())
          .as(t[0] + "." + t[1] + " rows of erased customers after the rerun")
          .isZero();
    }
    List<Row> late =
        table(warehouse, "bronze", "quarantine")
            .where("file like '%late-export.csv'")
            .collectAsList();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).<String>getAs("reason")).isEqualTo("erased_customer");
    assertThat(late.get(0).<String>getAs("raw")).as("no raw text kept").isNull();
    Row ingest =
        table(warehouse, "gold", "pipeline_run")
            .where("job = 'ingest' and status = 'succeeded'")
            .orderBy(col("finished_at").desc())
            .head();
    assertThat(ingest.<String, Long>getJavaMap(ingest.fieldIndex("counts")))
        .containsEntry("customers.erased", 1L);
  }

  @Test
  @Order(6)
  void ingestWithRetention_deletesBronzeRowsLoadedBeforeIt_andKeepsYoungerOnes()
      throws IOException {
    LocalDate d2 = D.plusDays(4);
    String fresh = "RETAIN-1";
    Files.writeString(
        landing.resolve("customers/fresh.csv"),
        "customer_id,full_name,email,phone,segment,region,tier,signup_date,updated_at\n"
            + fresh
            + ",Fresh Person,fresh@example.org,+1 555 0101,retail,North,gold,2026-11-01,2026-11-03T12:00:00Z\n",
        StandardCharsets.UTF_8);
    // retention and due erasures are ingest's (a nightly's first step); conform for silver
    runSteps(
        List.of("ingest", "conform"),
        step ->
            cli(
                run(
                    step,
                    "--date",
                    d2.toString(),
                    "--set",
                    "cx.privacy.bronze-retention-days=3",
                    "--set",
                    "cx.privacy.vacuum-hours=0")));
    String loadedAtD = D + "-%";
    assertThat(table(warehouse, "bronze", "surveys").count())
        .as("every survey row was loaded on %s, 4 days before: past 3 days' retention", D)
        .isZero();
    assertThat(table(warehouse, "bronze", "interactions").count()).isZero();
    Dataset<Row> crm = table(warehouse, "bronze", "customers");
    assertThat(
            crm.where(
                    col("run_id")
                        .like(loadedAtD)
                        .and(
                            col("full_name")
                                .isNotNull()
                                .or(col("email").isNotNull())
                                .or(col("phone").isNotNull())))
                .count())
        .as("old CRM versions without names, e-mails, phones")
        .isZero();
    assertThat(crm.where(col("run_id").like(loadedAtD)).count())
        .as("old CRM versions kept for the CRM state as of D")
        .isGreaterThan(50);
    Row young = crm.where(col("customer_id").equalTo(fresh)).head();
    assertThat(young.<String>getAs("email"))
        .as("loaded today: kept")
        .isEqualTo("fresh@example.org");
    assertThat(
            table(warehouse, "bronze", "quarantine")
                .where(col("run_id").like(loadedAtD).and(col("raw").isNotNull()))
                .count())
        .isZero();
    assertThat(
            DeltaIO.readDate(spark(), warehouse.resolve("silver/customers").toString(), d2)
                .where(col("customer_id").equalTo(fresh))
                .count())
        .isEqualTo(1);
    Row ingest =
        table(warehouse, "gold", "pipeline_run")
            .where(col("job").equalTo("ingest").and(col("as_of_date").equalTo(lit(d2.toString()))))
            .head();
    assertThat(ingest.<String>getAs("message"))
        .contains("retention: rows loaded before 2026-11-01")
        .as("the unknown id's erasure, without --vacuum-now, is due with vacuum-hours 0")
        .contains("erasures: 1 due");
    assertThat(table(warehouse, "gold", "erasure_log").where("vacuumed_at is null").count())
        .isZero();
  }

  @Test
  @Order(5)
  void forgetOfAnUnknownId_exits0_withZeroRows() {
    Outcome o = cli(run("forget", "--customer", "NOBODY-42"));
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(o.out())
        .containsPattern("bronze\\.customers +0 rows removed")
        .contains("0 rows from");
  }

  @Test
  @Order(7)
  void forgetFromAMalformedFile_exits2_namingTheLine() throws IOException {
    Path ids = dir.resolve("ids.txt");
    Files.writeString(ids, "C1\nC2 C3\n", StandardCharsets.UTF_8);
    Outcome o = cli(run("forget", "--from", ids.toString()));
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err()).contains("line 2").contains("'C2 C3'");
  }
}

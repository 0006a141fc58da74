package io.cxgap.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.CxException;
import io.cxgap.common.quality.RecordRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlanInfo;
import org.apache.spark.sql.execution.metric.SQLMetricInfo;
import org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import scala.collection.JavaConverters;

/**
 * The bad-input corpus (DESIGN.md §4): each case a small file with an expected outcome, a
 * quarantine reason or a one-line exit 2 naming the file, never a silent drop. The cases that stop
 * the run go one at a time; the rest land together in one ingest, and every row written is found
 * again: rows read = bronze + quarantine + duplicates dropped, file by file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest extends JobsTestBase {
  static final String DATE = "2026-10-31";
  static final String CRM_HEADER =
      "customer_id,full_name,email,phone,segment,region,tier,signup_date,updated_at\n";
  static final String SURVEY_HEADER =
      "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps,comment\n";
  static final String EVENT_HEADER =
      "event_id,customer_id,channel,touchpoint,started_at,wait_s,duration_s,outcome\n";

  Path landing;
  Path wh;

  /** Rows the test wrote, per file name. */
  final Map<String, Integer> written = new TreeMap<>();

  @BeforeAll
  void landingZone() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-bad");
    landing = dir.resolve("landing");
    wh = dir.resolve("wh");
    StringBuilder crm = new StringBuilder(CRM_HEADER);
    for (int i = 1; i <= 20; i++) {
      crm.append("C").append(i).append(",,,,SMB,North,gold,2025-01-01,2026-10-01T00:00:00\n");
    }
    write("customers/base.csv", crm.toString(), 20);
    write("customers/empty.csv", "", 0);
    write("customers/header_only.csv", CRM_HEADER, 0);
    write(
        "customers/extra_columns.csv",
        "customer_id,loyalty_points,updated_at,notes\nC21,120,2026-10-02T00:00:00,vip\nC22,5,2026-10-02T00:00:00,\n",
        2);
    // a Latin-1 'ß' (0xDF) where UTF-8 is expected, in C25's region
    bytes(
        "customers/bad_utf8.csv",
        concat(
            ascii(CRM_HEADER + "C25,,,,SMB,Stra"),
            new byte[] {(byte) 0xDF},
            ascii("e,gold,,2026-10-03T00:00:00\nC26,,,,SMB,North,gold,,2026-10-03T00:00:00\n")),
        2);
    write(
        "customers/offsets.csv",
        CRM_HEADER
            + "C23,,,,SMB,North,gold,,2026-10-20T10:00:00+02:00\nC24,,,,SMB,North,gold,,2026-10-20 10:00:00\n",
        2);

    write(
        "surveys/good.csv",
        SURVEY_HEADER
            + "R1,C1,S,2026-10-10T09:00:00,billing,5,3,1,7,8,\nR2,C2,S,2026-10-10T09:00:00,delivery,4,4,1,7,9,fine\n",
        2);
    write(
        "surveys/decimal_comma.csv",
        SURVEY_HEADER
            + "R3,C3,S,2026-10-11T09:00:00,billing,\"4,5\",3,1,7,8,\nR4,C4,S,2026-10-11T09:00:00,billing,4,5,3,1,7,8,\n",
        2);
    // the last record is cut off mid-line, without a newline
    write(
        "surveys/truncated.csv",
        SURVEY_HEADER + "R5,C5,S,2026-10-12T09:00:00,billing,5,5,1,7,8,ok\nR6,C6,S,2026-10-1",
        2);
    write(
        "surveys/huge_field.csv",
        SURVEY_HEADER
            + "R7,C7,S,2026-10-12T09:00:00,billing,5,5,1,7,8,\""
            + "x".repeat(10 * 1024 * 1024)
            + "\"\n"
            + "R8,C8,S,2026-10-12T09:00:00,billing,5,6,1,7,8,short\n",
        2);

    write(
        "interactions/a.jsonl", event("E1", "web") + event("E2", "app") + event("E3", "phone"), 3);
    write("interactions/b.jsonl", event("E3", "phone") + event("E4", "chat"), 2);
    write("interactions/truncated.jsonl", event("E5", "web") + "{\"event_id\":\"E6\",\"custo", 2);
    bytes(
        "interactions/bad_utf8.jsonl",
        concat(
            ascii(event("E7", "web")),
            ascii(
                "{\"event_id\":\"E8\",\"customer_id\":\"C1\",\"channel\":\"web\",\"touchpoint\":\"bill"),
            new byte[] {(byte) 0xC3, (byte) 0x28},
            ascii("ing\",\"started_at\":\"2026-10-05T08:00:00Z\"}\n")),
        2);
    String csv =
        EVENT_HEADER
            + "E9,C2,store,billing,2026-10-06T08:00:00,,60,resolved\nE10,C3,email,billing,2026-10-06T09:00:00,,,\n";
    write("interactions/c.csv", csv, 2);
    write("interactions/copy_of_c.csv", csv, 2);
  }

  @Test
  void filesThatCannotBeRead_stopTheRun_withOneLineNamingTheFile() throws IOException {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    byte[] binary = new byte[4096];
    new java.util.Random(9).nextBytes(binary);
    binary[0] = 0; // a NUL in the first line, whatever the random bytes
    cases.put("binary.csv", binary);
    cases.put("semicolons.csv", ascii("customer_id;updated_at\nC90;2026-10-01T00:00:00\n"));
    cases.put("no_updated_at.csv", ascii("customer_id,segment\nC91,SMB\n"));
    Map<String, String> expected =
        Map.of(
            "binary.csv",
                "is not a comma-separated UTF-8 CSV file: its header line holds binary or non-UTF-8 bytes",
            "semicolons.csv", "seems to use ';' as delimiter",
            "no_updated_at.csv", "customers: required column 'updated_at' missing in");
    for (var e : cases.entrySet()) {
      Path f = landing.resolve("customers").resolve(e.getKey());
      Files.write(f, e.getValue());
      try {
        Outcome o = cli(ingest(wh.resolveSibling("wh-stopped")));
        assertThat(o.code()).as(e.getKey() + ": " + o).isEqualTo(CxException.USAGE);
        assertThat(o.err().strip().lines()).as(e.getKey() + ": one line").hasSize(1);
        assertThat(o.err()).as(e.getKey()).contains(expected.get(e.getKey())).contains(e.getKey());
      } finally {
        Files.delete(f);
      }
    }
    // nothing was planned, so the landing zone is not stuck: the files that stopped it are gone
    assertThat(
            table(wh.resolveSibling("wh-stopped"), "gold", "pipeline_run")
                .where("status = 'failed'")
                .count())
        .isEqualTo(3);
  }

  @Test
  void everyRowOfTheCorpus_isAccepted_quarantinedWithAReason_orCountedAsDuplicate()
      throws Exception {
    Outcome o = cli(ingest(wh));
    assertThat(o.code()).as(o.toString()).isZero();
    Dataset<Row> quarantine = table(wh, "bronze", "quarantine");

    // per file: bronze rows + quarantined rows (+ duplicates, below) = rows written
    Map<String, Long> accepted = new TreeMap<>();
    Map<String, Long> rejected = new TreeMap<>();
    for (String s : List.of("customers", "surveys", "interactions")) {
      count(
          table(wh, "bronze", s).withColumn("source", org.apache.spark.sql.functions.lit(s)),
          accepted);
    }
    count(quarantine, rejected);
    Map<String, Long> duplicates =
        Map.of("interactions/b.jsonl", 1L, "interactions/copy_of_c.csv", 2L);
    for (var e : written.entrySet()) {
      long seen =
          accepted.getOrDefault(e.getKey(), 0L)
              + rejected.getOrDefault(e.getKey(), 0L)
              + duplicates.getOrDefault(e.getKey(), 0L);
      assertThat(seen).as("rows of " + e.getKey()).isEqualTo(e.getValue().longValue());
    }
    // per source, the ingest log's accounting agrees: read = accepted + quarantined + duplicate
    for (Row r : table(wh, "bronze", "ingest_log").where("status = 'committed'").collectAsList()) {
      String source = r.getAs("source");
      long read =
          written.entrySet().stream()
              .filter(w -> w.getKey().startsWith(source + "/"))
              .mapToLong(Map.Entry::getValue)
              .sum();
      assertThat(r.<Long>getAs("rows_read")).as(source + " read").isEqualTo(read);
      assertThat(
              r.<Long>getAs("rows_accepted")
                  + r.<Long>getAs("rows_quarantined")
                  + r.<Long>getAs("rows_duplicate"))
          .isEqualTo(read);
      assertThat(r.<Long>getAs("rows_accepted")).isEqualTo(table(wh, "bronze", source).count());
      assertThat(r.<Long>getAs("rows_quarantined"))
          .isEqualTo(quarantine.where(col("source").equalTo(source)).count());
    }

    assertThat(reasons(quarantine))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "customers/bad_utf8.csv", "bad_encoding:invalid UTF-8",
                "surveys/decimal_comma.csv",
                    "bad_number:expectation|malformed:CSV record does not have the header's number of fields",
                "surveys/truncated.csv",
                    "malformed:CSV record does not have the header's number of fields",
                "surveys/huge_field.csv", "oversized_field:comment",
                "interactions/truncated.jsonl", "malformed:not a JSON object on one line",
                "interactions/bad_utf8.jsonl", "bad_encoding:invalid UTF-8"));
    Row huge = quarantine.where("reason = 'oversized_field'").head();
    assertThat(huge.<String>getAs("raw"))
        .hasSizeLessThan(RecordRules.OVERSIZED_RAW_KEPT + 60)
        .contains("(truncated: 104");

    // timestamps with an offset are converted; without one they are UTC
    Map<String, String> ts = new TreeMap<>();
    table(wh, "bronze", "customers")
        .where("customer_id in ('C23', 'C24')")
        .selectExpr("customer_id", "date_format(updated_at, \"yyyy-MM-dd'T'HH:mm:ss'Z'\")")
        .collectAsList()
        .forEach(r -> ts.put(r.getString(0), r.getString(1)));
    assertThat(ts)
        .containsExactly(
            Map.entry("C23", "2026-10-20T08:00:00Z"), Map.entry("C24", "2026-10-20T10:00:00Z"));

    // what was skipped or ignored is in the run log
    String message =
        table(wh, "gold", "pipeline_run").where("job = 'ingest'").head().getAs("message");
    assertThat(message)
        .contains("customers: ignored unknown columns loyalty_points, notes in ")
        .contains("extra_columns.csv")
        .contains("customers: skipped ")
        .contains("empty.csv (empty file)")
        .contains("interactions batch 1: read 13 = accepted 8 + quarantined 2 + duplicates 3");

    // the same file again under a third name, in a later run: all of it is a duplicate
    Files.copy(
        landing.resolve("interactions/a.jsonl"), landing.resolve("interactions/again-a.jsonl"));
    long before = table(wh, "bronze", "interactions").count();
    LandingScans scans = new LandingScans();
    Outcome again =
        listening(scans, () -> cli(ingest(wh))); // no stage of the runs above is counted
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out())
        .contains("interactions batch 2: read 3 = accepted 0 + quarantined 0 + duplicates 3");
    // Its landing file is read by one stage: the bronze append must not make the quarantine
    // append classify the batch again (a write re-caches frames that read the written table).
    assertThat(scans.stages()).as("stages that scanned landing files").isEqualTo(1);
    assertThat(table(wh, "bronze", "interactions").count()).isEqualTo(before);
    Files.delete(landing.resolve("interactions/again-a.jsonl"));
  }

  private String[] ingest(Path warehouse) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(args(landing, warehouse, repoCatalog(), "ingest", "--date", DATE)));
    a.addAll(List.of("--set", "cx.quality.max-quarantine-share=1.0"));
    return a.toArray(new String[0]);
  }

  private static void count(Dataset<Row> df, Map<String, Long> into) {
    for (Row r : df.groupBy("source", "file").count().collectAsList()) {
      into.merge(r.getString(0) + "/" + name(r.getString(1)), r.getLong(2), Long::sum);
    }
  }

  /** file → "reason:detail" (sorted, | between several), of the quarantine. */
  private static Map<String, String> reasons(Dataset<Row> q) {
    Map<String, java.util.SortedSet<String>> m = new TreeMap<>();
    for (Row r : q.select("file", "source", "reason", "detail").collectAsList()) {
      m.computeIfAbsent(r.getString(1) + "/" + name(r.getString(0)), k -> new java.util.TreeSet<>())
          .add(r.getString(2) + ":" + r.getString(3));
    }
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, String.join("|", v)));
    return out;
  }

  private static String name(String file) {
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static String event(String id, String channel) {
    return "{\"event_id\":\""
        + id
        + "\",\"customer_id\":\"C1\",\"channel\":\""
        + channel
        + "\",\"touchpoint\":\"billing\",\"started_at\":\"2026-10-05T08:00:00Z\",\"outcome\":\"resolved\"}\n";
  }

  private void write(String rel, String text, int rows) throws IOException {
    bytes(rel, text.getBytes(StandardCharsets.UTF_8), rows);
  }

  private void bytes(String rel, byte[] content, int rows) throws IOException {
    Path f = landing.resolve(rel);
    Files.createDirectories(f.getParent());
    Files.write(f, content);
    written.put(rel, rows);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** Counts the stages that scan landing files (CSV, or JSON Lines read as text). */
  /**
   * Counts the stages in which a CSV or text scan produced rows: it ran, rather than its stage
   * reading a persisted frame computed from it (whose stages still list the scan among their RDDs).
   * The scans' row metrics are found in the plans that SQL executions post.
   */
  static final class LandingScans extends SparkListener {
    private final Set<Long> scanRowMetrics = ConcurrentHashMap.newKeySet();
    private final Set<Integer> stageIds = ConcurrentHashMap.newKeySet();

    int stages() {
      return stageIds.size();
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
      if (event instanceof SparkListenerSQLExecutionStart start) {
        collect(start.sparkPlanInfo());
      } else if (event instanceof SparkListenerSQLAdaptiveExecutionUpdate update) {
        collect(update.sparkPlanInfo());
      }
    }

    private void collect(SparkPlanInfo node) {
      if (node.nodeName().matches("Scan (csv|text).*")) {
        for (SQLMetricInfo m : JavaConverters.seqAsJavaList(node.metrics())) {
          if (m.name().equals("number of output rows")) {
            scanRowMetrics.add(m.accumulatorId());
          }
        }
      }
      JavaConverters.seqAsJavaList(node.children()).forEach(this::collect);
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd event) {
      for (AccumulableInfo a : JavaConverters.seqAsJavaList(event.taskInfo().accumulables())) {
        if (scanRowMetrics.contains(a.id())
            && a.update().isDefined()
            && ((Number) a.update().get()).longValue() > 0) {
          stageIds.add(event.stageId());
        }
      }
    }
  }
}

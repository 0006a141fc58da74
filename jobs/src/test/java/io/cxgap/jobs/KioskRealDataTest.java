package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a real survey export: the Korean kiosk SERVQUAL study in {@code
 * jobs/src/test/resources/kiosk-servqual} (211 respondents, 24 expectation/perception item pairs on
 * 1..7, Korean headers, four respondents who left every item blank).
 *
 * <p>The test reads the raw wide file itself (a small RFC 4180 reader below), derives a catalog
 * with one touchpoint per item named by the Korean item text, and writes the study as a landing
 * zone of DESIGN.md §4: CRM rows per respondent, the survey in long format (touchpoint = Korean
 * item text) <em>and</em> the same answers as the pipeline's native wide export ({@code
 * expectation_<id>} / {@code experience_<id>}), plus one interaction. Every expected number is
 * computed here from the raw file, never by the code under test.
 *
 * <p>Mappings, documented here because the study does not fix them:
 *
 * <ul>
 *   <li>customer_id = "K" + 1-based data row number; segment = gender (여/남), region = age band,
 *       tier = kiosk usage frequency, all as the Korean answer text;
 *   <li>overall_nps from item 161 "would recommend" (1..5 in the data, although the README says
 *       1..7; the codebook says 1..5): {@code nps = 10 * (x - 1) / 4}, so 1→0, 3→5, 5→10; blank
 *       stays blank;
 *   <li>SERVQUAL dimension from the study's six groups: tangibility→tangibles, security→assurance,
 *       economy/time-saving→responsiveness, convenience→empathy, usefulness/accuracy and
 *       control→reliability, items outside the model→reliability.
 * </ul>
 */
class KioskRealDataTest extends JobsTestBase {
  private static final String D = "2021-05-31";
  private static final String RESPONDED_AT = "2021-05-20T09:00:00Z";
  private static final String UPDATED_AT = "2021-05-01T00:00:00Z";
  private static final int ITEMS = 24;
  private static final Pattern ITEM_HEADER =
      Pattern.compile("^(\\d+)-([12])\\.\\s*(.*?)\\s*\\((기대|인지) 설문\\)\\s*$");
  private static final int GENDER = 0, AGE = 1, FREQUENCY = 2, RECOMMEND = 161;

  @TempDir Path tmp;

  /** One SERVQUAL item: its columns in the raw file and its texts. */
  record Item(int no, int expCol, int perCol, String expText, String perText, String english) {
    String id() {
      return String.format(Locale.ROOT, "kiosk_q%02d", no);
    }

    /** Odd items are written with the catalog name, even ones with an alias (both Korean). */
    String landingTouchpoint() {
      return no % 2 == 1 ? expText : perText;
    }
  }

  @Test
  void realKioskServqualExportRunsThroughIngestAndConform() throws IOException {
    Path dir = kioskDir();
    List<List<String>> raw =
        Rfc4180.parse(Files.readString(dir.resolve("kiosk_utf8.csv"), StandardCharsets.UTF_8));
    List<String> header = raw.get(0);
    List<List<String>> rows = raw.subList(1, raw.size());
    assertThat(rows).as("respondents in the study (README)").hasSize(211);
    rows.forEach(r -> assertThat(r).hasSize(header.size()));
    Map<Integer, Item> items = items(header, englishTexts(dir));
    assertThat(items).hasSize(ITEMS);
    // The raw file really puts item 9's pair before item 8's: the mapping must go by number.
    assertThat(items.get(9).expCol()).isLessThan(items.get(8).expCol());

    // ---- expected values, straight from the raw file
    int n = rows.size();
    int anyBlank = 0, oneBlank = 0, bothFilled = 0;
    Map<Integer, Integer> filledPerItem = new TreeMap<>();
    Map<Integer, Double> gapSum = new TreeMap<>();
    Map<Integer, Double> expNormSum = new TreeMap<>();
    Set<List<String>> expectedQuarantine = new HashSet<>();
    for (int i = 0; i < n; i++) {
      List<String> r = rows.get(i);
      String rid = "R" + (i + 1);
      for (Item it : items.values()) {
        String e = r.get(it.expCol()).strip();
        String p = r.get(it.perCol()).strip();
        if (e.isEmpty() || p.isEmpty()) {
          anyBlank++;
          String detail = e.isEmpty() ? "expectation" : "experience";
          expectedQuarantine.add(List.of(rid, it.landingTouchpoint(), detail));
          if (!(e.isEmpty() && p.isEmpty())) {
            oneBlank++; // the wide copy of this pair is quarantined too
            expectedQuarantine.add(List.of(rid, it.id(), detail));
          }
        } else {
          bothFilled++;
          double en = 100.0 * (Double.parseDouble(e) - 1) / 6;
          double pn = 100.0 * (Double.parseDouble(p) - 1) / 6;
          filledPerItem.merge(it.no(), 1, Integer::sum);
          gapSum.merge(it.no(), pn - en, Double::sum);
          expNormSum.merge(it.no(), en, Double::sum);
        }
      }
    }
    assertThat(anyBlank).as("the real file has blank answers").isPositive();
    assertThat(anyBlank + bothFilled).isEqualTo(n * ITEMS);
    long longRows = (long) n * ITEMS;
    long wideRows = longRows - (anyBlank - oneBlank); // pairs blank on both sides yield no wide row
    long read = longRows + wideRows;
    long quarantined = anyBlank + oneBlank;
    long duplicates = bothFilled; // every accepted wide item repeats a long one
    double share = (double) quarantined / read;

    // ---- landing zone, catalog
    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    Path catalog = tmp.resolve("kiosk-touchpoints.conf");
    writeCatalog(catalog, items);
    writeCustomers(landing.resolve("customers/kiosk_crm.csv"), rows);
    writeLongSurveys(landing.resolve("surveys/long/kiosk_long.csv"), rows, items);
    writeWideSurveys(landing.resolve("surveys/wide/kiosk_wide.csv"), rows, header, items);
    writeInteraction(landing.resolve("interactions/kiosk_contacts.csv"), items.get(10));

    // ---- 1: a gate below the real share fails with exit 3, after writing bronze and quarantine
    double strict = share / 2;
    Outcome gated =
        cli(
            args(
                landing,
                warehouse,
                catalog,
                "nightly",
                "--date",
                D,
                "--set",
                "cx.quality.max-quarantine-share=" + strict));
    assertThat(gated.code()).as(gated.toString()).isEqualTo(3);
    assertThat(gated.err()).contains("quality gate").contains("surveys");
    assertThat(table(warehouse, "bronze", "quarantine").count()).isEqualTo(quarantined);
    assertThat(Files.exists(warehouse.resolve("silver/survey_items")))
        .as("conform did not run")
        .isFalse();
    Row failedIngest =
        table(warehouse, "gold", "pipeline_run")
            .where(col("job").equalTo("ingest").and(col("status").equalTo("failed")))
            .select("counts")
            .collectAsList()
            .get(0);
    Map<String, Long> counts = failedIngest.getJavaMap(0);
    assertThat(counts)
        .containsEntry("surveys.read", read)
        .containsEntry("surveys.quarantined", quarantined)
        .containsEntry("surveys.duplicate", duplicates)
        .containsEntry("surveys.accepted", (long) bothFilled)
        .containsEntry("customers.read", (long) n)
        .containsEntry("customers.quarantined", 0L)
        .containsEntry("interactions.read", 1L)
        .containsEntry("interactions.accepted", 1L);

    // ---- 2: the rerun with a gate above the share completes ingest and conform, whose tables
    // this test checks (KioskStudyReproductionTest takes the study on to the gold tables)
    double pass = Math.max(0.05, share + 0.01);
    runSteps(
        List.of("ingest", "conform"),
        step ->
            cli(
                args(
                    landing,
                    warehouse,
                    catalog,
                    step,
                    "--date",
                    D,
                    "--set",
                    "cx.quality.max-quarantine-share=" + pass)));

    // quarantine: exactly the blank pairs, all missing_required, none unresolved
    Dataset<Row> q = table(warehouse, "bronze", "quarantine");
    assertThat(q.where(col("reason").equalTo("unknown_touchpoint")).count()).isZero();
    List<Row> qRows =
        q.select(
                col("source"),
                col("reason"),
                coalesce(
                    get_json_object(col("raw"), "$.response_id"),
                    get_json_object(col("raw"), "$.response.response_id")),
                coalesce(
                    get_json_object(col("raw"), "$.touchpoint"),
                    get_json_object(col("raw"), "$.item.touchpoint")),
                col("detail"))
            .collectAsList();
    assertThat(qRows).hasSize((int) quarantined);
    Set<List<String>> actualQuarantine = new HashSet<>();
    for (Row r : qRows) {
      assertThat(r.getString(0)).isEqualTo("surveys");
      assertThat(r.getString(1)).isEqualTo("missing_required");
      actualQuarantine.add(List.of(r.getString(2), r.getString(3), r.getString(4)));
    }
    assertThat(actualQuarantine).isEqualTo(expectedQuarantine);

    // silver survey items: one per answered pair, every touchpoint resolved to its item
    Dataset<Row> silver = table(warehouse, "silver", "survey_items");
    assertThat(silver.count()).isEqualTo((long) n * ITEMS - anyBlank);
    assertThat(silver.where(col("touchpoint").isNull()).count()).isZero();
    Map<String, Row> byTp = new HashMap<>();
    for (Row r :
        silver
            .groupBy("touchpoint")
            .agg(count(lit(1)).as("rows"), avg("gap").as("gap"), avg("expectation_norm").as("exp"))
            .collectAsList()) {
      byTp.put(r.getString(0), r);
    }
    assertThat(byTp).hasSize(ITEMS);
    for (Item it : items.values()) {
      Row r = byTp.get(it.id());
      assertThat(r).as(it.id()).isNotNull();
      int filled = filledPerItem.get(it.no());
      assertThat(r.getLong(1)).as(it.id() + " rows").isEqualTo(filled);
      assertThat(r.getDouble(2))
          .as(it.id() + " mean gap")
          .isCloseTo(gapSum.get(it.no()) / filled, within(1e-9));
      assertThat(r.getDouble(3))
          .as(it.id() + " mean expectation_norm")
          .isCloseTo(expNormSum.get(it.no()) / filled, within(1e-9));
    }
    // item 8 and 9 really differ, so a swapped mapping would have shown above
    assertThat(gapSum.get(8) / filledPerItem.get(8))
        .isNotCloseTo(gapSum.get(9) / filledPerItem.get(9), within(1e-6));

    // respondent 1, item by item, against the raw cells
    List<String> first = rows.get(0);
    Map<String, double[]> k1 = new HashMap<>();
    for (Row r :
        silver
            .where(col("customer_id").equalTo("K1"))
            .select("touchpoint", "expectation", "experience", "overall_nps", "response_id")
            .collectAsList()) {
      assertThat(r.getString(4)).isEqualTo("R1");
      k1.put(r.getString(0), new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
    }
    double nps1 = 10.0 * (Double.parseDouble(first.get(RECOMMEND).strip()) - 1) / 4;
    for (Item it : items.values()) {
      if (first.get(it.expCol()).isBlank() || first.get(it.perCol()).isBlank()) {
        assertThat(k1).doesNotContainKey(it.id());
        continue;
      }
      assertThat(k1.get(it.id()))
          .as("K1 " + it.id())
          .containsExactly(
              Double.parseDouble(first.get(it.expCol()).strip()),
              Double.parseDouble(first.get(it.perCol()).strip()),
              nps1);
    }

    // overall_nps per response: 10 * (recommend - 1) / 4
    Map<String, Double> expectedNps = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String rec = rows.get(i).get(RECOMMEND).strip();
      boolean answeredAny = false;
      for (Item it : items.values()) {
        answeredAny |=
            !rows.get(i).get(it.expCol()).isBlank() && !rows.get(i).get(it.perCol()).isBlank();
      }
      if (answeredAny) {
        expectedNps.put(
            "R" + (i + 1), rec.isEmpty() ? null : 10.0 * (Double.parseDouble(rec) - 1) / 4);
      }
    }
    Map<String, Double> actualNps = new HashMap<>();
    for (Row r : silver.select("response_id", "overall_nps").distinct().collectAsList()) {
      assertThat(actualNps).as("one overall_nps per response").doesNotContainKey(r.getString(0));
      actualNps.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    assertThat(actualNps).isEqualTo(expectedNps);

    // silver customers as of D: the respondents' Korean answers as segment values, no PII
    Dataset<Row> customers =
        table(warehouse, "silver", "customers")
            .where(col("as_of_date").equalTo(lit(D).cast("date")));
    assertThat(customers.count()).isEqualTo(n);
    assertThat(valueCounts(customers, "segment")).isEqualTo(expectedCounts(rows, GENDER));
    assertThat(valueCounts(customers, "region")).isEqualTo(expectedCounts(rows, AGE));
    assertThat(valueCounts(customers, "tier")).isEqualTo(expectedCounts(rows, FREQUENCY));
    assertThat(expectedCounts(rows, GENDER).keySet()).containsExactlyInAnyOrder("여", "남");

    Dataset<Row> interactions = table(warehouse, "silver", "interactions");
    List<Row> contact =
        interactions.select("event_id", "touchpoint", "channel", "outcome").collectAsList();
    assertThat(contact).hasSize(1);
    Row c0 = contact.get(0);
    assertThat(List.of(c0.getString(0), c0.getString(1), c0.getString(2), c0.getString(3)))
        .containsExactly("E-K1-1", "kiosk_q10", "store", "resolved");

    for (String t : List.of("customers", "survey_items", "interactions")) {
      Dataset<Row> s = table(warehouse, "silver", t);
      assertThat(s.columns()).as("silver." + t).doesNotContain("full_name", "email", "phone");
      Column all =
          to_json(
              struct(
                  java.util.Arrays.stream(s.columns())
                      .map(c -> col("`" + c + "`"))
                      .toArray(Column[]::new)));
      assertThat(s.where(all.contains("@kiosk.invalid")).count())
          .as("silver." + t + " holds no e-mail address")
          .isZero();
    }
  }

  // ------------------------------------------------------------------ the raw study

  static Path kioskDir() {
    return repoRoot().resolve("jobs/src/test/resources/kiosk-servqual");
  }

  /** Item number → its columns and texts, from the Korean headers (not the column order). */
  static Map<Integer, Item> items(List<String> header, Map<Integer, String> english) {
    Map<Integer, Integer> expCol = new HashMap<>(), perCol = new HashMap<>();
    Map<Integer, String> expText = new HashMap<>(), perText = new HashMap<>();
    for (int c = 3; c <= 50; c++) {
      Matcher m = ITEM_HEADER.matcher(header.get(c));
      assertThat(m.matches()).as("SERVQUAL header %d: %s", c, header.get(c)).isTrue();
      int no = Integer.parseInt(m.group(1));
      boolean expectation = m.group(2).equals("1");
      assertThat(m.group(4)).isEqualTo(expectation ? "기대" : "인지");
      (expectation ? expCol : perCol).put(no, c);
      (expectation ? expText : perText).put(no, m.group(3));
    }
    Map<Integer, Item> out = new TreeMap<>();
    for (int no = 1; no <= ITEMS; no++) {
      assertThat(expCol).containsKey(no);
      assertThat(perCol).containsKey(no);
      out.put(
          no,
          new Item(
              no,
              expCol.get(no),
              perCol.get(no),
              expText.get(no),
              perText.get(no),
              english.get(no)));
    }
    return out;
  }

  /** SERVQUAL item number → English item text, from the codebook. */
  static Map<Integer, String> englishTexts(Path dir) throws IOException {
    List<List<String>> book =
        Rfc4180.parse(
            Files.readString(dir.resolve("kiosk_codebook_en.csv"), StandardCharsets.UTF_8));
    Map<Integer, String> out = new HashMap<>();
    for (List<String> r : book.subList(1, book.size())) {
      if (r.get(2).equals("SERVQUAL expectation")) {
        out.put(Integer.parseInt(r.get(3)), r.get(5));
      }
    }
    return out;
  }

  static String dimension(int item) {
    if (Set.of(4, 5, 6, 22).contains(item)) {
      return "tangibles"; // tangibility
    }
    if (Set.of(19, 20, 21).contains(item)) {
      return "assurance"; // security
    }
    if (Set.of(10, 11, 18).contains(item)) {
      return "responsiveness"; // economy / time saving
    }
    if (Set.of(13, 14, 15, 16, 17).contains(item)) {
      return "empathy"; // convenience
    }
    return "reliability"; // usefulness/accuracy {1,2,3}, control {7,8}, and 9, 12, 23, 24
  }

  static Map<String, Long> expectedCounts(List<List<String>> rows, int column) {
    Map<String, Long> out = new TreeMap<>();
    for (List<String> r : rows) {
      String v = r.get(column).strip();
      out.merge(v.isEmpty() ? "unknown" : v, 1L, Long::sum);
    }
    return out;
  }

  static Map<String, Long> valueCounts(Dataset<Row> df, String column) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : df.groupBy(column).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  // ------------------------------------------------------------------ writers

  static void writeCatalog(Path file, Map<Integer, Item> items) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "# kiosk SERVQUAL items, derived from the study's headers\ntouchpoints = [\n");
    for (Item it : items.values()) {
      b.append("  { id = ")
          .append(hocon(it.id()))
          .append(", name = ")
          .append(hocon(it.expText()))
          .append(", journey-stage = \"usage\", dimension = ")
          .append(hocon(dimension(it.no())))
          .append(", aliases = [")
          .append(hocon(it.perText()))
          .append(", ")
          .append(hocon(it.english()))
          .append("]")
          .append(", target-gap = 0 }\n");
    }
    b.append("]\n");
    write(file, b.toString());
  }

  static void writeCustomers(Path file, List<List<String>> rows) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "customer_id,full_name,email,segment,region,tier,signup_date,updated_at\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      int k = i + 1;
      line(
          b,
          "K" + k,
          "응답자 " + k,
          "k" + k + "@kiosk.invalid",
          r.get(GENDER),
          r.get(AGE),
          r.get(FREQUENCY),
          "",
          UPDATED_AT);
    }
    write(file, b.toString());
  }

  static void writeLongSurveys(Path file, List<List<String>> rows, Map<Integer, Item> items)
      throws IOException {
    StringBuilder b =
        new StringBuilder(
            "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps,comment\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      for (Item it : items.values()) {
        line(
            b,
            "R" + (i + 1),
            "K" + (i + 1),
            "kiosk-servqual",
            RESPONDED_AT,
            it.landingTouchpoint(),
            r.get(it.expCol()).strip(),
            r.get(it.perCol()).strip(),
            "1",
            "7",
            nps(r),
            "");
      }
    }
    write(file, b.toString());
  }

  /** The native wide layout, pairs in the raw file's column order (item 9 before item 8). */
  static void writeWideSurveys(
      Path file, List<List<String>> rows, List<String> header, Map<Integer, Item> items)
      throws IOException {
    List<Item> inFileOrder = new ArrayList<>(items.values());
    inFileOrder.sort((a, c) -> Integer.compare(a.expCol(), c.expCol()));
    List<String> h =
        new ArrayList<>(
            List.of(
                "response_id",
                "customer_id",
                "survey_id",
                "responded_at",
                "scale_min",
                "scale_max",
                "overall_nps"));
    for (Item it : inFileOrder) {
      h.add("expectation_" + it.id());
      h.add("experience_" + it.id());
    }
    StringBuilder b = new StringBuilder();
    line(b, h.toArray(new String[0]));
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      List<String> cells =
          new ArrayList<>(
              List.of(
                  "R" + (i + 1), "K" + (i + 1), "kiosk-servqual", RESPONDED_AT, "1", "7", nps(r)));
      for (Item it : inFileOrder) {
        cells.add(r.get(it.expCol()).strip());
        cells.add(r.get(it.perCol()).strip());
      }
      line(b, cells.toArray(new String[0]));
    }
    write(file, b.toString());
  }

  static void writeInteraction(Path file, Item item10) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "event_id,customer_id,channel,touchpoint,started_at,wait_s,duration_s,outcome\n");
    line(
        b,
        "E-K1-1",
        "K1",
        "store",
        item10.expText(),
        "2021-05-20T08:55:00Z",
        "120",
        "45",
        "resolved");
    write(file, b.toString());
  }

  /** overall_nps from "would recommend" (1..5): 10 * (x - 1) / 4; blank stays blank. */
  static String nps(List<String> r) {
    String x = r.get(RECOMMEND).strip();
    return x.isEmpty() ? "" : Double.toString(10.0 * (Double.parseDouble(x) - 1) / 4);
  }

  static void line(StringBuilder b, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells[i];
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    b.append('\n');
  }

  static String hocon(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, a leading BOM. */
  static final class Rfc4180 {
    private Rfc4180() {}

    static List<List<String>> parse(String text) {
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      List<List<String>> out = new ArrayList<>();
      List<String> rec = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            f.append(c);
          }
          continue;
        }
        switch (c) {
          case '"' -> {
            quoted = true;
            any = true;
          }
          case ',' -> {
            rec.add(f.toString());
            f.setLength(0);
            any = true;
          }
          case '\r' -> {}
          case '\n' -> {
            rec.add(f.toString());
            f.setLength(0);
            out.add(rec);
            rec = new ArrayList<>();
            any = false;
          }
          default -> {
            f.append(c);
            any = true;
          }
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("unterminated quoted field");
      }
      if (any) {
        rec.add(f.toString());
        out.add(rec);
      }
      return out;
    }
  }
}

package io.cxgap.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.gaps.GapColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance check of the gap analytics: on a landing zone that follows DESIGN.md §4 and was
 * written by someone else (a retail bank, its own catalog, files written here from a seeded {@link
 * Random}, not by cxgap's generator), every value of {@code gold.gap_segment_touchpoint} and {@code
 * gold.gap_trend} matches an independent computation of the DESIGN.md §5 formulas to 1e-9 relative
 * (1e-9 absolute near zero).
 *
 * <p>The independent computation is plain Java over the rows as they were generated, kept in
 * memory: no Spark, no cxgap class. Only commons-math3 is shared with the pipeline, for the t
 * quantile; Welch's p is computed on the raw gap arrays ({@code TTest.tTest(double[], double[])}),
 * where the pipeline works from summary statistics.
 *
 * <p>The landing zone: CRM versions as CSV and JSON lines (1–3 per customer, segment and region
 * changing, blanks and absent keys, versions after D, two customers whose only versions are after
 * D, versions exactly at the end of D and at D+1 00:00, timestamps with offsets); surveys as CSV
 * (mixed-case header, RFC 4180 quoting) and JSON lines (numbers as numbers and as strings) over
 * ~200 days before D on 1–5, 1–7, 0–10 and blank (→ 1..7) scales, touchpoints by id, name and alias
 * in odd case and spacing, items exactly at every window edge; interactions as CSV and JSON lines
 * with all five outcomes and blank, blank waits, follow-ups exactly 7 days later, 7 days and 1 s
 * later, 7 days and 0.2 s later (millisecond timestamps), after D, contacts at the window edges and
 * of customers the CRM does not know; an exact duplicate contact; four bad rows.
 */
class IndependentGapComputationTest extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2024, 9, 30);
  static final int WINDOW = 60;
  static final int MIN_RESPONDENTS = 3;
  static final double MIN_DELTA = 5.0; // cx.trends.min-delta default
  static final double ALPHA = 0.05;
  static final Duration SEVEN_DAYS = Duration.ofDays(7);
  static final Instant END_OF_D =
      D.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC); // exclusive

  record Tp(String id, String stage, String dimension, double targetGap, List<String> spellings) {}

  /** The catalog as the test knows it, and how the data spells each touchpoint. */
  static final List<Tp> TOUCHPOINTS =
      List.of(
          new Tp(
              "branch",
              "usage",
              "empathy",
              0,
              List.of("branch", " Branch ", "BRANCH VISIT", "branch visit", "Filiale")),
          new Tp(
              "atm",
              "usage",
              "reliability",
              0,
              List.of("atm", "ATM", "Cash Machine ", "  atm withdrawal", "GELDAUTOMAT")),
          new Tp(
              "mobile_banking",
              "usage",
              "tangibles",
              5,
              List.of("Mobile Banking", "mobile_banking", " MOBILE APP", "mobile banking  ")),
          new Tp(
              "call_centre",
              "support",
              "responsiveness",
              -3,
              List.of(
                  "Call center",
                  "call_centre",
                  "CALL CENTER",
                  "Phone banking",
                  " phone BANKING ")));

  static final String CATALOG =
      """
      # a retail bank, not cxgap's demo company
      touchpoints = [
        { id = "branch", name = "Branch visit", journey-stage = "usage", dimension = "empathy",
          aliases = ["Filiale"], target-gap = 0 }
        # no target-gap: DESIGN's default 0
        { id = "atm", name = "Cash machine", journey-stage = "usage", dimension = "reliability",
          aliases = ["ATM withdrawal", "Geldautomat"] }
        { id = "mobile_banking", name = "Mobile app", journey-stage = "usage", dimension = "tangibles",
          aliases = ["Mobile Banking"], target-gap = 5 }
        { id = "call_centre", name = "Phone banking", journey-stage = "support", dimension = "responsiveness",
          aliases = ["Call center"], target-gap = -3 }
      ]
      """;

  // ------------------------------------------------------------------ the rows, as generated

  /** A CRM version; null segment or region = blank. */
  record Version(String customer, Instant updatedAt, String segment, String region) {}

  record Item(
      String customer,
      String touchpoint,
      Instant at,
      double expectation,
      double experience,
      double scaleMin,
      double scaleMax,
      Double adequate) {
    double expectationNorm() {
      return 100.0 * (expectation - scaleMin) / (scaleMax - scaleMin);
    }

    double experienceNorm() {
      return 100.0 * (experience - scaleMin) / (scaleMax - scaleMin);
    }

    double gap() {
      return experienceNorm() - expectationNorm();
    }

    /** DESIGN §5: experience - adequate, normalised; null without adequate or for an inversion. */
    Double msa() {
      return adequate == null || adequate > expectation
          ? null
          : experienceNorm() - 100.0 * (adequate - scaleMin) / (scaleMax - scaleMin);
    }

    double adequateNorm() {
      return 100.0 * (adequate - scaleMin) / (scaleMax - scaleMin);
    }

    LocalDate date() {
      return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
  }

  /** A contact; outcome lower-case or null, wait null when blank. */
  record Contact(
      String eventId,
      String customer,
      String touchpoint,
      Instant at,
      Double waitS,
      String outcome) {
    LocalDate date() {
      return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
  }

  @TempDir Path tmp;

  private final Random rnd = new Random(20240930L);

  /**
   * Draws the three-column answers apart from {@link #rnd}, so the other rows stay as they were.
   */
  private final Random zoneRnd = new Random(1994L);

  private final List<Version> versions = new ArrayList<>();
  private final List<Item> items = new ArrayList<>();
  private final List<Contact> contacts = new ArrayList<>();
  private final List<String> plantedBad = new ArrayList<>(); // "source|reason"

  private final Csv crmCsv =
      new Csv(
          "updated_at",
          "Customer_ID",
          "full_name",
          "email",
          "phone",
          "segment",
          "region",
          "tier",
          "signup_date");
  private final List<String> crmJson = new ArrayList<>();
  private final Csv surveyCsv =
      new Csv(
          "Response_ID",
          "responded_at",
          "Customer_ID",
          "TouchPoint",
          "expectation",
          "experience",
          "scale_min",
          "scale_max",
          "overall_nps",
          "comment",
          "survey_id",
          "device",
          "adequate");
  private final List<String> surveyJson = new ArrayList<>();
  private final Csv contactCsv =
      new Csv(
          "event_id",
          "started_at",
          "customer_id",
          "channel",
          "touchpoint",
          "wait_s",
          "duration_s",
          "outcome",
          "agent");
  private final List<String> contactJson = new ArrayList<>();
  private int responseSeq;
  private int eventSeq;

  @Test
  void everyGapCellAndTrendMatchesAnIndependentComputationOfTheDesignFormulas() throws IOException {
    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    Path catalog = tmp.resolve("bank-touchpoints.conf");
    write(catalog, CATALOG);
    generate();
    writeLanding(landing);

    // nightly's steps up to the two tables checked here
    runSteps(
        List.of("ingest", "conform", "gaps", "trends"),
        step ->
            cli(
                args(
                    landing,
                    warehouse,
                    catalog,
                    step,
                    "--date",
                    D.toString(),
                    "--set",
                    "cx.window-days=" + WINDOW,
                    "--set",
                    "cx.min-respondents=" + MIN_RESPONDENTS,
                    "--set",
                    "cx.segment-dimensions=[segment,region]",
                    "--set",
                    "cx.catalog=" + catalog,
                    "--set",
                    "cx.quality.max-quarantine-share=0.5")));

    List<String> diffs = new ArrayList<>();

    // ---- the landing zone was read as written: only the planted bad rows quarantined, nothing
    // lost
    List<String> quarantined = new ArrayList<>();
    for (Row r :
        table(warehouse, "bronze", "quarantine").select("source", "reason").collectAsList()) {
      quarantined.add(r.getString(0) + "|" + r.getString(1));
    }
    if (!sorted(quarantined).equals(sorted(plantedBad))) {
      diffs.add(
          "bronze.quarantine: expected " + sorted(plantedBad) + ", got " + sorted(quarantined));
    }
    long silverItems = table(warehouse, "silver", "survey_items").count();
    if (silverItems != items.size()) {
      diffs.add("silver.survey_items: expected " + items.size() + " rows, got " + silverItems);
    }
    long silverContacts = table(warehouse, "silver", "interactions").count();
    if (silverContacts != contacts.size()) {
      diffs.add(
          "silver.interactions: expected " + contacts.size() + " rows, got " + silverContacts);
    }

    // ---- gold.gap_segment_touchpoint
    Map<String, Map<String, Object>> expectedCells = expectedGapCells();
    assertThat(table(warehouse, "gold", "gap_segment_touchpoint").columns())
        .as("gold.gap_segment_touchpoint columns (DESIGN §5)")
        .containsExactlyInAnyOrderElementsOf(GapColumns.GAP_SEGMENT_TOUCHPOINT);
    Map<String, Map<String, Object>> gotCells =
        gold(warehouse, "gap_segment_touchpoint", GapColumns.GAP_SEGMENT_TOUCHPOINT);
    compareTables(
        "gap_segment_touchpoint",
        expectedCells,
        gotCells,
        GapColumns.GAP_SEGMENT_TOUCHPOINT,
        diffs);

    // ---- gold.gap_trend
    Map<String, Map<String, Object>> expectedTrend = expectedTrend();
    assertThat(table(warehouse, "gold", "gap_trend").columns())
        .as("gold.gap_trend columns")
        .contains(GapColumns.GAP_TREND.toArray(new String[0]));
    Map<String, Map<String, Object>> gotTrend = gold(warehouse, "gap_trend", GapColumns.GAP_TREND);
    compareTables("gap_trend", expectedTrend, gotTrend, GapColumns.GAP_TREND, diffs);

    assertThat(diffs)
        .as(
            "differences from the independent computation (%d cells, %d trend rows)",
            expectedCells.size(), expectedTrend.size())
        .isEmpty();

    // ---- the data exercised what it should (checked on the independent side)
    assertThat(expectedCells.values().stream().filter(c -> (Boolean) c.get("suppressed")).count())
        .as("suppressed cells")
        .isPositive();
    assertThat(expectedCells.values().stream().filter(c -> !(Boolean) c.get("suppressed")).count())
        .as("shown cells")
        .isGreaterThan(20);
    assertThat(expectedCells.keySet())
        .as("unknown segment values")
        .anyMatch(k -> k.startsWith("segment|unknown|"))
        .anyMatch(k -> k.startsWith("region|unknown|"));
    assertThat(
            expectedCells.values().stream()
                .map(c -> c.get("meets_target"))
                .filter(v -> v != null)
                .distinct())
        .as("meets_target both ways")
        .containsExactlyInAnyOrder(true, false);
    assertThat(
            expectedCells.values().stream()
                .map(c -> c.get("zot_status"))
                .filter(v -> v != null)
                .distinct())
        .as("zot_status values exercised")
        .contains("below", "within");
    assertThat(expectedCells.values().stream().filter(c -> c.get("zot_status") == null).count())
        .as("cells without zone values")
        .isPositive();
    Set<Object> directions = new TreeSet<>();
    expectedTrend.values().forEach(t -> directions.add(t.get("direction")));
    assertThat(directions)
        .containsExactlyInAnyOrder("deteriorating", "improving", "stable", "new", "suppressed");
  }

  // ------------------------------------------------------------------ the landing zone

  private void generate() {
    List<String> crmCustomers = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      crmCustomers.add(String.format(Locale.ROOT, "K%02d", i));
    }
    // ---- CRM versions
    for (String c : crmCustomers) {
      int n = Integer.parseInt(c.substring(1));
      if (n >= 39) {
        // known to the CRM only after D: surveys are accepted, but the customer is unknown as of D
        Instant t =
            n == 39 ? at(D.plusDays(1), 0, 0, 0) : randomInstant(D.plusDays(2), D.plusDays(20));
        addVersion(c, t, segment(), region(), rnd.nextInt(4));
        continue;
      }
      if (n >= 33 && n <= 35) {
        // a region that only answers in the current window: (region, islands, *) cells are new
        addVersion(
            c,
            randomInstant(D.minusDays(400), D.minusDays(300)),
            segment(),
            "islands",
            rnd.nextInt(4));
        continue;
      }
      Instant first = randomInstant(D.minusDays(400), D.minusDays(250));
      addVersion(c, first, segment(), region(), rnd.nextInt(4));
      int more = rnd.nextInt(3);
      for (int k = 0; k < more; k++) {
        addVersion(
            c,
            randomInstant(D.minusDays(249), D.plusDays(25)),
            segment(),
            region(),
            rnd.nextInt(4));
      }
    }
    // versions at the end of D: in (23:59:59Z, and 01:00+02:00 on D+1 = 23:00Z on D), out (D+1
    // 00:00 UTC)
    addVersion("K05", at(D, 23, 59, 59), "business", "north", 0);
    addVersion("K05", at(D.plusDays(1), 0, 0, 0), "premier", "south", 1);
    addVersion("K06", at(D, 23, 0, 0), "private", null, 2);
    addVersion("K07", at(D, 22, 0, 0), "retail", "east", 0);
    addVersion(
        "K07",
        at(D.plusDays(1), 1, 30, 0),
        "private",
        "north",
        2); // 2024-10-01T03:30:00+02:00: after D

    // ---- surveys
    for (String c : crmCustomers) {
      int n = Integer.parseInt(c.substring(1));
      int submissions = 4 + rnd.nextInt(9);
      for (int k = 0; k < submissions; k++) {
        Instant t =
            n >= 33 && n <= 35
                ? randomInstant(D.minusDays(WINDOW - 1), D)
                : randomInstant(D.minusDays(200), D.plusDays(3));
        submission(c, t, rnd.nextInt(4));
      }
      if (n >= 33 && n <= 35) {
        submission(
            c,
            randomInstant(D.minusDays(WINDOW - 1), D),
            rnd.nextInt(4),
            List.of("mobile_banking"));
      }
    }
    // items at the edges of both windows
    LocalDate start = D.minusDays(WINDOW - 1);
    submission("K03", at(start, 0, 0, 0), 0); // first instant of the window: in
    submission(
        "K03", at(start.minusDays(1), 23, 59, 59), 0); // last instant before it: previous window
    submission("K04", at(D, 23, 59, 59), 1); // last instant of D: in
    submission("K04", at(D.plusDays(1), 0, 0, 0), 3); // D+1 00:00, no offset: out
    submission(
        "K08", at(start.minusDays(WINDOW), 0, 0, 0), 0); // first instant of the previous window
    submission("K08", at(start.minusDays(WINDOW + 1), 23, 59, 59), 0); // before both windows
    submission(
        "K09",
        at(start, 0, 0, 0).minusSeconds(1800),
        2); // 2024-08-02T00:30+01:00 etc.: previous window
    submission("K09", at(start, 23, 30, 0), 2); // offset form of a time in the window's first day
    // bad rows: quarantined, must not count
    surveyCsv.row(
        "R-BAD1",
        ts(at(D.minusDays(3), 10, 0, 0), 0),
        "K10",
        "Vault",
        "3",
        "4",
        "",
        "",
        "",
        "",
        "bank-2024",
        "kiosk",
        "");
    plantedBad.add("surveys|unknown_touchpoint");
    surveyJson.add(
        json(
            "response_id",
            "R-BAD2",
            "customer_id",
            "NOPE",
            "responded_at",
            ts(at(D.minusDays(4), 9, 0, 0), 0),
            "touchpoint",
            "atm",
            "expectation",
            4,
            "experience",
            2));
    plantedBad.add("surveys|unknown_customer");

    // ---- interactions
    List<String> contactCustomers = new ArrayList<>(crmCustomers);
    contactCustomers.add("Z01"); // never in the CRM: 'unknown' on every dimension
    contactCustomers.add("Z02");
    Set<String> reserved = Set.of("K01|call_centre", "K02|branch", "Z01|atm");
    for (String c : contactCustomers) {
      int n = 6 + rnd.nextInt(10);
      for (int k = 0; k < n; k++) {
        String tp = TOUCHPOINTS.get(rnd.nextInt(TOUCHPOINTS.size())).id();
        if (reserved.contains(c + "|" + tp)) {
          continue;
        }
        Instant t = randomInstant(D.minusDays(130), D.plusDays(10));
        contact(c, tp, t, rnd.nextInt(4));
        double r = rnd.nextDouble();
        if (r < 0.15) {
          contact(c, tp, t.plus(SEVEN_DAYS), rnd.nextInt(4)); // exactly 7 days later: a repeat
        } else if (r < 0.25) {
          contact(c, tp, t.plus(SEVEN_DAYS).plusSeconds(1), rnd.nextInt(4)); // 1 s too late
        } else if (r < 0.5) {
          contact(c, tp, t.plusSeconds(600 + rnd.nextInt(10 * 86400)), rnd.nextInt(4));
        }
      }
    }
    // K01 / call centre: 7 days exactly (repeat); then a follow-up only after D (not a repeat)
    Instant a1 = at(D.minusDays(10), 10, 0, 0);
    contact("K01", "call_centre", a1, 0);
    contact("K01", "call_centre", a1.plus(SEVEN_DAYS), 1);
    contact("K01", "call_centre", at(D.plusDays(1), 9, 0, 0), 0);
    // K02 / branch: 7 d + 1 s (no), 3 d (yes), then 7 d + 0.2 s with millisecond timestamps (no)
    Instant b1 = at(D.minusDays(30), 8, 0, 0);
    contact("K02", "branch", b1, 0);
    contact("K02", "branch", b1.plus(SEVEN_DAYS).plusSeconds(1), 1);
    contact("K02", "branch", b1.plus(SEVEN_DAYS).plusSeconds(1).plus(Duration.ofDays(3)), 0);
    // 08:00:00.100 and, 7 days later, 08:00:00.300: 0.2 s more than 7 days, so not within 7 days
    // (a comparison of whole seconds, which drops the fractions, would call it a repeat)
    Instant b4 = at(D.minusDays(12), 8, 0, 0).plusMillis(100);
    contact("K02", "branch", b4, 0);
    contact("K02", "branch", b4.plus(SEVEN_DAYS).plusMillis(200), 0);
    // Z01 / atm: window edges, in UTC and with offsets
    contact("Z01", "atm", at(start.minusDays(1), 23, 59, 59), 0); // out (its follow-up is in)
    contact("Z01", "atm", at(start, 0, 0, 0), 0); // in
    contact(
        "Z01",
        "atm",
        at(start, 23, 0, 0),
        2); // in: 2024-08-03T01:00+02:00 or 2024-08-02T18:00-05:00
    contact("Z01", "atm", at(start.minusDays(1), 23, 0, 0), 2); // out
    contact("Z01", "atm", at(start.plusDays(4), 12, 0, 0), 0);
    contact("Z01", "atm", at(D, 23, 59, 59), 0); // in; its follow-up one second later is after D
    contact("Z01", "atm", at(D.plusDays(1), 0, 0, 0), 3); // out, no offset
    // one exact duplicate line (kept once) and two bad rows
    contactCsv.rows.add(contactCsv.rows.get(0).clone());
    contactCsv.row(
        "E-BAD1",
        ts(at(D.minusDays(2), 9, 0, 0), 0),
        "K11",
        "fax",
        "atm",
        "5",
        "60",
        "resolved",
        "");
    plantedBad.add("interactions|unknown_channel");
    contactJson.add(
        json(
            "event_id",
            "E-BAD2",
            "started_at",
            ts(at(D.minusDays(2), 9, 0, 0), 0),
            "customer_id",
            "K11",
            "channel",
            "web",
            "touchpoint",
            "atm",
            "wait_s",
            -3,
            "outcome",
            "failed"));
    plantedBad.add("interactions|out_of_range");
  }

  private String segment() {
    double r = rnd.nextDouble();
    return r < 0.40
        ? "retail"
        : r < 0.65 ? "premier" : r < 0.83 ? "business" : r < 0.88 ? "private" : null;
  }

  private String region() {
    double r = rnd.nextDouble();
    return r < 0.30 ? "north" : r < 0.60 ? "south" : r < 0.85 ? "east" : null;
  }

  private void addVersion(String customer, Instant t, String segment, String region, int style) {
    for (Version v : versions) {
      if (v.customer().equals(customer) && v.updatedAt().equals(t)) {
        return; // same id and updated_at would be a duplicate
      }
    }
    versions.add(new Version(customer, t, segment, region));
    String name = "Customer " + customer + (rnd.nextBoolean() ? ", Jr." : "");
    String email = customer.toLowerCase(Locale.ROOT) + "@bank.invalid";
    String tier = rnd.nextBoolean() ? "gold" : "";
    String signup = rnd.nextBoolean() ? D.minusDays(500 + rnd.nextInt(300)).toString() : "";
    if (rnd.nextBoolean()) {
      crmCsv.row(
          ts(t, style),
          customer,
          name,
          email,
          "+1 555 0100",
          blank(segment),
          blank(region),
          tier,
          signup);
    } else {
      List<Object> kv =
          new ArrayList<>(
              List.of(
                  "customer_id",
                  customer,
                  "updated_at",
                  ts(t, style),
                  "full_name",
                  name,
                  "email",
                  email));
      // a blank dimension is sometimes "", sometimes null, sometimes absent
      addBlankable(kv, "segment", segment);
      addBlankable(kv, "region", region);
      if (!tier.isEmpty()) {
        kv.addAll(List.of("tier", tier));
      }
      crmJson.add(json(kv.toArray()));
    }
  }

  private void addBlankable(List<Object> kv, String key, String value) {
    if (value != null) {
      kv.addAll(List.of(key, value));
      return;
    }
    int r = rnd.nextInt(3);
    if (r == 0) {
      kv.addAll(Arrays.asList(key, ""));
    } else if (r == 1) {
      kv.addAll(Arrays.asList(key, null));
    }
  }

  private void submission(String customer, Instant t, int style) {
    int k = 1 + rnd.nextInt(3);
    List<String> ids = new ArrayList<>();
    for (Tp tp : TOUCHPOINTS) {
      ids.add(tp.id());
    }
    java.util.Collections.shuffle(ids, rnd);
    submission(customer, t, style, ids.subList(0, k));
  }

  /** One survey response: item rows for the given touchpoints, all in one file. */
  private void submission(String customer, Instant t, int style, List<String> tps) {
    String responseId = String.format(Locale.ROOT, "R%05d", ++responseSeq);
    int scale = rnd.nextInt(4);
    double min = scale == 2 ? 0 : 1;
    double max = scale == 0 ? 5 : scale == 2 ? 10 : 7; // scale 3: blank, i.e. 1..7
    boolean halves = scale == 2 && rnd.nextDouble() < 0.3;
    Integer nps = rnd.nextBoolean() ? rnd.nextInt(11) : null;
    boolean toCsv = rnd.nextBoolean();
    boolean current = !LocalDate.ofInstant(t, ZoneOffset.UTC).isBefore(D.minusDays(WINDOW - 1));
    boolean threeColumn = zoneRnd.nextDouble() < 0.6;
    for (String tp : tps) {
      double expF = 0.55 + 0.35 * rnd.nextDouble();
      double shift =
          switch (tp) {
            case "atm" -> current ? 0.20 : -0.05;
            case "mobile_banking" -> -0.10;
            case "call_centre" -> current ? -0.40 : -0.15;
            default -> 0.0;
          };
      double percF = expF + shift + 0.18 * rnd.nextGaussian();
      double expectation = score(expF, min, max, halves);
      double experience = score(percF, min, max, halves);
      // adequate: usually 0..30% of the scale below the expectation, in 1 of 8 items above it
      Double adequate =
          threeColumn
              ? score(
                  expF - 0.3 * zoneRnd.nextDouble() + (zoneRnd.nextDouble() < 0.125 ? 0.35 : 0.0),
                  min,
                  max,
                  halves)
              : null;
      items.add(new Item(customer, tp, t, expectation, experience, min, max, adequate));
      String raw = spelling(tp);
      String smin = scale == 3 ? "" : num(min);
      String smax = scale == 3 ? "" : num(max);
      if (toCsv) {
        String comment = rnd.nextInt(5) == 0 ? "Waited, \"as usual\"\nsecond line" : "";
        surveyCsv.row(
            responseId,
            ts(t, style),
            customer,
            raw,
            num(expectation),
            num(experience),
            smin,
            smax,
            nps == null ? "" : nps.toString(),
            comment,
            "bank-2024",
            rnd.nextBoolean() ? "kiosk" : "web",
            adequate == null ? "" : num(adequate));
      } else {
        List<Object> kv =
            new ArrayList<>(
                List.of(
                    "response_id",
                    responseId,
                    "customer_id",
                    customer,
                    "responded_at",
                    ts(t, style),
                    "touchpoint",
                    raw));
        boolean asStrings = rnd.nextBoolean();
        kv.addAll(
            List.of(
                "expectation",
                asStrings ? num(expectation) : expectation,
                "experience",
                asStrings ? num(experience) : experience));
        if (scale != 3) {
          kv.addAll(
              List.of("scale_min", asStrings ? smin : min, "scale_max", asStrings ? smax : max));
        } else if (rnd.nextBoolean()) {
          kv.addAll(Arrays.asList("scale_min", null, "scale_max", ""));
        }
        if (nps != null) {
          kv.addAll(List.of("overall_nps", nps));
        }
        if (adequate != null) {
          kv.addAll(List.of("adequate", asStrings ? num(adequate) : adequate));
        }
        surveyJson.add(json(kv.toArray()));
      }
    }
  }

  private static double score(double f, double min, double max, boolean halves) {
    double c = Math.max(0, Math.min(1, f));
    double span = max - min;
    return min + (halves ? Math.round(c * span * 2) / 2.0 : Math.round(c * span));
  }

  private String spelling(String tp) {
    for (Tp t : TOUCHPOINTS) {
      if (t.id().equals(tp)) {
        return t.spellings().get(rnd.nextInt(t.spellings().size()));
      }
    }
    throw new IllegalArgumentException(tp);
  }

  private static final String[] CHANNELS = {"web", "APP", "Phone", "chat", "email", "Store"};
  private static final String[] OUTCOMES = {
    "resolved", "Unresolved", "abandoned", "ESCALATED", "failed", ""
  };

  private void contact(String customer, String tp, Instant t, int style) {
    for (Contact c : contacts) {
      if (c.customer().equals(customer) && c.touchpoint().equals(tp) && c.at().equals(t)) {
        return; // no two contacts of one customer and touchpoint at the same instant
      }
    }
    String eventId = String.format(Locale.ROOT, "E%05d", ++eventSeq);
    double r = rnd.nextDouble();
    Double wait =
        r < 0.2 ? null : r < 0.25 ? 0.0 : Math.round(-Math.log(1 - rnd.nextDouble()) * 1200) / 10.0;
    String outcomeRaw = OUTCOMES[rnd.nextInt(OUTCOMES.length)];
    String outcome = outcomeRaw.isEmpty() ? null : outcomeRaw.toLowerCase(Locale.ROOT);
    contacts.add(new Contact(eventId, customer, tp, t, wait, outcome));
    String channel = CHANNELS[rnd.nextInt(CHANNELS.length)];
    String duration = rnd.nextBoolean() ? num(Math.round(rnd.nextDouble() * 9000) / 10.0) : "";
    if (rnd.nextBoolean()) {
      contactCsv.row(
          eventId,
          ts(t, style),
          customer,
          channel,
          spelling(tp),
          wait == null ? "" : num(wait),
          duration,
          outcomeRaw,
          rnd.nextBoolean() ? "agent-" + rnd.nextInt(20) : "");
    } else {
      List<Object> kv =
          new ArrayList<>(
              List.of(
                  "event_id",
                  eventId,
                  "customer_id",
                  customer,
                  "channel",
                  channel,
                  "touchpoint",
                  spelling(tp),
                  "started_at",
                  ts(t, style)));
      if (wait != null) {
        kv.addAll(List.of("wait_s", rnd.nextBoolean() ? wait : (Object) num(wait)));
      } else if (rnd.nextBoolean()) {
        kv.addAll(Arrays.asList("wait_s", null));
      }
      if (outcome != null || rnd.nextBoolean()) {
        kv.addAll(List.of("outcome", outcomeRaw));
      }
      contactJson.add(json(kv.toArray()));
    }
  }

  private void writeLanding(Path landing) throws IOException {
    write(landing.resolve("customers/crm/export-2024.csv"), crmCsv.text());
    write(landing.resolve("customers/cdp/changes.jsonl"), String.join("\n", crmJson) + "\n");
    write(landing.resolve("surveys/kiosk/responses.csv"), surveyCsv.text());
    write(landing.resolve("surveys/app/2024/responses.json"), String.join("\n", surveyJson) + "\n");
    write(landing.resolve("interactions/contact_centre/contacts.csv"), contactCsv.text());
    write(
        landing.resolve("interactions/digital/events.ndjson"),
        String.join("\n", contactJson) + "\n");
  }

  // ------------------------------------------------------------------ the independent computation

  /**
   * Segment value of each customer as of D per dimension (DESIGN §4: newest updated_at at or before
   * the end of D).
   */
  private Map<String, Map<String, String>> crmAsOfD() {
    Map<String, Version> newest = new HashMap<>();
    for (Version v : versions) {
      if (v.updatedAt().isBefore(END_OF_D)) {
        Version cur = newest.get(v.customer());
        if (cur == null || v.updatedAt().isAfter(cur.updatedAt())) {
          newest.put(v.customer(), v);
        }
      }
    }
    Map<String, Map<String, String>> out = new HashMap<>();
    newest.forEach(
        (c, v) ->
            out.put(
                c,
                Map.of(
                    "segment",
                    v.segment() == null ? "unknown" : v.segment(),
                    "region",
                    v.region() == null ? "unknown" : v.region())));
    return out;
  }

  /** (dimension, value) cuts of a customer: total/all plus one per segment dimension. */
  private static List<String[]> cuts(String customer, Map<String, Map<String, String>> crm) {
    Map<String, String> v = crm.getOrDefault(customer, Map.of());
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"total", "all"});
    for (String d : List.of("segment", "region")) {
      out.add(new String[] {d, v.getOrDefault(d, "unknown")});
    }
    return out;
  }

  private static String key(String dim, String value, String tp) {
    return dim + "|" + value + "|" + tp;
  }

  private static boolean inWindow(LocalDate date, LocalDate end) {
    return !date.isBefore(end.minusDays(WINDOW - 1)) && !date.isAfter(end);
  }

  private Map<String, List<Item>> itemsByCell(
      LocalDate windowEnd, Map<String, Map<String, String>> crm) {
    Map<String, List<Item>> out = new TreeMap<>();
    for (Item i : items) {
      if (inWindow(i.date(), windowEnd)) {
        for (String[] cut : cuts(i.customer(), crm)) {
          out.computeIfAbsent(key(cut[0], cut[1], i.touchpoint()), k -> new ArrayList<>()).add(i);
        }
      }
    }
    return out;
  }

  /**
   * DESIGN §5: a repeat when the same customer contacts the same touchpoint again within 7 days
   * after it, up to the end of D.
   */
  private boolean isRepeat(Contact c) {
    Instant limit = c.at().plus(SEVEN_DAYS);
    for (Contact o : contacts) {
      if (o.customer().equals(c.customer())
          && o.touchpoint().equals(c.touchpoint())
          && o.at().isAfter(c.at())
          && !o.at().isAfter(limit)
          && o.at().isBefore(END_OF_D)) {
        return true;
      }
    }
    return false;
  }

  private Map<String, Map<String, Object>> expectedGapCells() {
    Map<String, Map<String, String>> crm = crmAsOfD();
    Map<String, List<Item>> cells = itemsByCell(D, crm);
    Map<String, List<Contact>> friction = new HashMap<>();
    Map<Contact, Boolean> repeat = new HashMap<>();
    for (Contact c : contacts) {
      if (inWindow(c.date(), D)) {
        repeat.put(c, isRepeat(c));
        for (String[] cut : cuts(c.customer(), crm)) {
          friction
              .computeIfAbsent(key(cut[0], cut[1], c.touchpoint()), k -> new ArrayList<>())
              .add(c);
        }
      }
    }
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, List<Item>> e : cells.entrySet()) {
      String[] k = e.getKey().split("\\|");
      Tp tp = TOUCHPOINTS.stream().filter(t -> t.id().equals(k[2])).findFirst().orElseThrow();
      List<Item> is = e.getValue();
      long respondents = is.stream().map(Item::customer).distinct().count();
      long n = is.size();
      boolean shown = respondents >= MIN_RESPONDENTS;
      double[] gaps = is.stream().mapToDouble(Item::gap).toArray();
      double gapMean = mean(gaps);
      Double sd = n >= 2 ? sampleSd(gaps) : null;
      Double half =
          n >= 2
              ? new TDistribution(n - 1.0).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n)
              : null;
      List<Contact> cs = friction.getOrDefault(e.getKey(), List.of());
      List<Double> waits = new ArrayList<>();
      cs.forEach(
          c -> {
            if (c.waitS() != null) {
              waits.add(c.waitS());
            }
          });
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("as_of_date", D);
      row.put("window_days", WINDOW);
      row.put("segment_dimension", k[0]);
      row.put("segment_value", k[1]);
      row.put("touchpoint", k[2]);
      row.put("journey_stage", tp.stage());
      row.put("dimension", tp.dimension());
      row.put("respondents", respondents);
      row.put("responses", n);
      row.put(
          "expectation_mean",
          shown ? mean(is.stream().mapToDouble(Item::expectationNorm).toArray()) : null);
      row.put(
          "experience_mean",
          shown ? mean(is.stream().mapToDouble(Item::experienceNorm).toArray()) : null);
      row.put("gap_mean", shown ? gapMean : null);
      row.put("gap_stddev", shown ? sd : null);
      row.put("gap_ci95_low", shown && half != null ? gapMean - half : null);
      row.put("gap_ci95_high", shown && half != null ? gapMean + half : null);
      row.put(
          "negative_gap_share",
          shown ? Arrays.stream(gaps).filter(g -> g < 0).count() / (double) n : null);
      row.put("target_gap", tp.targetGap());
      row.put("meets_target", shown ? gapMean >= tp.targetGap() : null);
      row.put("contacts", (long) cs.size());
      boolean rates = shown && !cs.isEmpty();
      row.put(
          "repeat_contact_rate",
          rates ? cs.stream().filter(repeat::get).count() / (double) cs.size() : null);
      row.put(
          "abandonment_rate",
          rates
              ? cs.stream().filter(c -> "abandoned".equals(c.outcome())).count()
                  / (double) cs.size()
              : null);
      row.put(
          "failure_rate",
          rates
              ? cs.stream()
                      .filter(c -> "failed".equals(c.outcome()) || "unresolved".equals(c.outcome()))
                      .count()
                  / (double) cs.size()
              : null);
      row.put(
          "avg_wait_s",
          shown && !waits.isEmpty()
              ? mean(waits.stream().mapToDouble(Double::doubleValue).toArray())
              : null);
      row.put("p90_wait_s", shown ? p90(waits) : null);
      row.put("suppressed", !shown);
      zone(row, is, shown, half == null ? null : gapMean - half);
      out.put(e.getKey(), row);
    }
    return out;
  }

  /**
   * DESIGN §5 zone of tolerance: over the items with an adequate answer that is no inversion; null
   * without such items or when suppressed; zot_inversions null without any adequate answer.
   */
  private static void zone(
      Map<String, Object> row, List<Item> is, boolean shown, Double gapCi95Low) {
    List<Item> zoned = is.stream().filter(i -> i.msa() != null).toList();
    long answered = is.stream().filter(i -> i.adequate() != null).count();
    long inversions = answered - zoned.size();
    boolean z = shown && !zoned.isEmpty();
    int n = zoned.size();
    double[] msa = zoned.stream().mapToDouble(Item::msa).toArray();
    Double mean = z ? mean(msa) : null;
    Double half =
        z && n >= 2
            ? new TDistribution(n - 1.0).inverseCumulativeProbability(0.975)
                * sampleSd(msa)
                / Math.sqrt(n)
            : null;
    row.put(
        "adequate_mean", z ? mean(zoned.stream().mapToDouble(Item::adequateNorm).toArray()) : null);
    row.put("msa_mean", mean);
    row.put("msa_ci95_low", half == null ? null : mean - half);
    row.put("msa_ci95_high", half == null ? null : mean + half);
    row.put(
        "below_adequate_share",
        z ? Arrays.stream(msa).filter(m -> m < 0).count() / (double) n : null);
    row.put("zot_inversions", shown && answered > 0 ? inversions : null);
    String status = null;
    if (z) {
      status =
          half != null && mean + half < 0
              ? "below"
              : gapCi95Low != null && gapCi95Low > 0 ? "above" : "within";
    }
    row.put("zot_status", status);
  }

  private Map<String, Map<String, Object>> expectedTrend() {
    Map<String, Map<String, String>> crm =
        crmAsOfD(); // both windows are cut by the CRM state as of D
    Map<String, List<Item>> cur = itemsByCell(D, crm);
    Map<String, List<Item>> prev = itemsByCell(D.minusDays(WINDOW), crm);
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map.Entry<String, List<Item>> e : cur.entrySet()) {
      String[] k = e.getKey().split("\\|");
      List<Item> c = e.getValue();
      List<Item> p = prev.getOrDefault(e.getKey(), List.of());
      long r1 = c.stream().map(Item::customer).distinct().count();
      long r0 = p.stream().map(Item::customer).distinct().count();
      boolean isNew = p.isEmpty();
      boolean suppressed = r1 < MIN_RESPONDENTS || (!isNew && r0 < MIN_RESPONDENTS);
      double[] g1 = c.stream().mapToDouble(Item::gap).toArray();
      double[] g0 = p.stream().mapToDouble(Item::gap).toArray();
      Double delta = null;
      Double pValue = null;
      String direction;
      if (suppressed) {
        direction = "suppressed";
      } else if (isNew) {
        direction = "new";
      } else {
        delta = mean(g1) - mean(g0);
        pValue = new TTest().tTest(g1, g0); // Welch, two-sided, from the raw samples
        direction = null; // decided on the q-value below
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("as_of_date", D);
      row.put("window_days", WINDOW);
      row.put("segment_dimension", k[0]);
      row.put("segment_value", k[1]);
      row.put("touchpoint", k[2]);
      row.put("gap_mean", suppressed ? null : mean(g1));
      row.put("previous_gap_mean", suppressed || isNew ? null : mean(g0));
      row.put("delta", delta);
      row.put("p_value", pValue);
      row.put("q_value", null);
      row.put("direction", direction);
      row.put("respondents", r1);
      row.put("previous_respondents", r0);
      row.put("responses", (long) c.size());
      row.put("previous_responses", (long) p.size());
      row.put("suppressed", suppressed);
      out.put(e.getKey(), row);
    }
    benjaminiHochberg(out.values());
    return out;
  }

  /**
   * q-values by the definition (DESIGN.md §5), written out as its two loops: q(i) = min over j >= i
   * of m·p(j)/j, capped at 1; then the direction of each tested row on q < 0.05.
   */
  private static void benjaminiHochberg(Collection<Map<String, Object>> rows) {
    List<Map<String, Object>> tested = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      if (r.get("p_value") != null) {
        tested.add(r);
      }
    }
    tested.sort(Comparator.comparingDouble(r -> (Double) r.get("p_value")));
    int m = tested.size();
    for (int i = 0; i < m; i++) {
      double q = 1.0;
      for (int j = i; j < m; j++) {
        q = Math.min(q, m * (Double) tested.get(j).get("p_value") / (j + 1));
      }
      Map<String, Object> r = tested.get(i);
      double delta = (Double) r.get("delta");
      boolean significant = q < ALPHA;
      r.put("q_value", q);
      r.put(
          "direction",
          delta <= -MIN_DELTA && significant
              ? "deteriorating"
              : delta >= MIN_DELTA && significant ? "improving" : "stable");
    }
  }

  private static double mean(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s / xs.length;
  }

  private static double sampleSd(double[] xs) {
    double m = mean(xs);
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / (xs.length - 1));
  }

  /** Linear interpolation between closest ranks at 0.9·(m−1) (numpy's default). */
  private static Double p90(List<Double> waits) {
    if (waits.isEmpty()) {
      return null;
    }
    double[] s = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double pos = 0.9 * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  // ------------------------------------------------------------------ comparison

  private static Map<String, Map<String, Object>> gold(
      Path warehouse, String name, List<String> columns) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    List<Row> rows =
        table(warehouse, "gold", name)
            .where(col("as_of_date").equalTo(lit(D.toString()).cast("date")))
            .select(columns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
            .collectAsList();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : columns) {
        m.put(c, r.getAs(c));
      }
      String k =
          key(
              (String) m.get("segment_dimension"),
              (String) m.get("segment_value"),
              (String) m.get("touchpoint"));
      if (out.put(k, m) != null) {
        out.put(k + "|DUPLICATE", m);
      }
    }
    return out;
  }

  private static void compareTables(
      String table,
      Map<String, Map<String, Object>> expected,
      Map<String, Map<String, Object>> got,
      List<String> columns,
      List<String> diffs) {
    Set<String> missing = new TreeSet<>(expected.keySet());
    missing.removeAll(got.keySet());
    Set<String> extra = new TreeSet<>(got.keySet());
    extra.removeAll(expected.keySet());
    missing.forEach(
        k -> diffs.add(table + " " + k + ": row missing (expected " + expected.get(k) + ")"));
    extra.forEach(k -> diffs.add(table + " " + k + ": unexpected row " + got.get(k)));
    for (String k : expected.keySet()) {
      Map<String, Object> g = got.get(k);
      if (g == null) {
        continue;
      }
      for (String c : columns) {
        Object e = expected.get(k).get(c);
        Object a = g.get(c);
        if (!same(e, a)) {
          diffs.add(table + " " + k + " " + c + ": expected " + e + ", got " + a);
        }
      }
    }
  }

  private static boolean same(Object e, Object a) {
    if (e == null || a == null) {
      return e == null && a == null;
    }
    if (e instanceof Double x) {
      double y = ((Number) a).doubleValue();
      return Math.abs(x - y) <= 1e-9 * Math.max(1.0, Math.abs(x));
    }
    if (e instanceof Long || e instanceof Integer) {
      return a instanceof Number n
          && !(a instanceof Double)
          && n.longValue() == ((Number) e).longValue();
    }
    if (e instanceof LocalDate d) {
      return a instanceof java.sql.Date s && s.toLocalDate().equals(d);
    }
    return e.equals(a);
  }

  // ------------------------------------------------------------------ writing helpers

  private static Instant at(LocalDate day, int h, int m, int s) {
    return day.atTime(h, m, s).toInstant(ZoneOffset.UTC);
  }

  /** A whole-second instant, uniform over the days from..to inclusive. */
  private Instant randomInstant(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay() + 1;
    long second = (long) (rnd.nextDouble() * days * 86400);
    return from.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(second);
  }

  /**
   * Style 0: ISO with Z; 1: "yyyy-MM-dd HH:mm:ss" without offset (UTC); 2: ISO with a +02:00 or
   * -05:00 offset; 3: ISO local "yyyy-MM-ddTHH:mm:ss" without offset (UTC).
   */
  private static String ts(Instant t, int style) {
    String frac = t.getNano() != 0 ? ".SSS" : "";
    return switch (style) {
      case 0 -> DateTimeFormatter.ISO_INSTANT.format(t);
      case 1 ->
          LocalDateTime.ofInstant(t, ZoneOffset.UTC)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss" + frac, Locale.ROOT));
      case 2 ->
          t.atOffset(ZoneOffset.ofHours(t.getEpochSecond() % 2 == 0 ? 2 : -5))
              .format(
                  DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss" + frac + "xxx", Locale.ROOT));
      default ->
          LocalDateTime.ofInstant(t, ZoneOffset.UTC)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss" + frac, Locale.ROOT));
    };
  }

  private static String num(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }

  private static String blank(String s) {
    return s == null ? "" : s;
  }

  private static List<String> sorted(List<String> xs) {
    List<String> s = new ArrayList<>(xs);
    java.util.Collections.sort(s);
    return s;
  }

  /**
   * One JSON object from key, value pairs; a Double or Integer value is written as a JSON number.
   */
  private static String json(Object... kv) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < kv.length; i += 2) {
      if (i > 0) {
        b.append(',');
      }
      b.append(quote((String) kv[i])).append(':');
      Object v = kv[i + 1];
      if (v == null) {
        b.append("null");
      } else if (v instanceof Double d) {
        b.append(num(d));
      } else if (v instanceof Integer n) {
        b.append(n);
      } else {
        b.append(quote(v.toString()));
      }
    }
    return b.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(ch);
      }
    }
    return b.append('"').toString();
  }

  /** An RFC 4180 CSV file: fields with a comma, quote, line break or edge space are quoted. */
  static final class Csv {
    final String[] header;
    final List<String[]> rows = new ArrayList<>();

    Csv(String... header) {
      this.header = header;
    }

    void row(String... fields) {
      if (fields.length != header.length) {
        throw new IllegalArgumentException(
            "expected " + header.length + " fields, got " + fields.length);
      }
      rows.add(fields);
    }

    String text() {
      StringBuilder b = new StringBuilder(line(header));
      rows.forEach(r -> b.append(line(r)));
      return b.toString();
    }

    private static String line(String[] fields) {
      List<String> out = new ArrayList<>();
      for (String f : fields) {
        boolean q =
            f.contains(",")
                || f.contains("\"")
                || f.contains("\n")
                || (!f.isEmpty() && (f.charAt(0) == ' ' || f.charAt(f.length() - 1) == ' '));
        out.add(q ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
      }
      return String.join(",", out) + "\r\n";
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

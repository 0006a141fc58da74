package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A landing zone that someone else wrote to DESIGN.md §4, for a hotel with its own touchpoint
 * catalog: CRM rows as CSV (other column order, mixed-case header, no phone column, extra columns)
 * and as typed Parquet; survey responses as JSON lines (numbers as JSON numbers and as strings) and
 * as CSV with another column order and an RFC 4180 multi-line comment; interactions as CSV. Every
 * file carries an extra {@code row_tag} column, so each quarantined row can be recognised from its
 * {@code raw} text.
 *
 * <p>Known bad rows are planted, at least one per quarantine reason of docs/landing-format.md, plus
 * duplicates; the test asserts that bronze.quarantine holds exactly them and that the good rows
 * reach bronze and silver with the hand-computed touchpoint ids and normalised scores.
 */
class ForeignLandingZoneTest extends JobsTestBase {
  private static final String D = "2024-06-30";

  @TempDir Path tmp;

  /** One planted bad row: where, why, the column or value named in detail (null: not checked). */
  record Bad(String source, String reason, String detail, String tag, String file) {}

  private final List<Bad> planted = new ArrayList<>();

  private static final String CATALOG =
      """
      # a hotel, not our demo company
      touchpoints = [
        { id = "check_in", name = "Arrival and check-in", journey-stage = "onboarding", dimension = "responsiveness",
          aliases = ["Front desk", "Check-in"], target-gap = 0 }
        { id = "room", name = "Guest room", journey-stage = "usage", dimension = "tangibles",
          aliases = ["Bedroom", "Zimmer"], target-gap = 5 }
        { id = "breakfast", name = "Breakfast buffet", journey-stage = "usage", dimension = "empathy",
          aliases = ["Frühstück", "restaurant"] }
        { id = "checkout_desk", name = "Check-out", journey-stage = "renewal", dimension = "reliability",
          aliases = ["Checkout", "Departure"], target-gap = 0 }
      ]
      """;

  @Test
  void foreignLandingZoneQuarantinesExactlyThePlantedRowsAndConformsTheRest() throws IOException {
    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    Path catalog = tmp.resolve("hotel-touchpoints.conf");
    write(catalog, CATALOG);
    writeCustomers(landing);
    writeSurveys(landing);
    writeInteractions(landing);

    // the steps that bring a landing zone to bronze and silver (IndependentGapComputationTest
    // takes a foreign catalog through the gold steps)
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
                    "cx.quality.max-quarantine-share=0.9")));

    // ---- quarantine: exactly the planted rows
    Dataset<Row> q = table(warehouse, "bronze", "quarantine");
    List<Row> got =
        q.select(
                col("source"),
                col("reason"),
                col("detail"),
                regexp_extract(col("raw"), "tag-[a-z0-9_]+", 0),
                regexp_extract(col("file"), "[^/]+$", 0),
                col("run_id"))
            .collectAsList();
    Set<Bad> actual = new HashSet<>();
    for (Row r : got) {
      assertThat(r.getString(5)).as("run_id").isNotBlank();
      boolean checkDetail =
          planted.stream().anyMatch(b -> b.tag().equals(r.getString(3)) && b.detail() != null);
      actual.add(
          new Bad(
              r.getString(0),
              r.getString(1),
              checkDetail ? r.getString(2) : null,
              r.getString(3),
              r.getString(4)));
    }
    assertThat(got).as("one quarantine row per planted bad row").hasSize(planted.size());
    assertThat(actual).containsExactlyInAnyOrderElementsOf(planted);
    Set<String> reasons = new HashSet<>();
    planted.forEach(b -> reasons.add(b.reason()));
    assertThat(reasons)
        .containsExactlyInAnyOrder(
            "malformed",
            "missing_required",
            "bad_timestamp",
            "bad_number",
            "out_of_range",
            "unknown_customer",
            "unknown_touchpoint",
            "unknown_channel",
            "unknown_outcome");

    // ---- run log: read = accepted + quarantined + duplicates, per source
    Map<String, Long> counts =
        table(warehouse, "gold", "pipeline_run")
            .where(col("job").equalTo("ingest"))
            .select("counts")
            .collectAsList()
            .get(0)
            .getJavaMap(0);
    assertCounts(counts, "customers", 11, 7, 3, 1);
    assertCounts(counts, "surveys", 22, 7, 14, 1);
    assertCounts(counts, "interactions", 12, 4, 7, 1);

    // ---- bronze customers: typed, PII kept only here, the Parquet rows included
    Dataset<Row> bronzeCustomers = table(warehouse, "bronze", "customers");
    assertThat(bronzeCustomers.count()).isEqualTo(7);
    assertThat(
            strings(
                bronzeCustomers.where(col("customer_id").equalTo("G4")),
                "segment",
                "region",
                "tier",
                "signup_date",
                "updated_at"))
        .containsExactly("business|EU|silver|2023-03-03|2024-04-01 00:00:00");
    assertThat(
            strings(bronzeCustomers.where(col("customer_id").equalTo("G2")), "full_name", "phone"))
        .containsExactly("Bo, Jr.|null");

    // ---- silver customers as of D: newest version at or before D, blanks become unknown, no PII
    Dataset<Row> customers =
        table(warehouse, "silver", "customers")
            .where(col("as_of_date").equalTo(lit(D).cast("date")));
    assertThat(strings(customers, "customer_id", "segment", "region", "tier"))
        .containsExactlyInAnyOrder(
            "G1|leisure|EU|platinum",
            "G2|business|US|unknown",
            "G3|unknown|APAC|silver",
            "G4|business|EU|silver",
            "G5|leisure|US|gold");

    // ---- bronze surveys: the accepted rows, touchpoints resolved through the hotel catalog
    assertThat(
            strings(
                table(warehouse, "bronze", "surveys"),
                "response_id",
                "customer_id",
                "touchpoint",
                "scale_min",
                "scale_max"))
        .containsExactlyInAnyOrder(
            "S1|G1|check_in|1.0|7.0",
            "S1|G1|breakfast|1.0|7.0",
            "S2|G2|room|0.0|10.0",
            "S3|G3|check_in|1.0|7.0",
            "S3|G3|checkout_desk|1.0|7.0",
            "S4|G4|room|1.0|7.0",
            "S5|G5|checkout_desk|1.0|5.0");

    // ---- silver survey items: norm = 100 (x - min) / (max - min), gap = norm(experience) -
    // norm(expectation)
    Map<String, double[]> expected = new HashMap<>();
    // key -> {expectation_norm, experience_norm, gap, overall_nps (NaN = null)}
    expected.put("S1|check_in", new double[] {500.0 / 6, 50.0, -200.0 / 6, 7});
    expected.put("S1|breakfast", new double[] {400.0 / 6, 100.0, 200.0 / 6, 7});
    expected.put("S2|room", new double[] {80.0, 90.0, 10.0, Double.NaN});
    expected.put("S3|check_in", new double[] {50.0, 500.0 / 6, 200.0 / 6, 9});
    expected.put("S3|checkout_desk", new double[] {100.0, 100.0, 0.0, 9});
    expected.put("S4|room", new double[] {200.0 / 6, 100.0 / 6, -100.0 / 6, Double.NaN});
    expected.put("S5|checkout_desk", new double[] {25.0, 100.0, 75.0, 10});
    Map<String, String> dates =
        Map.of(
            "S1",
            "2024-06-20",
            "S2",
            "2024-06-21",
            "S3",
            "2024-06-25",
            "S4",
            "2024-06-26",
            "S5",
            "2024-06-27");
    Dataset<Row> items = table(warehouse, "silver", "survey_items");
    List<Row> itemRows =
        items
            .select(
                concat_ws("|", col("response_id"), col("touchpoint")),
                col("expectation_norm"),
                col("experience_norm"),
                col("gap"),
                col("overall_nps"),
                col("response_id"),
                col("response_date").cast("string"),
                col("comment"))
            .collectAsList();
    assertThat(itemRows).hasSize(expected.size());
    for (Row r : itemRows) {
      double[] e = expected.get(r.getString(0));
      assertThat(e).as("unexpected silver item " + r.getString(0)).isNotNull();
      assertThat(r.getDouble(1))
          .as(r.getString(0) + " expectation_norm")
          .isCloseTo(e[0], within(1e-9));
      assertThat(r.getDouble(2))
          .as(r.getString(0) + " experience_norm")
          .isCloseTo(e[1], within(1e-9));
      assertThat(r.getDouble(3)).as(r.getString(0) + " gap").isCloseTo(e[2], within(1e-9));
      if (Double.isNaN(e[3])) {
        assertThat(r.isNullAt(4)).as(r.getString(0) + " overall_nps is null").isTrue();
      } else {
        assertThat(r.getDouble(4)).as(r.getString(0) + " overall_nps").isEqualTo(e[3]);
      }
      assertThat(r.getString(6))
          .as(r.getString(0) + " response_date")
          .isEqualTo(dates.get(r.getString(5)));
    }
    Map<String, String> comments = new HashMap<>();
    itemRows.forEach(r -> comments.put(r.getString(0), r.getString(7)));
    assertThat(comments.get("S3|check_in")).isEqualTo("Great stay, \"really\" nice\nwould return");
    assertThat(comments.get("S2|room")).isEqualTo("quiet, clean");

    // ---- silver interactions: resolved touchpoints, lower-cased channel and outcome, duplicate
    // kept once
    assertThat(
            strings(
                table(warehouse, "silver", "interactions"),
                "event_id",
                "customer_id",
                "channel",
                "touchpoint",
                "started_at",
                "contact_date",
                "wait_s",
                "duration_s",
                "outcome"))
        .containsExactlyInAnyOrder(
            "E1|G1|phone|check_in|2024-06-20 09:55:00|2024-06-20|30.0|200.0|resolved",
            "E2|G2|chat|room|2024-06-21 07:30:00|2024-06-21|0.0|50.5|escalated",
            "E3|G3|web|breakfast|2024-06-22 08:00:00|2024-06-22|null|null|null",
            "E4|G404|email|checkout_desk|2024-06-29 23:59:59|2024-06-29|10.0|60.0|abandoned");

    // ---- no personal data in silver
    for (String t : List.of("customers", "survey_items", "interactions")) {
      Dataset<Row> s = table(warehouse, "silver", t);
      assertThat(s.columns()).as("silver." + t).doesNotContain("full_name", "email", "phone");
      Column all =
          to_json(
              struct(
                  java.util.Arrays.stream(s.columns())
                      .map(c -> col("`" + c + "`"))
                      .toArray(Column[]::new)));
      assertThat(s.where(all.contains("@hotel.invalid").or(all.contains("Ana Souza"))).count())
          .as("silver." + t + " holds no name or e-mail")
          .isZero();
    }
  }

  @Test
  void surveysFileWithoutRespondedAtIsAUsageErrorNamingColumnAndFile() throws IOException {
    Zone z = zoneWithFileMissingRespondedAt();
    Outcome o = cli(args(z.landing(), z.warehouse(), z.catalog(), "ingest", "--date", D));
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err()).contains("responded_at").contains("no_time.csv");
    assertThat(o.err())
        .as("a message, not a stack trace")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(Files.exists(z.warehouse().resolve("bronze/surveys")))
        .as("nothing of the file reached bronze")
        .isFalse();
  }

  /**
   * The exit-2 message says "add the column or move the file out of the landing zone"; after the
   * file is moved out (and a good one arrives), the next ingest must succeed.
   */
  @Test
  void afterTheFileMissingAColumnIsMovedOutTheNextIngestSucceeds() throws IOException {
    Zone z = zoneWithFileMissingRespondedAt();
    assertThat(cli(args(z.landing(), z.warehouse(), z.catalog(), "ingest", "--date", D)).code())
        .isEqualTo(2);
    Files.move(z.bad(), tmp.resolve("no_time.csv"));
    write(
        z.landing().resolve("surveys/partner/fixed.csv"),
        "response_id,customer_id,touchpoint,expectation,experience,responded_at\nS1,G1,Front desk,6,4,2024-06-20T10:00:00Z\n");

    Outcome o = cli(args(z.landing(), z.warehouse(), z.catalog(), "ingest", "--date", D));
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(
            strings(
                table(z.warehouse(), "bronze", "surveys"),
                "response_id",
                "touchpoint",
                "expectation",
                "experience"))
        .containsExactly("S1|check_in|6.0|4.0");
  }

  record Zone(Path landing, Path warehouse, Path catalog, Path bad) {}

  private Zone zoneWithFileMissingRespondedAt() throws IOException {
    Path landing = tmp.resolve("landing2");
    Path catalog = tmp.resolve("hotel-touchpoints.conf");
    write(catalog, CATALOG);
    write(
        landing.resolve("customers/guests.csv"),
        "customer_id,updated_at,segment\nG1,2024-05-01T08:00:00Z,leisure\n");
    Files.createDirectories(landing.resolve("interactions"));
    Path bad = landing.resolve("surveys/partner/no_time.csv");
    write(bad, "response_id,customer_id,touchpoint,expectation,experience\nS1,G1,Front desk,6,4\n");
    return new Zone(landing, tmp.resolve("warehouse2"), catalog, bad);
  }

  // ------------------------------------------------------------------ the foreign landing zone

  private void writeCustomers(Path landing) throws IOException {
    String file = "guests.csv";
    StringBuilder b =
        new StringBuilder(
            "Updated_At,tier,Customer_ID,region,email,segment,full_name,signup_date,loyalty_points,row_tag\n");
    b.append(
        "2024-05-01T08:00:00Z,gold,G1,EU,ana@hotel.invalid,leisure,Ana Souza,2023-01-10,1200,tag-c_g1_v1\n");
    b.append(
        "2024-06-15 12:00:00,platinum,G1,EU,ana@hotel.invalid,leisure,Ana Souza,2023-01-10,5400,tag-c_g1_v2\n");
    b.append(
        "2024-07-05T00:00:00Z,diamond,G1,EU,ana@hotel.invalid,leisure,Ana Souza,2023-01-10,9000,tag-c_g1_after_d\n");
    b.append("2024-05-02 09:30:00,,G2,US,bo@hotel.invalid,business,\"Bo, Jr.\",,0,tag-c_g2\n");
    b.append("2024-05-03T10:00:00Z,silver,G3,APAC,,,Chen Li,2022-11-30,10,tag-c_g3\n");
    b.append("2024-05-03T10:00:00Z,silver,G3,APAC,,,Chen Li,2022-11-30,10,tag-c_g3\n"); // duplicate
    // version
    b.append("2024-05-04T10:00:00Z,gold,,EU,x@hotel.invalid,leisure,No Id,,,tag-c_missing_id\n");
    plant("customers", "missing_required", "customer_id", "tag-c_missing_id", file);
    b.append("last tuesday,gold,G9,EU,,leisure,Bad Time,,,tag-c_bad_updated_at\n");
    plant("customers", "bad_timestamp", "updated_at", "tag-c_bad_updated_at", file);
    b.append("2024-05-04T10:00:00Z,gold,G8,EU,,leisure,Bad Signup,31/02/2024,,tag-c_bad_signup\n");
    plant("customers", "bad_timestamp", "signup_date", "tag-c_bad_signup", file);
    write(landing.resolve("customers/pms/" + file), b.toString());

    // a typed Parquet export of two more guests: timestamp and date columns, no email or phone
    StructType schema =
        new StructType()
            .add("row_tag", DataTypes.StringType)
            .add("updated_at", DataTypes.TimestampType)
            .add("segment", DataTypes.StringType)
            .add("customer_id", DataTypes.StringType)
            .add("region", DataTypes.StringType)
            .add("tier", DataTypes.StringType)
            .add("full_name", DataTypes.StringType)
            .add("signup_date", DataTypes.DateType);
    List<Row> rows =
        List.of(
            RowFactory.create(
                "tag-c_g4",
                Timestamp.from(Instant.parse("2024-04-01T00:00:00Z")),
                "business",
                "G4",
                "EU",
                "silver",
                "Dana K",
                java.sql.Date.valueOf(LocalDate.parse("2023-03-03"))),
            RowFactory.create(
                "tag-c_g5",
                Timestamp.from(Instant.parse("2024-04-02T00:00:00Z")),
                "leisure",
                "G5",
                "US",
                "gold",
                "Eli M",
                null));
    spark()
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .parquet(landing.resolve("customers/pms_parquet").toString());
  }

  private void writeSurveys(Path landing) throws IOException {
    String json = "responses-2024-06.jsonl";
    StringBuilder j = new StringBuilder();
    j.append(
            "{\"customer_id\":\"G1\",\"response_id\":\"S1\",\"touchpoint\":\"Front desk\",\"expectation\":6,\"experience\":4,")
        .append(
            "\"overall_nps\":7,\"responded_at\":\"2024-06-20T10:00:00Z\",\"row_tag\":\"tag-s1_front_desk\",\"device\":\"ios\"}\n");
    j.append(
            "{\"response_id\":\"S1\",\"customer_id\":\"G1\",\"touchpoint\":\"FRÜHSTÜCK\",\"expectation\":\"5\",\"experience\":\"7\",")
        .append(
            "\"overall_nps\":\"7\",\"responded_at\":\"2024-06-20T10:00:00Z\",\"row_tag\":\"tag-s1_breakfast\"}\n");
    j.append(
            "{\"response_id\":\"S2\",\"customer_id\":\"G2\",\"touchpoint\":\"room\",\"expectation\":8,\"experience\":9,")
        .append(
            "\"scale_min\":0,\"scale_max\":10,\"responded_at\":\"2024-06-21 08:00:00\",\"comment\":\"quiet, clean\",\"row_tag\":\"tag-s2_room\"}\n");
    j.append("\n"); // a blank line is no record
    j.append(
        "{\"response_id\":\"S-BAD\",\"row_tag\":\"tag-s_malformed_json\",\"expectation\":5,\n");
    plant("surveys", "malformed", null, "tag-s_malformed_json", json);
    j.append(
            "{\"response_id\":\"S6\",\"customer_id\":\"G1\",\"touchpoint\":\"room\",\"expectation\":5,\"experience\":5,")
        .append("\"row_tag\":\"tag-s_missing_responded_at\"}\n");
    plant("surveys", "missing_required", "responded_at", "tag-s_missing_responded_at", json);
    j.append(
            "{\"response_id\":\"S7\",\"customer_id\":\"G1\",\"responded_at\":\"2024-06-22T10:00:00Z\",\"touchpoint\":\"room\",")
        .append("\"expectation\":\"six\",\"experience\":5,\"row_tag\":\"tag-s_bad_number\"}\n");
    plant("surveys", "bad_number", "expectation", "tag-s_bad_number", json);
    j.append(
            "{\"response_id\":\"S8\",\"customer_id\":\"G1\",\"responded_at\":\"2024-06-22T10:00:00Z\",\"touchpoint\":\"Bedroom\",")
        .append("\"expectation\":5,\"experience\":9,\"row_tag\":\"tag-s_out_of_range\"}\n");
    plant("surveys", "out_of_range", "experience", "tag-s_out_of_range", json);
    j.append(
            "{\"response_id\":\"S9\",\"customer_id\":\"G404\",\"responded_at\":\"2024-06-22T10:00:00Z\",\"touchpoint\":\"Bedroom\",")
        .append("\"expectation\":5,\"experience\":5,\"row_tag\":\"tag-s_unknown_customer\"}\n");
    plant("surveys", "unknown_customer", "G404", "tag-s_unknown_customer", json);
    j.append(
            "{\"response_id\":\"S10\",\"customer_id\":\"G1\",\"responded_at\":\"2024-06-22T10:00:00Z\",\"touchpoint\":\"Spa\",")
        .append(
            "\"expectation\":5,\"experience\":5,\"row_tag\":\"tag-s_unknown_touchpoint_spa\"}\n");
    plant("surveys", "unknown_touchpoint", "Spa", "tag-s_unknown_touchpoint_spa", json);
    // a touchpoint of the default catalog: unknown here, so the run really used the hotel catalog
    j.append(
            "{\"response_id\":\"S11\",\"customer_id\":\"G1\",\"responded_at\":\"2024-06-22T10:00:00Z\",\"touchpoint\":\"billing\",")
        .append(
            "\"expectation\":5,\"experience\":5,\"row_tag\":\"tag-s_unknown_touchpoint_billing\"}\n");
    plant("surveys", "unknown_touchpoint", "billing", "tag-s_unknown_touchpoint_billing", json);
    write(landing.resolve("surveys/app/" + json), j.toString());

    String csv = "feedback.csv";
    StringBuilder c =
        new StringBuilder(
            "Row_Tag,comment,experience,TouchPoint,expectation,customer_id,responded_at,response_id,overall_nps,survey_id,scale_max,scale_min\n");
    c.append(
        "tag-s3_checkin,\"Great stay, \"\"really\"\" nice\nwould return\",6,Check-in,4,G3,2024-06-25T18:00:00Z,S3,9,hotel-2024,,\n");
    c.append("tag-s3_checkout,, 7 ,  Checkout ,7,G3,2024-06-25T18:00:00Z,S3,9,hotel-2024,,\n");
    c.append("tag-s4_bedroom,,2,Bedroom,3,G4,2024-06-26T07:00:00Z,S4,,hotel-2024,,\n");
    c.append("tag-s5_departure,,5,Departure,2,G5,2024-06-27T11:00:00Z,S5,10,hotel-2024,5,1\n");
    // the same answer again under another alias of the same touchpoint: a duplicate, dropped
    c.append(
        "tag-s3_front_desk_dup,\"Great stay, \"\"really\"\" nice\nwould return\",6,front desk,4,G3,2024-06-25T18:00:00Z,S3,9,hotel-2024,,\n");
    c.append("tag-s_bad_ts,,5,Bedroom,5,G1,2024-13-45 25:00,S12,,hotel-2024,,\n");
    plant("surveys", "bad_timestamp", "responded_at", "tag-s_bad_ts", csv);
    c.append("tag-s_malformed_csv,too,few\n");
    plant("surveys", "malformed", null, "tag-s_malformed_csv", csv);
    c.append("tag-s_nps_11,,5,Bedroom,5,G1,2024-06-26T07:00:00Z,S13,11,hotel-2024,,\n");
    plant("surveys", "out_of_range", "overall_nps", "tag-s_nps_11", csv);
    c.append("tag-s_bad_scale,,5,Bedroom,5,G1,2024-06-26T07:00:00Z,S14,,hotel-2024,5,5\n");
    plant("surveys", "out_of_range", "scale_min", "tag-s_bad_scale", csv);
    c.append("tag-s_missing_expectation,,5,Bedroom,,G1,2024-06-26T07:00:00Z,S15,,hotel-2024,,\n");
    plant("surveys", "missing_required", "expectation", "tag-s_missing_expectation", csv);
    c.append("tag-s_customer_quarantined,,5,Bedroom,5,G9,2024-06-26T07:00:00Z,S16,,hotel-2024,,\n");
    plant("surveys", "unknown_customer", "G9", "tag-s_customer_quarantined", csv);
    c.append("tag-s_bad_nps,,5,Bedroom,5,G1,2024-06-26T07:00:00Z,S17,n/a,hotel-2024,,\n");
    plant("surveys", "bad_number", "overall_nps", "tag-s_bad_nps", csv);
    write(landing.resolve("surveys/kiosk/" + csv), c.toString());
  }

  private void writeInteractions(Path landing) throws IOException {
    String file = "2024-06.csv";
    StringBuilder b =
        new StringBuilder(
            "started_at,channel,event_id,customer_id,outcome,touchpoint,wait_s,duration_s,agent,row_tag\n");
    b.append("2024-06-20T09:55:00Z,phone,E1,G1,resolved,Front desk,30,200,agent-7,tag-i_e1\n");
    b.append("2024-06-21 07:30:00,CHAT,E2,G2,Escalated,Room,0,50.5,bot,tag-i_e2\n");
    b.append("2024-06-22T08:00:00Z,web,E3,G3,,breakfast,,,,tag-i_e3\n");
    b.append(
        "2024-06-29T23:59:59Z,email,E4,G404,abandoned,Checkout,10,60,,tag-i_e4\n"); // no CRM check
    // for contacts
    b.append(
        "2024-06-20T09:55:00Z,phone,E1,G1,resolved,Front desk,30,200,agent-7,tag-i_e1_dup\n"); // duplicate event_id
    b.append("2024-06-23T08:00:00Z,fax,E5,G1,resolved,Front desk,,,,tag-i_fax\n");
    plant("interactions", "unknown_channel", "fax", "tag-i_fax", file);
    b.append("2024-06-23T08:00:00Z,phone,E6,G1,lost,Front desk,,,,tag-i_lost\n");
    plant("interactions", "unknown_outcome", "lost", "tag-i_lost", file);
    b.append("2024-06-23T08:00:00Z,phone,E7,G1,resolved,Casino,,,,tag-i_casino\n");
    plant("interactions", "unknown_touchpoint", "Casino", "tag-i_casino", file);
    b.append("2024-06-23T08:00:00Z,phone,E8,G1,resolved,Room,-5,10,,tag-i_negative_wait\n");
    plant("interactions", "out_of_range", "wait_s", "tag-i_negative_wait", file);
    b.append("2024-06-23T08:00:00Z,phone,E9,G1,resolved,Room,5,long,,tag-i_bad_duration\n");
    plant("interactions", "bad_number", "duration_s", "tag-i_bad_duration", file);
    b.append("2024-06-23T08:00:00Z,phone,,G1,resolved,Room,5,10,,tag-i_missing_event\n");
    plant("interactions", "missing_required", "event_id", "tag-i_missing_event", file);
    b.append("yesterday,phone,E10,G1,resolved,Room,5,10,,tag-i_bad_started\n");
    plant("interactions", "bad_timestamp", "started_at", "tag-i_bad_started", file);
    write(landing.resolve("interactions/contact_center/" + file), b.toString());
  }

  private void plant(String source, String reason, String detail, String tag, String file) {
    planted.add(new Bad(source, reason, detail, tag, file));
  }

  // ------------------------------------------------------------------ helpers

  private static void assertCounts(
      Map<String, Long> counts,
      String source,
      long read,
      long accepted,
      long quarantined,
      long duplicate) {
    assertThat(counts)
        .as(source)
        .containsEntry(source + ".read", read)
        .containsEntry(source + ".accepted", accepted)
        .containsEntry(source + ".quarantined", quarantined)
        .containsEntry(source + ".duplicate", duplicate);
    assertThat(accepted + quarantined + duplicate).isEqualTo(read);
  }

  /** Rows rendered as "a|b|c" (null as "null"), for order-free comparison. */
  private static List<String> strings(Dataset<Row> df, String... columns) {
    Column[] cs = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      cs[i] = coalesce(col(columns[i]).cast("string"), lit("null"));
    }
    List<String> out = new ArrayList<>();
    for (Row r : df.select(concat_ws("|", cs)).collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}

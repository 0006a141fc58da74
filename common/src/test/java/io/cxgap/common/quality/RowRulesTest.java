package io.cxgap.common.quality;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Each quarantine reason, with a row that breaks exactly that rule beside a good row. */
class RowRulesTest extends SparkTestBase {
  static final List<String> SURVEY_COLS =
      List.of(
          "response_id",
          "customer_id",
          "survey_id",
          "responded_at",
          "touchpoint",
          "expectation",
          "experience",
          "scale_min",
          "scale_max",
          "overall_nps",
          "comment",
          "file",
          "raw",
          "malformed",
          "known_customer",
          "adequate");
  static final Map<String, String> LOOKUP =
      Map.of(
          "billing",
          "billing",
          "billing and invoices",
          "billing",
          "invoice",
          "billing",
          "billing & payments",
          "billing");

  /** A valid survey row, with one cell replaced. */
  static String[] survey(int index, String value) {
    String[] r = {
      "R1",
      "C1",
      "S-7",
      "2026-10-01T10:00:00",
      "billing",
      "5",
      "3",
      "1",
      "7",
      "8",
      "ok",
      "f.csv",
      "raw",
      null,
      "true",
      null
    };
    if (index >= 0) {
      r[index] = value;
    }
    return r;
  }

  private static List<String[]> reasons(Dataset<Row> df) {
    List<String[]> out = new ArrayList<>();
    for (Row r : df.select("reason", "detail").collectAsList()) {
      out.add(new String[] {r.getString(0), r.getString(1)});
    }
    return out;
  }

  private static Dataset<Row> surveys(String[]... rows) {
    Dataset<Row> raw =
        strings(SURVEY_COLS, rows)
            .withColumn("known_customer", col("known_customer").cast("boolean"));
    return RowRules.surveys(raw, LOOKUP);
  }

  private static void assertSurveyReason(String[] row, String reason, String detail) {
    List<String[]> got = reasons(surveys(row));
    assertThat(got).as("one row in, one row out").hasSize(1);
    assertThat(got.get(0)).as("reason, detail").containsExactly(reason, detail);
  }

  @Test
  void replacementCharacter_inRawTextOrAValue_isBadEncoding_beforeAnyOtherRule() {
    // a CSV record's raw text carries the decoded U+FFFD; a JSON line's parsed value does
    String[] inRaw = survey(12, "R1,C1,Stra\uFFFDe");
    inRaw[5] = "not a number";
    assertSurveyReason(inRaw, Reasons.BAD_ENCODING, "invalid UTF-8");
    assertSurveyReason(survey(4, "bill\uFFFD(ing"), Reasons.BAD_ENCODING, "invalid UTF-8");
  }

  @Test
  void fieldOverOneMebibyte_isOversized_andQuarantineKeepsTheFirstKibibyteOfRaw() {
    String big = "x".repeat(RecordRules.MAX_FIELD_CHARS + 1);
    assertSurveyReason(survey(10, big), Reasons.OVERSIZED_FIELD, "comment");
    assertThat(reasons(surveys(survey(10, "x".repeat(RecordRules.MAX_FIELD_CHARS)))))
        .singleElement()
        .satisfies(r -> assertThat(r[0]).isNull());
    String raw = "y".repeat(5000);
    Row kept =
        spark()
            .sql("select 1")
            .select(
                RecordRules.quarantineRaw(lit(raw), lit(Reasons.OVERSIZED_FIELD)).as("oversized"),
                RecordRules.quarantineRaw(lit(raw), lit(Reasons.MALFORMED)).as("other"))
            .head();
    assertThat(kept.getString(0)).isEqualTo("y".repeat(1024) + " ... (truncated: 5000 characters)");
    assertThat(kept.getString(1)).isEqualTo(raw);
  }

  @Test
  void validSurveyRow_passes_andIsTyped() {
    Row r = surveys(survey(-1, null)).head();
    assertThat(r.<String>getAs("reason")).isNull();
    assertThat(r.<String>getAs("touchpoint")).isEqualTo("billing");
    assertThat(r.<Double>getAs("expectation")).isEqualTo(5.0);
    assertThat(r.<java.sql.Timestamp>getAs("responded_at").toInstant().toString())
        .isEqualTo("2026-10-01T10:00:00Z");
  }

  @Test
  void survey_eachRuleQuarantinesWithItsReason() {
    assertSurveyReason(
        survey(13, "CSV record does not have the header's number of fields"),
        "malformed",
        "CSV record does not have the header's number of fields");
    assertSurveyReason(survey(0, "  "), "missing_required", "response_id");
    assertSurveyReason(survey(1, null), "missing_required", "customer_id");
    assertSurveyReason(survey(3, ""), "missing_required", "responded_at");
    assertSurveyReason(survey(4, null), "missing_required", "touchpoint");
    assertSurveyReason(survey(5, null), "missing_required", "expectation");
    assertSurveyReason(survey(6, ""), "missing_required", "experience");
    assertSurveyReason(survey(3, "yesterday"), "bad_timestamp", "responded_at");
    assertSurveyReason(survey(6, "seven"), "bad_number", "experience");
    assertSurveyReason(survey(5, "5,5"), "bad_number", "expectation");
    assertSurveyReason(survey(9, "NaN"), "bad_number", "overall_nps");
    assertSurveyReason(survey(5, "9"), "out_of_range", "expectation");
    assertSurveyReason(survey(6, "0"), "out_of_range", "experience");
    assertSurveyReason(survey(9, "11"), "out_of_range", "overall_nps");
    assertSurveyReason(survey(7, "7"), "out_of_range", "scale_min");
    assertSurveyReason(survey(14, "false"), "unknown_customer", "C1");
    assertSurveyReason(survey(4, "teleportation"), "unknown_touchpoint", "teleportation");
  }

  @Test
  void survey_adequate_isOptional_andTypedWhenGiven() {
    Row none = surveys(survey(-1, null)).head();
    assertThat(none.<String>getAs("reason")).isNull();
    assertThat(none.<Double>getAs("adequate")).isNull();
    Row given = surveys(survey(15, " 4 ")).head();
    assertThat(given.<String>getAs("reason")).isNull();
    assertThat(given.<Double>getAs("adequate")).isEqualTo(4.0);
    // above the expectation (5): an inversion, kept in bronze for the gap
    assertThat(reasons(surveys(survey(15, "6"))).get(0)[0]).isNull();
  }

  @Test
  void survey_adequateNotANumber_isTheSameReasonAsABadExpectation() {
    assertSurveyReason(survey(15, "four"), Reasons.BAD_NUMBER, "adequate");
    assertSurveyReason(survey(5, "four"), Reasons.BAD_NUMBER, "expectation");
  }

  @Test
  void survey_adequateOutsideTheScale_isOutOfRange() {
    assertSurveyReason(survey(15, "8"), "out_of_range", "adequate"); // 1..7
    assertSurveyReason(survey(15, "0.5"), "out_of_range", "adequate");
    String[] fiveScale = survey(15, "6");
    fiveScale[8] = "5";
    fiveScale[5] = "4";
    assertSurveyReason(fiveScale, "out_of_range", "adequate"); // 1..5
    assertThat(reasons(surveys(survey(15, "7"))).get(0)[0]).as("7 on 1..7").isNull();
    assertThat(reasons(surveys(survey(15, "1"))).get(0)[0]).as("1 on 1..7").isNull();
  }

  @Test
  void survey_defaultScaleIsOneToSeven_whenScaleColumnsBlank() {
    String[] row = survey(7, null);
    row[8] = null;
    row[5] = "7";
    Row r = surveys(row).head();
    assertThat(r.<String>getAs("reason")).isNull();
    assertThat(r.<Double>getAs("scale_min")).isEqualTo(1.0);
    assertThat(r.<Double>getAs("scale_max")).isEqualTo(7.0);
    String[] over = survey(7, null);
    over[8] = null;
    over[5] = "8";
    assertThat(reasons(surveys(over)).get(0)).containsExactly("out_of_range", "expectation");
  }

  @Test
  void survey_touchpointAliases_resolveCaseInsensitivelyAfterTrimming() {
    Dataset<Row> df =
        surveys(
            survey(4, "  INVOICE "),
            survey(4, "Billing & Payments"),
            survey(4, "Billing and Invoices\t"));
    assertThat(df.select("touchpoint").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
        .containsExactly("billing", "billing", "billing");
    assertThat(df.where("reason is not null").count()).isZero();
  }

  @Test
  void survey_timestampWithOffset_isConvertedToUtc() {
    Row r = surveys(survey(3, "2026-10-01T10:00:00+02:00")).head();
    assertThat(r.<java.sql.Timestamp>getAs("responded_at").toInstant().toString())
        .isEqualTo("2026-10-01T08:00:00Z");
  }

  static final List<String> INTERACTION_COLS =
      List.of(
          "event_id",
          "customer_id",
          "channel",
          "touchpoint",
          "started_at",
          "wait_s",
          "duration_s",
          "outcome",
          "file",
          "raw",
          "malformed");

  static String[] interaction(int index, String value) {
    String[] r = {
      "E1",
      "C1",
      "Phone",
      "billing",
      "2026-10-01 09:00:00",
      "30",
      "120",
      "Resolved",
      "f.jsonl",
      "raw",
      null
    };
    if (index >= 0) {
      r[index] = value;
    }
    return r;
  }

  private static void assertInteractionReason(String[] row, String reason, String detail) {
    List<String[]> got = reasons(RowRules.interactions(strings(INTERACTION_COLS, row), LOOKUP));
    assertThat(got.get(0))
        .as("reason, detail for " + String.join("|", java.util.Arrays.copyOf(row, 8)))
        .containsExactly(reason, detail);
  }

  @Test
  void interaction_eachRuleQuarantinesWithItsReason() {
    Row ok = RowRules.interactions(strings(INTERACTION_COLS, interaction(-1, null)), LOOKUP).head();
    assertThat(ok.<String>getAs("reason")).isNull();
    assertThat(ok.<String>getAs("channel")).isEqualTo("phone");
    assertThat(ok.<String>getAs("outcome")).isEqualTo("resolved");
    assertInteractionReason(
        interaction(10, "not a JSON object on one line"),
        "malformed",
        "not a JSON object on one line");
    assertInteractionReason(interaction(0, ""), "missing_required", "event_id");
    assertInteractionReason(interaction(4, null), "missing_required", "started_at");
    assertInteractionReason(interaction(4, "2026-13-45"), "bad_timestamp", "started_at");
    assertInteractionReason(interaction(5, "abc"), "bad_number", "wait_s");
    assertInteractionReason(interaction(5, "-5"), "out_of_range", "wait_s");
    assertInteractionReason(interaction(6, "-1"), "out_of_range", "duration_s");
    assertInteractionReason(interaction(3, "teleportation"), "unknown_touchpoint", "teleportation");
    assertInteractionReason(interaction(2, "pigeon"), "unknown_channel", "pigeon");
    assertInteractionReason(interaction(7, "teleported"), "unknown_outcome", "teleported");
  }

  @Test
  void interaction_blankOutcomeAndWait_areAllowed() {
    String[] r = interaction(7, " ");
    r[5] = null;
    Row row = RowRules.interactions(strings(INTERACTION_COLS, r), LOOKUP).head();
    assertThat(row.<String>getAs("reason")).isNull();
    assertThat(row.<String>getAs("outcome")).isNull();
    assertThat(row.<Double>getAs("wait_s")).isNull();
  }

  static final List<String> CUSTOMER_COLS =
      List.of(
          "customer_id",
          "full_name",
          "email",
          "phone",
          "segment",
          "region",
          "tier",
          "signup_date",
          "updated_at",
          "file",
          "raw",
          "malformed");

  static String[] customer(int index, String value) {
    String[] r = {
      "C1",
      "Ann",
      "a@x",
      "1",
      "SMB",
      " North ",
      "",
      "2025-01-01",
      "2026-01-01T00:00:00Z",
      "c.csv",
      "raw",
      null
    };
    if (index >= 0) {
      r[index] = value;
    }
    return r;
  }

  @Test
  void customer_rulesAndUnknownSegments() {
    List<String> dims = List.of("segment", "region", "tier");
    Row ok = RowRules.customers(strings(CUSTOMER_COLS, customer(-1, null)), dims).head();
    assertThat(ok.<String>getAs("reason")).isNull();
    assertThat(ok.<String>getAs("region")).isEqualTo("North");
    assertThat(ok.<String>getAs("tier")).as("blank dimension becomes unknown").isEqualTo("unknown");
    assertThat(reasons(RowRules.customers(strings(CUSTOMER_COLS, customer(0, " ")), dims)).get(0))
        .containsExactly("missing_required", "customer_id");
    assertThat(reasons(RowRules.customers(strings(CUSTOMER_COLS, customer(8, null)), dims)).get(0))
        .containsExactly("missing_required", "updated_at");
    assertThat(
            reasons(RowRules.customers(strings(CUSTOMER_COLS, customer(8, "not-a-date")), dims))
                .get(0))
        .containsExactly("bad_timestamp", "updated_at");
    assertThat(
            reasons(RowRules.customers(strings(CUSTOMER_COLS, customer(7, "someday")), dims))
                .get(0))
        .containsExactly("bad_timestamp", "signup_date");
    assertThat(
            reasons(RowRules.customers(strings(CUSTOMER_COLS, customer(11, "broken")), dims))
                .get(0))
        .containsExactly("malformed", "broken");
  }

  @Test
  void firstBrokenRuleWins() {
    String[] r = survey(0, null);
    r[4] = "teleportation";
    assertSurveyReason(r, "missing_required", "response_id");
  }
}

package io.cxgap.common.quality;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.quality.CleanColumns.clean;
import static io.cxgap.common.quality.CleanColumns.num;
import static io.cxgap.common.quality.CleanColumns.ts;
import static io.cxgap.common.quality.CleanColumns.withOtherWhitespace;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.landing.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Types the string records of one source and marks the first rule each breaks (DESIGN.md §4,
 * docs/landing-format.md): the {@link RecordRules} first, then a missing required column (the
 * source's {@link Source#required()}), then the source's own rules. Pure: no I/O, no clock. The
 * result keeps every input row and adds the typed columns plus {@code reason} and {@code detail}
 * (null when the row passes).
 */
public final class RowRules {
  /** Channels DESIGN.md §4 accepts. */
  public static final Set<String> CHANNELS =
      Set.of("web", "app", "phone", "chat", "email", "store");

  /** Outcomes DESIGN.md §4 accepts. */
  public static final Set<String> OUTCOMES =
      Set.of("resolved", "unresolved", "abandoned", "escalated", "failed");

  /** Boolean input column a caller sets: does the customer id exist in the CRM. */
  public static final String KNOWN_CUSTOMER = "known_customer";

  private RowRules() {}

  /** The record rules over {@code recordColumns}, then a missing rule per required column. */
  private static List<Rule> baseRules(List<String> recordColumns, List<String> required) {
    List<Rule> rules = new ArrayList<>(RecordRules.of(recordColumns));
    required.forEach(c -> rules.add(Rule.missing(c)));
    return rules;
  }

  /** CRM rows; {@code dimensions} are the segment columns, blank becomes {@code unknown}. */
  public static Dataset<Row> customers(Dataset<Row> input, List<String> dimensions) {
    List<String> all =
        new ArrayList<>(List.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE, SIGNUP_DATE, UPDATED_AT));
    dimensions.stream().filter(d -> !all.contains(d)).forEach(all::add);
    Dataset<Row> raw = withOtherWhitespace(input, all);
    List<Rule> rules = baseRules(all, Source.CUSTOMERS.required());
    rules.add(Rule.badTimestamp(UPDATED_AT));
    rules.add(
        new Rule(
            Reasons.BAD_TIMESTAMP,
            clean(SIGNUP_DATE).isNotNull().and(to_date(clean(SIGNUP_DATE)).isNull()),
            lit(SIGNUP_DATE)));
    List<Column> cols = new ArrayList<>();
    for (String c : List.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE)) {
      cols.add(clean(c).as(c));
    }
    for (String d : dimensions) {
      cols.add(coalesce(clean(d), lit("unknown")).as(d));
    }
    cols.add(to_date(clean(SIGNUP_DATE)).as(SIGNUP_DATE));
    cols.add(ts(UPDATED_AT).as(UPDATED_AT));
    cols.add(col(FILE));
    cols.add(col(RAW));
    cols.addAll(Rule.reasonAndDetail(rules));
    return raw.select(cols.toArray(new Column[0]));
  }

  /**
   * Survey item rows; the optional {@code adequate} (DESIGN.md §4, zone of tolerance) follows the
   * rules of {@code expectation} when present: a number within the scale. {@code raw} must carry
   * the boolean {@link #KNOWN_CUSTOMER}; {@code lookup} maps catalog keys (trimmed, lower-case
   * names, ids and aliases) to touchpoint ids.
   */
  public static Dataset<Row> surveys(Dataset<Row> input, Map<String, String> lookup) {
    List<String> columns = Source.SURVEYS.columns();
    // the free-text comment is kept as it came: it is never cleaned
    List<String> cleaned = columns.stream().filter(c -> !c.equals(COMMENT)).toList();
    Dataset<Row> raw = withOtherWhitespace(input, cleaned);
    Column tp = resolve(TOUCHPOINT, lookup);
    Column scaleMin = coalesce(num(SCALE_MIN), lit(1.0));
    Column scaleMax = coalesce(num(SCALE_MAX), lit(7.0));
    List<Rule> rules = baseRules(columns, Source.SURVEYS.required());
    rules.add(Rule.badTimestamp(RESPONDED_AT));
    for (String c : List.of(EXPECTATION, EXPERIENCE, ADEQUATE, SCALE_MIN, SCALE_MAX, OVERALL_NPS)) {
      rules.add(Rule.badNumber(c));
    }
    rules.add(new Rule(Reasons.OUT_OF_RANGE, scaleMin.geq(scaleMax), lit(SCALE_MIN)));
    rules.add(outsideScale(num(EXPECTATION), scaleMin, scaleMax, EXPECTATION));
    rules.add(outsideScale(num(EXPERIENCE), scaleMin, scaleMax, EXPERIENCE));
    rules.add(outsideScale(num(ADEQUATE), scaleMin, scaleMax, ADEQUATE));
    rules.add(outsideScale(num(OVERALL_NPS), lit(0), lit(10), OVERALL_NPS));
    rules.add(new Rule(Reasons.UNKNOWN_CUSTOMER, not(col(KNOWN_CUSTOMER)), clean(CUSTOMER_ID)));
    rules.add(new Rule(Reasons.UNKNOWN_TOUCHPOINT, tp.isNull(), col(TOUCHPOINT)));
    List<Column> cols =
        new ArrayList<>(
            List.of(
                clean(RESPONSE_ID).as(RESPONSE_ID),
                clean(CUSTOMER_ID).as(CUSTOMER_ID),
                clean(SURVEY_ID).as(SURVEY_ID),
                ts(RESPONDED_AT).as(RESPONDED_AT),
                col(TOUCHPOINT).as(TOUCHPOINT_RAW),
                tp.as(TOUCHPOINT),
                num(EXPECTATION).as(EXPECTATION),
                num(EXPERIENCE).as(EXPERIENCE),
                num(ADEQUATE).as(ADEQUATE),
                scaleMin.as(SCALE_MIN),
                scaleMax.as(SCALE_MAX),
                num(OVERALL_NPS).as(OVERALL_NPS),
                col(COMMENT).as(COMMENT),
                col(FILE),
                col(RAW)));
    cols.addAll(Rule.reasonAndDetail(rules));
    return raw.select(cols.toArray(new Column[0]));
  }

  /** {@code out_of_range}, naming {@code column}, where {@code value} is outside [min, max]. */
  private static Rule outsideScale(Column value, Column min, Column max, String column) {
    return new Rule(Reasons.OUT_OF_RANGE, value.lt(min).or(value.gt(max)), lit(column));
  }

  /** Channel interaction rows; {@code lookup} as for {@link #surveys}. */
  public static Dataset<Row> interactions(Dataset<Row> input, Map<String, String> lookup) {
    List<String> columns = Source.INTERACTIONS.columns();
    Dataset<Row> raw = withOtherWhitespace(input, columns);
    Column tp = resolve(TOUCHPOINT, lookup);
    Column channel = lower(clean(CHANNEL));
    Column outcome = lower(clean(OUTCOME));
    Column wait = num(WAIT_S);
    Column duration = num(DURATION_S);
    List<Rule> rules = baseRules(columns, Source.INTERACTIONS.required());
    rules.add(Rule.badTimestamp(STARTED_AT));
    rules.add(Rule.badNumber(WAIT_S));
    rules.add(Rule.badNumber(DURATION_S));
    rules.add(new Rule(Reasons.OUT_OF_RANGE, wait.lt(0), lit(WAIT_S)));
    rules.add(new Rule(Reasons.OUT_OF_RANGE, duration.lt(0), lit(DURATION_S)));
    rules.add(new Rule(Reasons.UNKNOWN_TOUCHPOINT, tp.isNull(), col(TOUCHPOINT)));
    rules.add(
        new Rule(Reasons.UNKNOWN_CHANNEL, not(channel.isin(CHANNELS.toArray())), col(CHANNEL)));
    rules.add(
        new Rule(
            Reasons.UNKNOWN_OUTCOME,
            outcome.isNotNull().and(not(outcome.isin(OUTCOMES.toArray()))),
            col(OUTCOME)));
    List<Column> cols =
        new ArrayList<>(
            List.of(
                clean(EVENT_ID).as(EVENT_ID),
                clean(CUSTOMER_ID).as(CUSTOMER_ID),
                channel.as(CHANNEL),
                col(TOUCHPOINT).as(TOUCHPOINT_RAW),
                tp.as(TOUCHPOINT),
                ts(STARTED_AT).as(STARTED_AT),
                wait.as(WAIT_S),
                duration.as(DURATION_S),
                outcome.as(OUTCOME),
                col(FILE),
                col(RAW)));
    cols.addAll(Rule.reasonAndDetail(rules));
    return raw.select(cols.toArray(new Column[0]));
  }

  /** Catalog lookup as a literal map: no join, no UDF. */
  static Column resolve(String c, Map<String, String> lookup) {
    List<Column> kv = new ArrayList<>();
    lookup.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e -> {
              kv.add(lit(e.getKey()));
              kv.add(lit(e.getValue()));
            });
    Column m = map(kv.toArray(new Column[0]));
    return element_at(m, lower(clean(c)));
  }
}

package io.cxgap.common.quality;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.landing.LandingReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Types the string records of one source and marks the first rule each breaks (DESIGN.md §4,
 * docs/landing-format.md). Pure: no I/O, no clock. The result keeps every input row and adds the
 * typed columns plus {@code reason} and {@code detail} (null when the row passes).
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

  /** The longest field accepted: 1 MiB of characters; longer is {@code oversized_field}. */
  public static final int MAX_FIELD_CHARS = 1 << 20;

  /** Characters of an oversized record's raw text kept in quarantine. */
  public static final int OVERSIZED_RAW_KEPT = 1024;

  private RowRules() {}

  private static final String CLEAN = "_clean_";
  private static final String OTHER = "_other_whitespace";

  /**
   * Every Unicode White_Space character: what {@code (?U)\s} matches, the 25 code points U+0009 to
   * U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and
   * U+3000.
   */
  public static final String WHITESPACE =
      "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u2028\u2029\u202F\u205F\u3000";

  /** Whether {@code s} holds a {@link #WHITESPACE} character other than the plain space. */
  static boolean hasOtherWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      // every WHITESPACE character is in the Basic Multilingual Plane: one char each
      if ((ch >= '\t' && ch <= '\r') || (ch >= '\u0085' && WHITESPACE.indexOf(ch) >= 0)) {
        return true;
      }
    }
    return false;
  }

  private static final UserDefinedFunction HAS_OTHER_WHITESPACE =
      udf((UDF1<String, Boolean>) s -> s != null && hasOtherWhitespace(s), DataTypes.BooleanType);

  /**
   * Per row: whether {@code c} holds a whitespace character other than the plain space, in one pass
   * over its characters.
   */
  static Column hasOtherWhitespace(Column c) {
    return HAS_OTHER_WHITESPACE.apply(c);
  }

  /** {@code c} without leading and trailing {@link #WHITESPACE}. */
  public static Column trimWhitespace(Column c) {
    return trimWhitespace(c, hasOtherWhitespace(c));
  }

  /**
   * {@code c} without leading and trailing {@link #WHITESPACE}, where {@code other} is true for
   * every row in which {@code c} may hold whitespace other than plain spaces. Most values have
   * none, and for them the cheap trim of spaces is the whole answer; the trim of every whitespace
   * character (which walks the whole value, allocating as it goes) runs only where {@code other}
   * says it may be needed. A per-field regular expression, then that trim alone, then a per-field
   * test of the end characters against the set were each a fifth to a sixth of ingest's CPU.
   */
  static Column trimWhitespace(Column c, Column other) {
    return when(other, trim(c, WHITESPACE)).otherwise(trim(c));
  }

  /** Whitespace-trimmed string, null where blank. */
  private static Column trimmed(Column c, Column other) {
    Column t = trimWhitespace(c, other);
    return when(t.equalTo(""), lit(null).cast("string")).otherwise(t);
  }

  /** The cleaned value of {@code c}, materialised once by {@link #withClean}. */
  static Column clean(String c) {
    return col(CLEAN + c);
  }

  static Column ts(String c) {
    return to_timestamp(clean(c));
  }

  static Column num(String c) {
    Column d = clean(c).cast("double");
    return when(isnan(d), lit(null).cast("double")).otherwise(d);
  }

  /**
   * Adds a cleaned copy of each column, so rules do not repeat the trimming. Whether a row holds
   * whitespace other than plain spaces is found once, over all its columns together.
   */
  static Dataset<Row> withClean(Dataset<Row> df, List<String> columns) {
    Column all = concat_ws("", columns.stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> out = df.withColumn(OTHER, hasOtherWhitespace(all));
    for (String c : columns) {
      out = out.withColumn(CLEAN + c, trimmed(col(c), col(OTHER)));
    }
    return out.drop(OTHER);
  }

  private static Rule missing(String c) {
    return new Rule(Reasons.MISSING_REQUIRED, clean(c).isNull(), lit(c));
  }

  private static Rule badTimestamp(String c) {
    return new Rule(Reasons.BAD_TIMESTAMP, clean(c).isNotNull().and(ts(c).isNull()), lit(c));
  }

  private static Rule badNumber(String c) {
    return new Rule(Reasons.BAD_NUMBER, clean(c).isNotNull().and(num(c).isNull()), lit(c));
  }

  private static Rule malformed() {
    return new Rule(
        Reasons.MALFORMED, col(LandingReader.MALFORMED).isNotNull(), col(LandingReader.MALFORMED));
  }

  /**
   * Record-level rules every source checks first: unparseable, then invalid UTF-8 (the reader
   * decodes a bad byte sequence to U+FFFD, so the replacement character marks it), then a field
   * over {@link #MAX_FIELD_CHARS}.
   */
  private static List<Rule> recordRules(List<String> columns) {
    Column over = lit(false);
    Column overDetail = lit(null).cast("string");
    // CSV raw text is decoded; a JSON line's raw text keeps its bytes, its parsed values are
    // decoded
    Column badBytes = coalesce(col(RAW).contains("\uFFFD"), lit(false));
    for (int i = columns.size() - 1; i >= 0; i--) {
      Column c = col(columns.get(i));
      // a value has at least as many bytes as characters: count characters only past that bound
      Column tooLong =
          coalesce(
              octet_length(c).gt(MAX_FIELD_CHARS).and(length(c).gt(MAX_FIELD_CHARS)), lit(false));
      over = over.or(tooLong);
      overDetail = when(tooLong, lit(columns.get(i))).otherwise(overDetail);
      badBytes = badBytes.or(coalesce(c.contains("\uFFFD"), lit(false)));
    }
    return List.of(
        malformed(),
        new Rule(Reasons.BAD_ENCODING, badBytes, lit("invalid UTF-8")),
        new Rule(Reasons.OVERSIZED_FIELD, over, overDetail));
  }

  /**
   * The raw text kept in quarantine: whole, except for an oversized record, of which the first
   * {@link #OVERSIZED_RAW_KEPT} characters are kept with a note of its length.
   */
  public static Column quarantineRaw(Column raw, Column reason) {
    return when(
            reason.equalTo(Reasons.OVERSIZED_FIELD),
            concat(
                substring(raw, 1, OVERSIZED_RAW_KEPT),
                lit(" ... (truncated: "),
                length(raw).cast("string"),
                lit(" characters)")))
        .otherwise(raw);
  }

  /** Adds reason/detail for the first failing rule (one index, then two lookups). */
  static Dataset<Row> mark(Dataset<Row> df, List<Rule> rules) {
    Column index = lit(null).cast("int");
    for (int i = rules.size() - 1; i >= 0; i--) {
      index = when(rules.get(i).fails(), lit(i)).otherwise(index);
    }
    Dataset<Row> indexed = df.withColumn("_rule", index);
    Column reason = lit(null).cast("string");
    Column detail = lit(null).cast("string");
    for (int i = rules.size() - 1; i >= 0; i--) {
      Column hit = col("_rule").equalTo(i);
      reason = when(hit, lit(rules.get(i).reason())).otherwise(reason);
      detail = when(hit, rules.get(i).detail().cast("string")).otherwise(detail);
    }
    return indexed.withColumn(REASON, reason).withColumn(DETAIL, detail).drop("_rule");
  }

  /** CRM rows; {@code dimensions} are the segment columns, blank becomes {@code unknown}. */
  public static Dataset<Row> customers(Dataset<Row> input, List<String> dimensions) {
    List<String> all =
        new ArrayList<>(List.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE, SIGNUP_DATE, UPDATED_AT));
    dimensions.stream().filter(d -> !all.contains(d)).forEach(all::add);
    Dataset<Row> raw = withClean(input, all);
    List<Rule> rules = new ArrayList<>(recordRules(all));
    rules.add(missing(CUSTOMER_ID));
    rules.add(missing(UPDATED_AT));
    rules.add(badTimestamp(UPDATED_AT));
    rules.add(
        new Rule(
            Reasons.BAD_TIMESTAMP,
            clean(SIGNUP_DATE).isNotNull().and(to_date(clean(SIGNUP_DATE)).isNull()),
            lit(SIGNUP_DATE)));
    Dataset<Row> marked = mark(raw, rules);
    List<Column> cols = new ArrayList<>();
    for (String c : List.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE)) {
      cols.add(clean(c).as(c));
    }
    for (String d : dimensions) {
      cols.add(coalesce(clean(d), lit("unknown")).as(d));
    }
    cols.add(to_date(clean(SIGNUP_DATE)).as(SIGNUP_DATE));
    cols.add(ts(UPDATED_AT).as(UPDATED_AT));
    cols.addAll(lineage());
    return marked.select(cols.toArray(new Column[0]));
  }

  private static List<Column> lineage() {
    return List.of(col(FILE), col(RAW), col(REASON), col(DETAIL));
  }

  /**
   * Survey item rows. {@code raw} must carry the boolean {@link #KNOWN_CUSTOMER}; {@code lookup}
   * maps catalog keys (trimmed, lower-case names, ids and aliases) to touchpoint ids.
   */
  public static Dataset<Row> surveys(Dataset<Row> input, Map<String, String> lookup) {
    Dataset<Row> raw =
        withClean(
                input,
                List.of(
                    RESPONSE_ID,
                    CUSTOMER_ID,
                    SURVEY_ID,
                    RESPONDED_AT,
                    TOUCHPOINT,
                    EXPECTATION,
                    EXPERIENCE,
                    SCALE_MIN,
                    SCALE_MAX,
                    OVERALL_NPS))
            .withColumn("_tp", resolve(TOUCHPOINT, lookup))
            .withColumn("_smin", coalesce(num(SCALE_MIN), lit(1.0)))
            .withColumn("_smax", coalesce(num(SCALE_MAX), lit(7.0)))
            .withColumn("_exp", num(EXPECTATION))
            .withColumn("_perc", num(EXPERIENCE))
            .withColumn("_nps", num(OVERALL_NPS));
    Column scaleMin = col("_smin");
    Column scaleMax = col("_smax");
    Column tp = col("_tp");
    List<Rule> rules =
        new ArrayList<>(
            recordRules(
                List.of(
                    RESPONSE_ID,
                    CUSTOMER_ID,
                    SURVEY_ID,
                    RESPONDED_AT,
                    TOUCHPOINT,
                    EXPECTATION,
                    EXPERIENCE,
                    SCALE_MIN,
                    SCALE_MAX,
                    OVERALL_NPS,
                    COMMENT)));
    for (String c :
        List.of(RESPONSE_ID, CUSTOMER_ID, RESPONDED_AT, TOUCHPOINT, EXPECTATION, EXPERIENCE)) {
      rules.add(missing(c));
    }
    rules.add(badTimestamp(RESPONDED_AT));
    for (String c : List.of(EXPECTATION, EXPERIENCE, SCALE_MIN, SCALE_MAX, OVERALL_NPS)) {
      rules.add(badNumber(c));
    }
    rules.add(new Rule(Reasons.OUT_OF_RANGE, scaleMin.geq(scaleMax), lit(SCALE_MIN)));
    rules.add(
        new Rule(
            Reasons.OUT_OF_RANGE,
            col("_exp").lt(scaleMin).or(col("_exp").gt(scaleMax)),
            lit(EXPECTATION)));
    rules.add(
        new Rule(
            Reasons.OUT_OF_RANGE,
            col("_perc").lt(scaleMin).or(col("_perc").gt(scaleMax)),
            lit(EXPERIENCE)));
    rules.add(
        new Rule(Reasons.OUT_OF_RANGE, col("_nps").lt(0).or(col("_nps").gt(10)), lit(OVERALL_NPS)));
    rules.add(new Rule(Reasons.UNKNOWN_CUSTOMER, not(col(KNOWN_CUSTOMER)), clean(CUSTOMER_ID)));
    rules.add(new Rule(Reasons.UNKNOWN_TOUCHPOINT, tp.isNull(), col(TOUCHPOINT)));
    return mark(raw, rules)
        .select(
            clean(RESPONSE_ID).as(RESPONSE_ID),
            clean(CUSTOMER_ID).as(CUSTOMER_ID),
            clean(SURVEY_ID).as(SURVEY_ID),
            ts(RESPONDED_AT).as(RESPONDED_AT),
            col(TOUCHPOINT).as(TOUCHPOINT_RAW),
            tp.as(TOUCHPOINT),
            col("_exp").as(EXPECTATION),
            col("_perc").as(EXPERIENCE),
            scaleMin.as(SCALE_MIN),
            scaleMax.as(SCALE_MAX),
            col("_nps").as(OVERALL_NPS),
            col(COMMENT).as(COMMENT),
            col(FILE),
            col(RAW),
            col(REASON),
            col(DETAIL));
  }

  /** Channel interaction rows; {@code lookup} as for {@link #surveys}. */
  public static Dataset<Row> interactions(Dataset<Row> input, Map<String, String> lookup) {
    Dataset<Row> raw =
        withClean(
                input,
                List.of(
                    EVENT_ID,
                    CUSTOMER_ID,
                    CHANNEL,
                    TOUCHPOINT,
                    STARTED_AT,
                    WAIT_S,
                    DURATION_S,
                    OUTCOME))
            .withColumn("_tp", resolve(TOUCHPOINT, lookup))
            .withColumn("_channel", lower(clean(CHANNEL)))
            .withColumn("_outcome", lower(clean(OUTCOME)))
            .withColumn("_wait", num(WAIT_S))
            .withColumn("_duration", num(DURATION_S));
    Column tp = col("_tp");
    Column channel = col("_channel");
    Column outcome = col("_outcome");
    List<Rule> rules =
        new ArrayList<>(
            recordRules(
                List.of(
                    EVENT_ID,
                    CUSTOMER_ID,
                    CHANNEL,
                    TOUCHPOINT,
                    STARTED_AT,
                    WAIT_S,
                    DURATION_S,
                    OUTCOME)));
    for (String c : List.of(EVENT_ID, CUSTOMER_ID, CHANNEL, TOUCHPOINT, STARTED_AT)) {
      rules.add(missing(c));
    }
    rules.add(badTimestamp(STARTED_AT));
    rules.add(badNumber(WAIT_S));
    rules.add(badNumber(DURATION_S));
    rules.add(new Rule(Reasons.OUT_OF_RANGE, col("_wait").lt(0), lit(WAIT_S)));
    rules.add(new Rule(Reasons.OUT_OF_RANGE, col("_duration").lt(0), lit(DURATION_S)));
    rules.add(new Rule(Reasons.UNKNOWN_TOUCHPOINT, tp.isNull(), col(TOUCHPOINT)));
    rules.add(
        new Rule(Reasons.UNKNOWN_CHANNEL, not(channel.isin(CHANNELS.toArray())), col(CHANNEL)));
    rules.add(
        new Rule(
            Reasons.UNKNOWN_OUTCOME,
            outcome.isNotNull().and(not(outcome.isin(OUTCOMES.toArray()))),
            col(OUTCOME)));
    return mark(raw, rules)
        .select(
            clean(EVENT_ID).as(EVENT_ID),
            clean(CUSTOMER_ID).as(CUSTOMER_ID),
            channel.as(CHANNEL),
            col(TOUCHPOINT).as(TOUCHPOINT_RAW),
            tp.as(TOUCHPOINT),
            ts(STARTED_AT).as(STARTED_AT),
            col("_wait").as(WAIT_S),
            col("_duration").as(DURATION_S),
            outcome.as(OUTCOME),
            col(FILE),
            col(RAW),
            col(REASON),
            col(DETAIL));
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

package io.cxgap.common.quality;

import static io.cxgap.common.Columns.RAW;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.landing.LandingReader;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The record-level rules every source checks before its own (DESIGN.md §4, docs/landing-format.md):
 * unparseable, invalid UTF-8, a field too long; and what quarantine keeps of an oversized record.
 */
public final class RecordRules {
  private RecordRules() {}

  /** The longest field accepted: 1 MiB of characters; longer is {@code oversized_field}. */
  public static final int MAX_FIELD_CHARS = 1 << 20;

  /** Characters of an oversized record's raw text kept in quarantine. */
  public static final int OVERSIZED_RAW_KEPT = 1024;

  /**
   * Unparseable, then invalid UTF-8 (the reader decodes a bad byte sequence to U+FFFD, so the
   * replacement character marks it), then a field of {@code columns} over {@link #MAX_FIELD_CHARS}
   * (the first such column is the detail).
   */
  static List<Rule> of(List<String> columns) {
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
        new Rule(
            Reasons.MALFORMED,
            col(LandingReader.MALFORMED).isNotNull(),
            col(LandingReader.MALFORMED)),
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
}

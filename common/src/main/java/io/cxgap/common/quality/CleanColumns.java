package io.cxgap.common.quality;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cleaned value of each landing column that rules read (DESIGN.md §4): trimmed of {@link
 * Whitespace}, null where blank.
 *
 * <p>Only the per-row whitespace mark is materialised ({@link #withOtherWhitespace}); the cleaned
 * and typed values are expressions, so that a source's rules and typed columns are one projection.
 * Spark evaluates an expression that the projection uses more than once only once per row
 * (subexpression elimination), where it is evaluated unconditionally: see {@link
 * Rule#reasonAndDetail}. One projection matters where the rules' stage is too large for whole-stage
 * code generation: each projection of its own copies the whole row, raw text included.
 */
final class CleanColumns {
  private CleanColumns() {}

  static final String OTHER = "_other_whitespace";

  /**
   * Adds whether a row holds whitespace other than plain spaces, found once over all {@code
   * columns} together; {@link #clean} reads it. The column is not part of any output: select past
   * it.
   */
  static Dataset<Row> withOtherWhitespace(Dataset<Row> df, List<String> columns) {
    Column all = concat_ws("", columns.stream().map(c -> col(c)).toArray(Column[]::new));
    return df.withColumn(OTHER, Whitespace.hasOther(all));
  }

  /**
   * The cleaned value of {@code c}: whitespace-trimmed, null where blank. Reads {@link
   * #withOtherWhitespace}'s column.
   */
  static Column clean(String c) {
    Column t = Whitespace.trim(col(c), col(OTHER));
    return when(t.equalTo(""), lit(null).cast("string")).otherwise(t);
  }

  /** The cleaned value of {@code c} as a timestamp, null where it does not parse. */
  static Column ts(String c) {
    return to_timestamp(clean(c));
  }

  /** The cleaned value of {@code c} as a double, null where it does not parse or is NaN. */
  static Column num(String c) {
    Column d = clean(c).cast("double");
    return when(isnan(d), lit(null).cast("double")).otherwise(d);
  }
}

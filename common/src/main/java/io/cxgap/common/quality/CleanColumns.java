package io.cxgap.common.quality;

import static org.apache.spark.sql.functions.*;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The cleaned copy of each landing column that rules read (DESIGN.md §4): trimmed of {@link
 * Whitespace}, null where blank, materialised once so that rules do not repeat the trimming.
 */
final class CleanColumns {
  private CleanColumns() {}

  private static final String CLEAN = "_clean_";
  private static final String OTHER = "_other_whitespace";

  /**
   * Adds a cleaned copy of each column, so rules do not repeat the trimming. Whether a row holds
   * whitespace other than plain spaces is found once, over all its columns together.
   */
  static Dataset<Row> withClean(Dataset<Row> df, List<String> columns) {
    Column all = concat_ws("", columns.stream().map(c -> col(c)).toArray(Column[]::new));
    Dataset<Row> out = df.withColumn(OTHER, Whitespace.hasOther(all));
    for (String c : columns) {
      out = out.withColumn(CLEAN + c, trimmed(col(c), col(OTHER)));
    }
    return out.drop(OTHER);
  }

  /** Whitespace-trimmed string, null where blank. */
  private static Column trimmed(Column c, Column other) {
    Column t = Whitespace.trim(c, other);
    return when(t.equalTo(""), lit(null).cast("string")).otherwise(t);
  }

  /** The cleaned value of {@code c}, materialised once by {@link #withClean}. */
  static Column clean(String c) {
    return col(CLEAN + c);
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

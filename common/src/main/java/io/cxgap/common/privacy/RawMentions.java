package io.cxgap.common.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.contains;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rlike;

import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Whether a quarantined row's text names a customer (DESIGN.md §6): the id appears as a whole
 * field, not as part of a longer id, name or number ({@code C12} does not match {@code C123} or
 * {@code xC12}). A field ends where a character that no id holds begins: anything but a letter,
 * digit, {@code _} or {@code -} (a comma, a quote, a colon, a space, the line's ends).
 */
public final class RawMentions {
  private RawMentions() {}

  private static final String ID_CHAR = "[\\p{L}\\p{N}_-]";

  /** The regular expression (Java syntax, as Spark's {@code rlike} takes it) for one id. */
  public static String pattern(String customerId) {
    return "(?<!" + ID_CHAR + ")" + Pattern.quote(customerId) + "(?!" + ID_CHAR + ")";
  }

  /**
   * Whether {@code text} names the id in {@code id} by {@link #pattern} in {@code pattern}: a cheap
   * substring test first, so the expression is compiled only for rows that hold the id at all.
   * False where the text is null.
   */
  public static Column names(Column text, Column id, Column pattern) {
    return coalesce(contains(text, id).and(rlike(text, pattern)), lit(false));
  }
}

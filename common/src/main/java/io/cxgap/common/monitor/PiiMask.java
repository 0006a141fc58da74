package io.cxgap.common.monitor;

import static org.apache.spark.sql.functions.regexp_replace;

import org.apache.spark.sql.Column;

/**
 * Masks e-mail addresses and phone numbers in free text (DESIGN.md §5 {@code
 * gold.detractor_followup}), as a Spark column expression: two {@code regexp_replace}s, no UDF.
 *
 * <p>An e-mail address is {@code local@domain.tld} (letters, digits and {@code . _ % + -} before
 * the {@code @}, dot-separated labels after it) and becomes {@value #EMAIL_MASK}. A phone number is
 * a run of at least 9 digits, optionally opened by {@code +} or {@code (}, whose digits may be
 * separated by a space, dot or hyphen, or a bracket with at most one of those beside it ({@code +1
 * 555 010 0100}, {@code (555) 010-0100}, {@code 555-010-0100}, {@code +44 20 7946 0958}, {@code
 * 0049 30 1234567}); its last group has at least two digits. It becomes {@value #PHONE_MASK}. So
 * ordinary numbers stay: dates ({@code 2026-10-31}: 8 digits), order numbers, prices, amounts; a
 * bare run of 9 or more digits is masked, since a phone number is often written that way.
 */
public final class PiiMask {
  public static final String EMAIL_MASK = "[email]";
  public static final String PHONE_MASK = "[phone]";

  static final String EMAIL =
      "[\\p{L}\\p{N}._%+\\-]+@[\\p{L}\\p{N}\\-]+(?:\\.[\\p{L}\\p{N}\\-]+)*\\.\\p{L}{2,}";

  /** Between two digits: nothing, one of space . -, or a bracket with at most one of those. */
  private static final String SEP = "(?:[ .\\-]|\\)[ .\\-]?|[ .\\-]?\\()?";

  static final String PHONE =
      "(?<![\\p{L}\\p{N}_+(])" // not inside a word or a number
          + "(?:\\+|\\()?\\d(?:"
          + SEP
          + "\\d){8,}" // at least 9 digits
          + "(?<![ .\\-()]\\d)" // the last group is not a lone digit ("2026-10-31 2")
          + "(?![\\p{L}\\p{N}_])";

  private PiiMask() {}

  /** {@code text} with e-mail addresses and phone numbers masked; null stays null. */
  public static Column mask(Column text) {
    return regexp_replace(regexp_replace(text, EMAIL, EMAIL_MASK), PHONE, PHONE_MASK);
  }
}

package io.cxgap.common.quality;

/** Quarantine reason codes, in the order rules are checked (docs/landing-format.md). */
public final class Reasons {
  private Reasons() {}

  public static final String MALFORMED = "malformed";
  public static final String BAD_ENCODING = "bad_encoding";
  public static final String OVERSIZED_FIELD = "oversized_field";
  public static final String MISSING_REQUIRED = "missing_required";
  public static final String BAD_TIMESTAMP = "bad_timestamp";
  public static final String BAD_NUMBER = "bad_number";
  public static final String OUT_OF_RANGE = "out_of_range";
  public static final String UNKNOWN_CUSTOMER = "unknown_customer";
  public static final String UNKNOWN_TOUCHPOINT = "unknown_touchpoint";
  public static final String UNKNOWN_CHANNEL = "unknown_channel";
  public static final String UNKNOWN_OUTCOME = "unknown_outcome";

  /**
   * The row's customer was erased with {@code forget} (DESIGN.md §6); checked before every other
   * rule, and the row keeps no raw text.
   */
  public static final String ERASED_CUSTOMER = "erased_customer";
}

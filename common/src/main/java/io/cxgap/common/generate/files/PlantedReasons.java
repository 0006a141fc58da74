package io.cxgap.common.generate.files;

import static io.cxgap.common.quality.Reasons.BAD_NUMBER;
import static io.cxgap.common.quality.Reasons.BAD_TIMESTAMP;
import static io.cxgap.common.quality.Reasons.MALFORMED;
import static io.cxgap.common.quality.Reasons.MISSING_REQUIRED;
import static io.cxgap.common.quality.Reasons.OUT_OF_RANGE;
import static io.cxgap.common.quality.Reasons.UNKNOWN_CHANNEL;
import static io.cxgap.common.quality.Reasons.UNKNOWN_CUSTOMER;
import static io.cxgap.common.quality.Reasons.UNKNOWN_OUTCOME;
import static io.cxgap.common.quality.Reasons.UNKNOWN_TOUCHPOINT;

import java.util.List;

/**
 * Per source, the quarantine reasons of docs/landing-format.md ({@link
 * io.cxgap.common.quality.Reasons}) that the generator plants, in the order it cycles through them.
 */
public final class PlantedReasons {
  public static final String CUSTOMERS = "customers";
  public static final String SURVEYS = "surveys";
  public static final String INTERACTIONS = "interactions";

  public static final List<String> CUSTOMER_REASONS = List.of(MISSING_REQUIRED, BAD_TIMESTAMP);
  public static final List<String> SURVEY_REASONS =
      List.of(
          MISSING_REQUIRED,
          BAD_TIMESTAMP,
          BAD_NUMBER,
          OUT_OF_RANGE,
          UNKNOWN_CUSTOMER,
          UNKNOWN_TOUCHPOINT);

  /** Reasons that break a whole wide row, hence every item row it yields. */
  public static final List<String> WIDE_REASONS =
      List.of(MISSING_REQUIRED, BAD_TIMESTAMP, OUT_OF_RANGE, UNKNOWN_CUSTOMER);

  public static final List<String> INTERACTION_REASONS =
      List.of(
          MISSING_REQUIRED,
          BAD_TIMESTAMP,
          BAD_NUMBER,
          OUT_OF_RANGE,
          UNKNOWN_CHANNEL,
          UNKNOWN_TOUCHPOINT,
          UNKNOWN_OUTCOME);

  /** Every reason a source can get from the generator, in landing-format order. */
  public static List<String> reported(String source) {
    return switch (source) {
      case CUSTOMERS -> CUSTOMER_REASONS;
      case SURVEYS ->
          List.of(
              MALFORMED,
              MISSING_REQUIRED,
              BAD_TIMESTAMP,
              BAD_NUMBER,
              OUT_OF_RANGE,
              UNKNOWN_CUSTOMER,
              UNKNOWN_TOUCHPOINT);
      default ->
          List.of(
              MALFORMED,
              MISSING_REQUIRED,
              BAD_TIMESTAMP,
              BAD_NUMBER,
              OUT_OF_RANGE,
              UNKNOWN_TOUCHPOINT,
              UNKNOWN_CHANNEL,
              UNKNOWN_OUTCOME);
    };
  }

  private PlantedReasons() {}

  /** Round-robin over reasons; {@link #variant} rotates the ways to break the current one. */
  public static final class Cycle {
    private final List<String> reasons;
    private final int[] uses;
    private int next;
    private int variant;

    public Cycle(List<String> reasons) {
      this.reasons = reasons;
      this.uses = new int[reasons.size()];
    }

    /** Advances to the next reason and returns it. */
    public String next() {
      int i = next;
      next = (next + 1) % reasons.size();
      variant = uses[i]++;
      return reasons.get(i);
    }

    /** How many times the reason just returned was used before, for rotating variants. */
    public int variant() {
      return variant;
    }
  }
}

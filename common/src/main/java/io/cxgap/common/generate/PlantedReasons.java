package io.cxgap.common.generate;

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
final class PlantedReasons {
  static final String CUSTOMERS = "customers";
  static final String SURVEYS = "surveys";
  static final String INTERACTIONS = "interactions";

  static final List<String> CUSTOMER_REASONS = List.of(MISSING_REQUIRED, BAD_TIMESTAMP);
  static final List<String> SURVEY_REASONS =
      List.of(
          MISSING_REQUIRED,
          BAD_TIMESTAMP,
          BAD_NUMBER,
          OUT_OF_RANGE,
          UNKNOWN_CUSTOMER,
          UNKNOWN_TOUCHPOINT);

  /** Reasons that break a whole wide row, hence every item row it yields. */
  static final List<String> WIDE_REASONS =
      List.of(MISSING_REQUIRED, BAD_TIMESTAMP, OUT_OF_RANGE, UNKNOWN_CUSTOMER);

  static final List<String> INTERACTION_REASONS =
      List.of(
          MISSING_REQUIRED,
          BAD_TIMESTAMP,
          BAD_NUMBER,
          OUT_OF_RANGE,
          UNKNOWN_CHANNEL,
          UNKNOWN_TOUCHPOINT,
          UNKNOWN_OUTCOME);

  /** Every reason a source can get from the generator, in landing-format order. */
  static List<String> reported(String source) {
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
  static final class Cycle {
    private final List<String> reasons;
    private final int[] uses;
    private int next;
    private int variant;

    Cycle(List<String> reasons) {
      this.reasons = reasons;
      this.uses = new int[reasons.size()];
    }

    /** Advances to the next reason and returns it. */
    String next() {
      int i = next;
      next = (next + 1) % reasons.size();
      variant = uses[i]++;
      return reasons.get(i);
    }

    /** How many times the reason just returned was used before, for rotating variants. */
    int variant() {
      return variant;
    }
  }
}

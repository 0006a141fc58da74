package io.cxgap.common.landing;

import static io.cxgap.common.Columns.*;

import java.util.List;

/** The three landing sources and their columns (DESIGN.md §4). */
public enum Source {
  CUSTOMERS(
      "customers",
      List.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE, SEGMENT, REGION, TIER, SIGNUP_DATE, UPDATED_AT),
      List.of(CUSTOMER_ID, UPDATED_AT)),
  SURVEYS(
      "surveys",
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
          COMMENT,
          ADEQUATE),
      List.of(RESPONSE_ID, CUSTOMER_ID, RESPONDED_AT, TOUCHPOINT, EXPECTATION, EXPERIENCE)),
  INTERACTIONS(
      "interactions",
      List.of(EVENT_ID, CUSTOMER_ID, CHANNEL, TOUCHPOINT, STARTED_AT, WAIT_S, DURATION_S, OUTCOME),
      List.of(EVENT_ID, CUSTOMER_ID, CHANNEL, TOUCHPOINT, STARTED_AT));

  private final String folder;
  private final List<String> columns;
  private final List<String> required;

  Source(String folder, List<String> columns, List<String> required) {
    this.folder = folder;
    this.columns = columns;
    this.required = required;
  }

  /** Folder under the landing root, also the bronze table's name. */
  public String folder() {
    return folder;
  }

  /** Columns as the contract names them, in order. */
  public List<String> columns() {
    return columns;
  }

  /** Columns whose absence from a file's header is a usage error. */
  public List<String> required() {
    return required;
  }

  /**
   * Whether the source's folder may be missing (DESIGN.md §4 "Survey-only programs"): channel logs
   * are optional; a missing CRM or survey folder is a usage error.
   */
  public boolean optional() {
    return this == INTERACTIONS;
  }
}

package io.cxgap.common;

/** Column names used across layers (DESIGN.md §4, §5), in one place. */
public final class Columns {
  private Columns() {}

  // customers
  public static final String CUSTOMER_ID = "customer_id";
  public static final String FULL_NAME = "full_name";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String SEGMENT = "segment";
  public static final String REGION = "region";
  public static final String TIER = "tier";
  public static final String SIGNUP_DATE = "signup_date";
  public static final String UPDATED_AT = "updated_at";

  // surveys
  public static final String RESPONSE_ID = "response_id";
  public static final String SURVEY_ID = "survey_id";
  public static final String RESPONDED_AT = "responded_at";
  public static final String TOUCHPOINT = "touchpoint";
  public static final String EXPECTATION = "expectation";
  public static final String EXPERIENCE = "experience";
  public static final String SCALE_MIN = "scale_min";
  public static final String SCALE_MAX = "scale_max";
  public static final String OVERALL_NPS = "overall_nps";
  public static final String COMMENT = "comment";

  /** Optional third SERVQUAL column: the lowest level still acceptable (zone of tolerance). */
  public static final String ADEQUATE = "adequate";

  // interactions
  public static final String EVENT_ID = "event_id";
  public static final String CHANNEL = "channel";
  public static final String STARTED_AT = "started_at";
  public static final String WAIT_S = "wait_s";
  public static final String DURATION_S = "duration_s";
  public static final String OUTCOME = "outcome";

  // derived
  public static final String TOUCHPOINT_RAW = "touchpoint_raw";
  public static final String RESPONSE_DATE = "response_date";
  public static final String CONTACT_DATE = "contact_date";
  public static final String EXPECTATION_NORM = "expectation_norm";
  public static final String EXPERIENCE_NORM = "experience_norm";
  public static final String GAP = "gap";

  /** Adequate level normalised to 0..100; null where the row has no adequate answer. */
  public static final String ADEQUATE_NORM = "adequate_norm";

  /** Measure of service adequacy: experience_norm - adequate_norm; null for an inversion. */
  public static final String MSA = "msa";

  /** True when adequate > expectation (a zone-of-tolerance inversion); null without adequate. */
  public static final String ZOT_INVERSION = "zot_inversion";

  public static final String AS_OF_DATE = "as_of_date";

  // gold keys and catalog attributes
  public static final String SEGMENT_DIMENSION = "segment_dimension";
  public static final String SEGMENT_VALUE = "segment_value";
  public static final String WINDOW_DAYS = "window_days";
  public static final String JOURNEY_STAGE = "journey_stage";
  public static final String DIMENSION = "dimension";
  public static final String TARGET_GAP = "target_gap";

  /** The whole base: segment_dimension 'total', segment_value 'all' (DESIGN.md §5). */
  public static final String TOTAL = "total";

  public static final String ALL = "all";
  public static final String UNKNOWN = "unknown";

  // lineage and quarantine
  public static final String FILE = "file";
  public static final String RAW = "raw";
  public static final String RUN_ID = "run_id";
  public static final String BATCH_ID = "batch_id";
  public static final String SOURCE = "source";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";
  public static final String INGESTED_AT = "ingested_at";

  /** Columns that hold personal data: allowed in bronze only (DESIGN.md §6). */
  public static final java.util.List<String> PII = java.util.List.of(FULL_NAME, EMAIL, PHONE);

  /**
   * Columns that name or describe a person: the customer id, PII, free text and quarantined raw
   * text. They get no Delta data-skipping statistics, so no transaction-log entry names a customer
   * (DESIGN.md §6).
   */
  public static final java.util.Set<String> PERSONAL =
      java.util.Set.of(CUSTOMER_ID, FULL_NAME, EMAIL, PHONE, COMMENT, RAW, DETAIL);
}

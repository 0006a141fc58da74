package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;

import java.util.List;

/**
 * Column names of {@code gold.gap_segment_touchpoint} and {@code gold.gap_trend} (DESIGN.md §5),
 * and each table's columns in order: what {@link GapCells} and {@link GapTrend} write, what {@link
 * io.cxgap.common.gold.GoldDocs} documents and what the bench compares. Keys shared with other
 * tables (as_of_date, segment_dimension, touchpoint …) come from {@link io.cxgap.common.Columns}.
 */
public final class GapColumns {
  private GapColumns() {}

  public static final String RESPONDENTS = "respondents";
  public static final String RESPONSES = "responses";
  public static final String EXPECTATION_MEAN = "expectation_mean";
  public static final String EXPERIENCE_MEAN = "experience_mean";
  public static final String GAP_MEAN = "gap_mean";
  public static final String GAP_STDDEV = "gap_stddev";
  public static final String GAP_CI95_LOW = "gap_ci95_low";
  public static final String GAP_CI95_HIGH = "gap_ci95_high";
  public static final String NEGATIVE_GAP_SHARE = "negative_gap_share";
  public static final String MEETS_TARGET = "meets_target";
  public static final String CONTACTS = "contacts";
  public static final String REPEAT_CONTACT_RATE = "repeat_contact_rate";
  public static final String ABANDONMENT_RATE = "abandonment_rate";
  public static final String FAILURE_RATE = "failure_rate";
  public static final String AVG_WAIT_S = "avg_wait_s";
  public static final String P90_WAIT_S = "p90_wait_s";
  public static final String SUPPRESSED = "suppressed";

  // zone of tolerance (DESIGN.md §5), appended after suppressed
  public static final String ADEQUATE_MEAN = "adequate_mean";
  public static final String MSA_MEAN = "msa_mean";
  public static final String MSA_CI95_LOW = "msa_ci95_low";
  public static final String MSA_CI95_HIGH = "msa_ci95_high";
  public static final String BELOW_ADEQUATE_SHARE = "below_adequate_share";
  public static final String ZOT_INVERSIONS = "zot_inversions";
  public static final String ZOT_STATUS = "zot_status";

  /** zot_status values: the cell's experience relative to its zone of tolerance. */
  public static final String ZOT_BELOW = "below";

  public static final String ZOT_WITHIN = "within";
  public static final String ZOT_ABOVE = "above";

  // gap_trend
  public static final String PREVIOUS_GAP_MEAN = "previous_gap_mean";
  public static final String DELTA = "delta";
  public static final String P_VALUE = "p_value";

  /** Benjamini–Hochberg adjusted p-value over the table's p-values of the date. */
  public static final String Q_VALUE = "q_value";

  public static final String DIRECTION = "direction";
  public static final String PREVIOUS_RESPONDENTS = "previous_respondents";
  public static final String PREVIOUS_RESPONSES = "previous_responses";

  /** {@code gold.gap_segment_touchpoint}'s columns, in table order. */
  public static final List<String> GAP_SEGMENT_TOUCHPOINT =
      List.of(
          AS_OF_DATE,
          WINDOW_DAYS,
          SEGMENT_DIMENSION,
          SEGMENT_VALUE,
          TOUCHPOINT,
          JOURNEY_STAGE,
          DIMENSION,
          RESPONDENTS,
          RESPONSES,
          EXPECTATION_MEAN,
          EXPERIENCE_MEAN,
          GAP_MEAN,
          GAP_STDDEV,
          GAP_CI95_LOW,
          GAP_CI95_HIGH,
          NEGATIVE_GAP_SHARE,
          TARGET_GAP,
          MEETS_TARGET,
          CONTACTS,
          REPEAT_CONTACT_RATE,
          ABANDONMENT_RATE,
          FAILURE_RATE,
          AVG_WAIT_S,
          P90_WAIT_S,
          SUPPRESSED,
          ADEQUATE_MEAN,
          MSA_MEAN,
          MSA_CI95_LOW,
          MSA_CI95_HIGH,
          BELOW_ADEQUATE_SHARE,
          ZOT_INVERSIONS,
          ZOT_STATUS);

  /** {@code gold.gap_trend}'s columns, in table order. */
  public static final List<String> GAP_TREND =
      List.of(
          AS_OF_DATE,
          WINDOW_DAYS,
          SEGMENT_DIMENSION,
          SEGMENT_VALUE,
          TOUCHPOINT,
          GAP_MEAN,
          PREVIOUS_GAP_MEAN,
          DELTA,
          P_VALUE,
          Q_VALUE,
          DIRECTION,
          RESPONDENTS,
          PREVIOUS_RESPONDENTS,
          RESPONSES,
          PREVIOUS_RESPONSES,
          SUPPRESSED);
}

package io.cxgap.common.monitor;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.gaps.GapColumns;
import java.util.List;

/**
 * Column names and status values of {@code gold.initiative_check} (DESIGN.md §5), and the table's
 * columns in order: what {@link InitiativeCheck} writes and what {@link
 * io.cxgap.common.gold.GoldDocs} documents. Keys shared with other tables come from {@link
 * io.cxgap.common.Columns}; p_value is gap_trend's.
 */
public final class InitiativeColumns {
  private InitiativeColumns() {}

  public static final String INITIATIVE_ID = "initiative_id";
  public static final String NAME = "name";
  public static final String STARTED = "started";
  public static final String DUE = "due";
  public static final String EXPECTED_CHANGE = "expected_change";
  public static final String BASELINE_RESPONDENTS = "baseline_respondents";
  public static final String CURRENT_RESPONDENTS = "current_respondents";
  public static final String BASELINE_GAP = "baseline_gap";
  public static final String CURRENT_GAP = "current_gap";
  public static final String OBSERVED_CHANGE = "observed_change";
  public static final String OBSERVED_CI95_LOW = "observed_ci95_low";
  public static final String OBSERVED_CI95_HIGH = "observed_ci95_high";
  public static final String P_VALUE = GapColumns.P_VALUE;
  public static final String CONTROL_CHANGE = "control_change";
  public static final String DID_CHANGE = "did_change";
  public static final String DID_CI95_LOW = "did_ci95_low";
  public static final String DID_CI95_HIGH = "did_ci95_high";
  public static final String ELAPSED_SHARE = "elapsed_share";
  public static final String EXPECTED_TO_DATE = "expected_to_date";
  public static final String STATUS = "status";

  /** status values, in DESIGN.md's order of precedence. */
  public static final String NOT_STARTED = "not_started";

  public static final String INSUFFICIENT_DATA = "insufficient_data";
  public static final String ACHIEVED = "achieved";
  public static final String MISSED = "missed";
  public static final String ON_TRACK = "on_track";
  public static final String BEHIND = "behind";

  /** {@code gold.initiative_check}'s columns, in table order. */
  public static final List<String> INITIATIVE_CHECK =
      List.of(
          AS_OF_DATE,
          INITIATIVE_ID,
          NAME,
          TOUCHPOINT,
          SEGMENT_DIMENSION,
          SEGMENT_VALUE,
          STARTED,
          DUE,
          EXPECTED_CHANGE,
          BASELINE_RESPONDENTS,
          CURRENT_RESPONDENTS,
          BASELINE_GAP,
          CURRENT_GAP,
          OBSERVED_CHANGE,
          OBSERVED_CI95_LOW,
          OBSERVED_CI95_HIGH,
          P_VALUE,
          CONTROL_CHANGE,
          DID_CHANGE,
          DID_CI95_LOW,
          DID_CI95_HIGH,
          ELAPSED_SHARE,
          EXPECTED_TO_DATE,
          STATUS);
}

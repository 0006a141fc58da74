package io.cxgap.common.nps;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.gaps.GapColumns;
import java.util.List;

/**
 * Column names of {@code gold.nps_segment} (DESIGN.md §5), and the table's columns in order: what
 * {@link NpsSegment} writes and what {@link io.cxgap.common.gold.GoldDocs} documents. Names shared
 * with gap_trend (respondents, delta, p_value …) are gap_trend's.
 */
public final class NpsColumns {
  private NpsColumns() {}

  public static final String RESPONSES = GapColumns.RESPONSES;
  public static final String RESPONDENTS = GapColumns.RESPONDENTS;
  public static final String PROMOTERS = "promoters";
  public static final String PASSIVES = "passives";
  public static final String DETRACTORS = "detractors";
  public static final String PROMOTER_SHARE = "promoter_share";
  public static final String PASSIVE_SHARE = "passive_share";
  public static final String DETRACTOR_SHARE = "detractor_share";
  public static final String NPS = "nps";
  public static final String NPS_CI95_LOW = "nps_ci95_low";
  public static final String NPS_CI95_HIGH = "nps_ci95_high";
  public static final String PREVIOUS_RESPONSES = GapColumns.PREVIOUS_RESPONSES;
  public static final String PREVIOUS_RESPONDENTS = GapColumns.PREVIOUS_RESPONDENTS;
  public static final String PREVIOUS_NPS = "previous_nps";
  public static final String DELTA = GapColumns.DELTA;
  public static final String P_VALUE = GapColumns.P_VALUE;
  public static final String Q_VALUE = GapColumns.Q_VALUE;
  public static final String DIRECTION = GapColumns.DIRECTION;
  public static final String SUPPRESSED = GapColumns.SUPPRESSED;

  /** {@code gold.nps_segment}'s columns, in table order. */
  public static final List<String> NPS_SEGMENT =
      List.of(
          AS_OF_DATE,
          WINDOW_DAYS,
          SEGMENT_DIMENSION,
          SEGMENT_VALUE,
          RESPONSES,
          RESPONDENTS,
          PROMOTERS,
          PASSIVES,
          DETRACTORS,
          PROMOTER_SHARE,
          PASSIVE_SHARE,
          DETRACTOR_SHARE,
          NPS,
          NPS_CI95_LOW,
          NPS_CI95_HIGH,
          PREVIOUS_RESPONSES,
          PREVIOUS_RESPONDENTS,
          PREVIOUS_NPS,
          DELTA,
          P_VALUE,
          Q_VALUE,
          DIRECTION,
          SUPPRESSED);
}

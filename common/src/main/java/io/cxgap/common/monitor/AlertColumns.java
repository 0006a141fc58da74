package io.cxgap.common.monitor;

import static io.cxgap.common.Columns.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Column names and values of {@code gold.alert} and {@code gold.detractor_followup} (DESIGN.md §5),
 * each table's columns in order, and the columns of the tables they read that no other class names
 * ({@code gold.touchpoint_driver}; gold.initiative_check's are {@link InitiativeColumns}'). Keys
 * shared with other tables come from {@link io.cxgap.common.Columns}.
 */
public final class AlertColumns {
  private AlertColumns() {}

  // gold.alert
  public static final String ALERT_KEY = "alert_key";
  public static final String KIND = "kind";
  public static final String SEVERITY = "severity";
  public static final String METRIC = "metric";
  public static final String VALUE = "value";
  public static final String REFERENCE = "reference";
  public static final String Q_VALUE = "q_value";
  public static final String FIRST_SEEN = "first_seen";
  public static final String NEW = "new";
  public static final String MESSAGE = "message";

  /** Alert kinds. */
  public static final String GAP_DETERIORATING = "gap_deteriorating";

  public static final String NPS_DETERIORATING = "nps_deteriorating";
  public static final String TARGET_MISSED = "target_missed";
  public static final String INITIATIVE_BEHIND = "initiative_behind";
  public static final String INITIATIVE_MISSED = "initiative_missed";
  public static final String ZOT_BELOW = "zot_below";

  /** Severities. */
  public static final String HIGH = "high";

  public static final String MEDIUM = "medium";

  // gold.detractor_followup
  public static final String NPS = "nps";
  public static final String WORST_TOUCHPOINT = "worst_touchpoint";
  public static final String WORST_GAP = "worst_gap";

  // read from gold.touchpoint_driver
  static final String PRIORITY_RANK = "priority_rank";

  /** {@code gold.alert}'s columns, in table order. */
  public static final List<String> ALERT =
      List.of(
          AS_OF_DATE,
          ALERT_KEY,
          KIND,
          SEVERITY,
          SEGMENT_DIMENSION,
          SEGMENT_VALUE,
          TOUCHPOINT,
          METRIC,
          VALUE,
          REFERENCE,
          Q_VALUE,
          FIRST_SEEN,
          NEW,
          MESSAGE);

  /**
   * {@code gold.detractor_followup}'s columns, in table order: the CRM segment values as of D come
   * as one column per segment dimension, named as the CRM column, after nps.
   */
  public static List<String> detractorFollowup(List<String> dimensions) {
    List<String> out =
        new ArrayList<>(List.of(AS_OF_DATE, RESPONSE_ID, CUSTOMER_ID, RESPONDED_AT, NPS));
    out.addAll(dimensions);
    out.addAll(
        List.of(
            WORST_TOUCHPOINT,
            WORST_GAP,
            io.cxgap.common.clusters.ClusterColumns.CLUSTER_ID,
            io.cxgap.common.clusters.ClusterColumns.CLUSTER_LABEL,
            COMMENT));
    return List.copyOf(out);
  }
}

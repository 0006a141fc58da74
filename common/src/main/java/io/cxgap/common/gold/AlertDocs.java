package io.cxgap.common.gold;

import static io.cxgap.common.gold.GoldDocs.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.clusters.ClusterColumns;
import io.cxgap.common.monitor.AlertColumns;

/**
 * The comments of {@code gold.alert} and {@code gold.detractor_followup} (DESIGN.md §5 "Proactive
 * monitoring"), in {@link GoldDocs}' catalogue. detractor_followup's segment columns follow
 * cx.segment-dimensions; the default ones (segment, region, tier) are documented.
 */
final class AlertDocs {
  private AlertDocs() {}

  private static final String CRM_AS_OF =
      "the customer's CRM value of this segment dimension as of as_of_date (one column per cx.segment-dimensions entry); unknown when blank or not in the CRM";

  /** Adds the tables' docs to {@link GoldDocs}, in DESIGN.md order. */
  static void define() {
    GoldDocs.table(
        Table.ALERT,
        "What a CX team must look at on the run date: one row per alert that fired, with a sentence to act on; new ones are those that did not fire on the day before",
        col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        col(
            AlertColumns.ALERT_KEY,
            "stable id of the alert across run dates: kind|segment|touchpoint or initiative id, segment being total or dimension=value (e.g. gap_deteriorating|segment=SMB|billing)"),
        col(
            AlertColumns.KIND,
            "gap_deteriorating (gap_trend direction), nps_deteriorating (nps_segment direction), target_missed (gap_ci95_high below target_gap), zot_below (zot_status below), initiative_behind or initiative_missed (initiative_check status)"),
        col(
            AlertColumns.SEVERITY,
            "high when the touchpoint's priority_rank in touchpoint_driver is 1 to 3 or q_value < 0.001, else medium"),
        col(Columns.SEGMENT_DIMENSION, GoldDocs.SEG_DIM),
        col(Columns.SEGMENT_VALUE, GoldDocs.SEG_VAL),
        col(
            Columns.TOUCHPOINT,
            "touchpoint id from the catalog (the initiative's for initiative alerts); null for nps_deteriorating"),
        col(
            AlertColumns.METRIC,
            "the column value is taken from: gap_mean, nps, msa_mean or observed_change"),
        col(AlertColumns.VALUE, "the metric's value on as_of_date"),
        col(
            AlertColumns.REFERENCE,
            "what value is compared with: the previous window's value (deteriorating), target_gap (target_missed), 0 = the adequate level (zot_below), the change expected by now (initiative_behind) or by the due date (initiative_missed)"),
        col(
            AlertColumns.Q_VALUE,
            "the source row's Benjamini-Hochberg q-value (deteriorating kinds); null for the others"),
        col(
            AlertColumns.FIRST_SEEN,
            "first date of the unbroken run of daily run dates, ending on as_of_date, on which this alert_key fired"),
        col(
            AlertColumns.NEW,
            "true when the alert_key did not fire on the day before as_of_date (the previous nightly)"),
        col(AlertColumns.MESSAGE, "one sentence with the numbers, saying what to do"));
    GoldDocs.table(
        Table.DETRACTOR_FOLLOWUP,
        "Detractors to call back: survey responses with overall_nps <= 6 dated in the last cx.followup-days days up to the run date, with the worst touchpoint, pain cluster and the comment with e-mail addresses and phone numbers masked",
        col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        col(Columns.RESPONSE_ID, "the survey response (one submission)"),
        col(Columns.CUSTOMER_ID, "CRM customer id"),
        col(Columns.RESPONDED_AT, "when the response was given (UTC; its earliest item)"),
        col(
            AlertColumns.NPS,
            "the response's likelihood to recommend, 0..6 (mean over its items where they differ)"),
        col(Columns.SEGMENT, CRM_AS_OF),
        col(Columns.REGION, CRM_AS_OF),
        col(Columns.TIER, CRM_AS_OF),
        col(
            AlertColumns.WORST_TOUCHPOINT,
            "the touchpoint of the response's lowest item gap (ties: the lower touchpoint id)"),
        col(AlertColumns.WORST_GAP, "that item's gap, experience - expectation on 0..100"),
        col(
            ClusterColumns.CLUSTER_ID,
            "the customer's pain cluster on as_of_date (customer_pain_cluster); null when not clustered"),
        col(ClusterColumns.CLUSTER_LABEL, "that cluster's label, e.g. billing + support_call"),
        col(
            Columns.COMMENT,
            "the response's free-text comment(s), distinct ones joined with ' | ', e-mail addresses shown as [email] and phone numbers as [phone]"));
  }
}

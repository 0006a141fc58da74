package io.cxgap.common.gold;

import static io.cxgap.common.gold.GoldDocs.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.monitor.InitiativeColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments of {@code gold.initiative_check} (DESIGN.md §5), for {@link GoldDocs}' catalogue,
 * which registers them under {@link Table#INITIATIVE_CHECK}.
 */
final class InitiativeDocs {
  private InitiativeDocs() {}

  static final String COMMENT =
      "Proactive monitoring: per run date and declared initiative (cx.initiatives), the change of the touchpoint's gap in the segment since the initiative started, against its expected path, with the difference in differences against the segment's other touchpoints";

  /**
   * The column comments, in table order. Built on each call, not held in a static field: {@link
   * GoldDocs}' static initialiser calls {@link #define}, so a field here could still be null when
   * this class is initialised first.
   */
  private static List<Map.Entry<String, String>> columns() {
    return List.of(
        col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        col(InitiativeColumns.INITIATIVE_ID, "the initiative's id in the cx.initiatives file"),
        col(InitiativeColumns.NAME, "the initiative's name in the cx.initiatives file"),
        col(Columns.TOUCHPOINT, "catalog touchpoint whose gap the initiative is to change"),
        col(Columns.SEGMENT_DIMENSION, GoldDocs.SEG_DIM),
        col(Columns.SEGMENT_VALUE, GoldDocs.SEG_VAL),
        col(InitiativeColumns.STARTED, "first day the initiative is in effect (UTC)"),
        col(InitiativeColumns.DUE, "day by which the full expected change is due"),
        col(
            InitiativeColumns.EXPECTED_CHANGE,
            "expected change of the mean gap in 0..100 points by the due date; positive = better"),
        col(
            InitiativeColumns.BASELINE_RESPONDENTS,
            "distinct customers of the segment who rated the touchpoint in the baseline: the cx.window-days days before started"),
        col(
            InitiativeColumns.CURRENT_RESPONDENTS,
            "distinct customers of the segment who rated the touchpoint in the current period: the window ending as_of_date, from started at the earliest; 0 before started"),
        col(
            InitiativeColumns.BASELINE_GAP,
            "mean item gap in the baseline; null below cx.min-respondents customers"),
        col(
            InitiativeColumns.CURRENT_GAP,
            "mean item gap in the current period; null below cx.min-respondents customers or before started"),
        col(
            InitiativeColumns.OBSERVED_CHANGE,
            "current_gap - baseline_gap; null unless both periods have cx.min-respondents customers and the initiative has started"),
        col(
            InitiativeColumns.OBSERVED_CI95_LOW,
            "lower end of the 95% Welch interval of observed_change (t quantile, Welch-Satterthwaite degrees of freedom)"),
        col(
            InitiativeColumns.OBSERVED_CI95_HIGH,
            "upper end of the 95% Welch interval of observed_change"),
        col(
            InitiativeColumns.P_VALUE,
            "two-sided p-value of Welch's t-test between the current and the baseline gaps"),
        col(
            InitiativeColumns.CONTROL_CHANGE,
            "the same change over the segment's ratings of every other touchpoint, pooled: what moved without the initiative; null when those have fewer than cx.min-respondents customers in a period"),
        col(
            InitiativeColumns.DID_CHANGE,
            "difference in differences: observed_change - control_change, the change attributable to the initiative"),
        col(
            InitiativeColumns.DID_CI95_LOW,
            "lower end of the 95% interval of did_change: se = sqrt(se_observed^2 + se_control^2), Welch-Satterthwaite degrees of freedom over the four samples"),
        col(InitiativeColumns.DID_CI95_HIGH, "upper end of the 95% interval of did_change"),
        col(
            InitiativeColumns.ELAPSED_SHARE,
            "share of the time from started to due that has passed on as_of_date, 0..1"),
        col(
            InitiativeColumns.EXPECTED_TO_DATE,
            "elapsed_share x expected_change: where the gap change should be by now on a straight path"),
        col(
            InitiativeColumns.STATUS,
            "not_started (before started), insufficient_data (a period below cx.min-respondents customers), achieved (the CI95 bound on the expected side reaches expected_change), missed (due passed, not achieved), on_track (observed_change at or beyond expected_to_date), else behind"));
  }

  /** The table's description and column comments, in table order. */
  static GoldDocs.TableDoc doc() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : columns()) {
      m.put(e.getKey(), e.getValue());
    }
    return new GoldDocs.TableDoc(COMMENT, m);
  }

  /** Adds the table's docs to {@link GoldDocs} under {@code table}. */
  static void define(Table table) {
    GoldDocs.table(table, doc());
  }
}

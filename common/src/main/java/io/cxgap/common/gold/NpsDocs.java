package io.cxgap.common.gold;

import static io.cxgap.common.gold.GoldDocs.col;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.nps.NpsColumns;

/** The comments of {@code gold.nps_segment} (DESIGN.md §5), in {@link GoldDocs}' catalogue. */
final class NpsDocs {
  private NpsDocs() {}

  /** Adds the table's docs to {@link GoldDocs}, in DESIGN.md order. */
  static void define() {
    GoldDocs.table(
        Table.NPS_SEGMENT,
        "Net Promoter Score per run date and segment cut over the window, with its 95% interval (adjusted Wald) and the z-test against the previous window; a survey response counts once",
        col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        col(
            Columns.WINDOW_DAYS,
            "length of each of the two windows in days; the current one ends on as_of_date"),
        col(Columns.SEGMENT_DIMENSION, GoldDocs.SEG_DIM),
        col(Columns.SEGMENT_VALUE, GoldDocs.SEG_VAL),
        col(
            NpsColumns.RESPONSES,
            "survey responses with an overall_nps in the window, each counted once (a response whose items differ counts with their mean)"),
        col(NpsColumns.RESPONDENTS, "distinct customers with such a response in the window"),
        col(NpsColumns.PROMOTERS, "responses with overall_nps >= 9"),
        col(NpsColumns.PASSIVES, "responses with overall_nps 7 or 8 (above 6 and below 9)"),
        col(NpsColumns.DETRACTORS, "responses with overall_nps <= 6"),
        col(NpsColumns.PROMOTER_SHARE, "promoters / responses (0..1)"),
        col(NpsColumns.PASSIVE_SHARE, "passives / responses (0..1)"),
        col(NpsColumns.DETRACTOR_SHARE, "detractors / responses (0..1)"),
        col(
            NpsColumns.NPS,
            "Net Promoter Score: 100 x (promoters - detractors) / responses, -100..100"),
        col(
            NpsColumns.NPS_CI95_LOW,
            "lower end of the 95% interval of nps, adjusted Wald (n + 3, 0.75 added to promoters and detractors), clipped to -100"),
        col(NpsColumns.NPS_CI95_HIGH, "upper end of the 95% interval of nps, clipped to 100"),
        col(NpsColumns.PREVIOUS_RESPONSES, "responses with an overall_nps in the previous window"),
        col(NpsColumns.PREVIOUS_RESPONDENTS, "distinct customers in the previous window"),
        col(
            NpsColumns.PREVIOUS_NPS,
            "nps in the previous window, just before the current one; null when it had fewer than cx.min-respondents customers"),
        col(NpsColumns.DELTA, "nps - previous_nps, NPS points; negative means worse"),
        col(
            NpsColumns.P_VALUE,
            "two-sided p-value of the z-test between the two windows' adjusted scores"),
        col(NpsColumns.Q_VALUE, GoldDocs.Q_VALUE),
        col(
            NpsColumns.DIRECTION,
            "deteriorating (delta <= -cx.trends.min-delta and q_value < 0.05), improving (symmetric), stable, new (no previous responses) or suppressed (too few customers in either window)"),
        col(
            NpsColumns.SUPPRESSED,
            "true when fewer than cx.min-respondents customers responded in the current window; then counts by class, shares, nps, interval and test are null"));
  }
}

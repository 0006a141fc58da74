package io.cxgap.common.gold;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;

/**
 * The comments of {@code gold.gap_dimension} and {@code gold.servqual_index} (DESIGN.md §5): the
 * SERVQUAL scores per dimension, in {@link GoldDocs}' catalogue of gold tables.
 */
final class DimensionDocs {
  private DimensionDocs() {}

  /** Adds the two tables' docs to {@link GoldDocs}, in DESIGN.md order. */
  static void define() {
    GoldDocs.table(
        Table.GAP_DIMENSION,
        "SERVQUAL score per run date, segment cut and dimension, scored the SERVQUAL way: each respondent's mean over the dimension's touchpoints they answered, then statistics over respondents (0..100 scale)",
        GoldDocs.col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        GoldDocs.col(Columns.WINDOW_DAYS, GoldDocs.WINDOW),
        GoldDocs.col(Columns.SEGMENT_DIMENSION, GoldDocs.SEG_DIM),
        GoldDocs.col(Columns.SEGMENT_VALUE, GoldDocs.SEG_VAL),
        GoldDocs.col(Columns.DIMENSION, "dimension from the catalog"),
        GoldDocs.col(
            "respondents", "distinct customers who rated at least one touchpoint of the dimension"),
        GoldDocs.col("items", "touchpoints of the dimension answered in this cell"),
        GoldDocs.col(
            "expectation_mean", "mean over respondents of their mean expected level, 0..100"),
        GoldDocs.col(
            "experience_mean",
            "mean over respondents of their mean experienced level, 0..100: the SERVPERF score"),
        GoldDocs.col(
            "gap_mean",
            "mean over respondents of their mean gap (experience - expectation); below 0 is a shortfall"),
        GoldDocs.col("gap_stddev", "sample standard deviation of the respondents' gaps"),
        GoldDocs.col(
            "gap_ci95_low",
            "lower end of the 95% confidence interval of gap_mean (Student's t over respondents)"),
        GoldDocs.col("gap_ci95_high", "upper end of the 95% confidence interval of gap_mean"),
        GoldDocs.col(
            "msa_mean",
            "mean over respondents of their mean adequacy margin (experience - adequate); null without adequate answers"),
        GoldDocs.col(
            "weight",
            "the dimension's weight from the catalog's dimension-weights, normalised to sum to 1; null without weights"),
        GoldDocs.col(
            "alpha_expectation",
            "Cronbach's alpha of the expectation items; null when fewer than 2 items or too few complete respondents; below 0.70 the items do not measure one thing reliably"),
        GoldDocs.col("alpha_experience", "Cronbach's alpha of the experience items"),
        GoldDocs.col("alpha_gap", "Cronbach's alpha of the item gaps"),
        GoldDocs.col(
            "alpha_respondents",
            "respondents who answered every item of the cell, over whom alpha is computed"),
        GoldDocs.col(
            "suppressed",
            "true when fewer than cx.min-respondents respondents; then every statistic is null"));
    GoldDocs.table(
        Table.SERVQUAL_INDEX,
        "Overall SERVQUAL index per run date and segment cut, over the cell's unsuppressed dimensions of gold.gap_dimension",
        GoldDocs.col(Columns.AS_OF_DATE, GoldDocs.AS_OF),
        GoldDocs.col(Columns.WINDOW_DAYS, GoldDocs.WINDOW),
        GoldDocs.col(Columns.SEGMENT_DIMENSION, GoldDocs.SEG_DIM),
        GoldDocs.col(Columns.SEGMENT_VALUE, GoldDocs.SEG_VAL),
        GoldDocs.col("dimensions", "unsuppressed dimensions the index averages"),
        GoldDocs.col(
            "unweighted_gap", "mean of the dimensions' gap_mean, each dimension counted once"),
        GoldDocs.col(
            "weighted_gap",
            "sum of weight x gap_mean over the dimensions with a weight, re-normalised over those present; null without dimension-weights"),
        GoldDocs.col(
            "experience_index", "mean of the dimensions' experience_mean: the SERVPERF index"));
  }
}

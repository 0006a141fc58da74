package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.AS_OF_DATE;
import static io.cxgap.common.Columns.CUSTOMER_ID;
import static io.cxgap.common.Columns.DIMENSION;
import static io.cxgap.common.Columns.EXPECTATION_NORM;
import static io.cxgap.common.Columns.EXPERIENCE_NORM;
import static io.cxgap.common.Columns.GAP;
import static io.cxgap.common.Columns.MSA;
import static io.cxgap.common.Columns.SEGMENT_DIMENSION;
import static io.cxgap.common.Columns.SEGMENT_VALUE;
import static io.cxgap.common.Columns.TOUCHPOINT;
import static io.cxgap.common.Columns.WINDOW_DAYS;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_samp;
import static org.apache.spark.sql.functions.when;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.stats.TTests;
import io.cxgap.common.transform.AnalysisWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.gap_dimension} and {@code gold.servqual_index} (DESIGN.md §5): SERVQUAL scores per
 * dimension the way the instrument is scored, respondent first. Each respondent's item value is
 * their mean over the item's answers in the window; their dimension score is the mean over the
 * dimension's items they answered; the cell's statistics are over respondents. Cronbach's α uses
 * the respondents who answered every item of the dimension that the cell has answers for. Pure:
 * Datasets and values in, a Dataset out.
 */
public final class DimensionScores {
  /** The cell of gap_dimension: a segment cut and a dimension. */
  private static final String[] CELL = {SEGMENT_DIMENSION, SEGMENT_VALUE, DIMENSION};

  private DimensionScores() {}

  /**
   * @param items silver survey items (any dates; the window is applied here); an {@code msa} column
   *     is used when present
   * @param gapCells D's rows of {@code gold.gap_segment_touchpoint} over the same window, catalog
   *     and customers: one row per cut and touchpoint answered in the window, with the touchpoint's
   *     dimension (null where the catalog lacks it). A cell's items are counted from them rather
   *     than from another pass over the items.
   * @param customersAsOf silver customers of D (customer_id + segment dimension columns)
   */
  public static Dataset<Row> gapDimension(
      Dataset<Row> items,
      Dataset<Row> gapCells,
      Dataset<Row> customersAsOf,
      TouchpointCatalog catalog,
      List<String> segmentDimensions,
      int minRespondents,
      AnalysisWindow window) {
    Dataset<Row> counted =
        gapCells
            .where(col(DIMENSION).isNotNull())
            .groupBy(CELL[0], CELL[1], CELL[2])
            .agg(count(lit(1)).as("items"));
    return scores(
        perItem(items, catalog, window),
        counted,
        customersAsOf,
        catalog,
        segmentDimensions,
        minRespondents,
        window);
  }

  /**
   * One row per respondent, dimension and item (touchpoint) of the window: the means of the
   * respondent's answers to the item in the window.
   */
  private static Dataset<Row> perItem(
      Dataset<Row> items, TouchpointCatalog catalog, AnalysisWindow window) {
    Column msa =
        Arrays.asList(items.columns()).contains(MSA)
            ? col(MSA)
            : lit(null).cast(DataTypes.DoubleType);
    return window
        .items(items)
        .join(broadcast(dimensionFrame(items.sparkSession(), catalog)), TOUCHPOINT)
        .groupBy(col(CUSTOMER_ID), col(DIMENSION), col(TOUCHPOINT))
        .agg(
            avg(EXPECTATION_NORM).as("_exp"),
            avg(EXPERIENCE_NORM).as("_perc"),
            avg(GAP).as("_gap"),
            avg(msa).as("_msa"));
  }

  /**
   * gap_dimension from {@link #perItem}'s rows and the cells' item counts {@code cellItems}
   * (segment_dimension, segment_value, dimension, items).
   */
  private static Dataset<Row> scores(
      Dataset<Row> perItem,
      Dataset<Row> cellItems,
      Dataset<Row> customersAsOf,
      TouchpointCatalog catalog,
      List<String> segmentDimensions,
      int minRespondents,
      AnalysisWindow window) {
    SparkSession spark = perItem.sparkSession();
    // A customer is in one value of each segment dimension, so their rows in a cell are their rows
    // of the cell's dimension, whatever the cut: the per-respondent values are computed once per
    // customer and dimension, before the explode into cuts, which then feeds only aggregations
    // with one group per cell.
    Dataset<Row> perRespondent =
        perItem
            .groupBy(col(CUSTOMER_ID), col(DIMENSION))
            .agg(
                count(lit(1)).as("_answered"),
                avg("_exp").as("_r_exp"),
                avg("_perc").as("_r_perc"),
                avg("_gap").as("_r_gap"),
                avg("_msa").as("_r_msa"),
                sum("_exp").as("_sum_exp"),
                sum("_perc").as("_sum_perc"),
                sum("_gap").as("_sum_gap"));
    // rows exploded into cuts, with the cell's items: per respondent here, per item for alpha
    UnaryOperator<Dataset<Row>> inCells =
        rows ->
            SegmentCuts.explode(rows, customersAsOf, segmentDimensions)
                .join(broadcast(cellItems), CELL);
    // the cell's statistics over respondents, and over its complete respondents (those who
    // answered every item the cell has) the variances of their sums for Cronbach's α, in one
    // aggregation: var_samp and count skip the nulls of the other respondents
    Column complete = col("_answered").equalTo(col("items"));
    Dataset<Row> scores =
        inCells
            .apply(perRespondent)
            .groupBy(CELL[0], CELL[1], CELL[2], "items") // items is one value per cell
            .agg(
                count(lit(1)).as("respondents"),
                avg("_r_exp").as("_exp"),
                avg("_r_perc").as("_perc"),
                avg("_r_gap").as("_gap"),
                stddev_samp("_r_gap").as("_sd"),
                avg("_r_msa").as("_msa"),
                count(when(complete, lit(1))).as("alpha_respondents"),
                var_samp(when(complete, col("_sum_exp"))).as("_sv_exp"),
                var_samp(when(complete, col("_sum_perc"))).as("_sv_perc"),
                var_samp(when(complete, col("_sum_gap"))).as("_sv_gap"));
    Dataset<Row> answered =
        perItem.withColumn(
            "_answered", count(lit(1)).over(Window.partitionBy(col(CUSTOMER_ID), col(DIMENSION))));
    Dataset<Row> cells =
        scores
            .join(itemVariances(inCells.apply(answered)), CELL, "left")
            .join(broadcast(weightFrame(spark, catalog)), DIMENSION, "left");
    return finish(cells, minRespondents, window)
        .orderBy(col(SEGMENT_DIMENSION), col(SEGMENT_VALUE), col(DIMENSION));
  }

  /**
   * The item parts of Cronbach's α per cell, over complete respondents (those who answered every
   * item the cell has): k and the sum of the item variances, for expectation, experience and gap.
   * {@code itemCut}: the per-item values exploded into cuts, with each respondent's items answered
   * in the dimension and the cell's items. A cell without complete respondents has no row.
   */
  private static Dataset<Row> itemVariances(Dataset<Row> itemCut) {
    return itemCut
        .where(col("_answered").equalTo(col("items")))
        .groupBy(CELL[0], CELL[1], CELL[2], TOUCHPOINT)
        .agg(
            var_samp("_exp").as("_v_exp"),
            var_samp("_perc").as("_v_perc"),
            var_samp("_gap").as("_v_gap"))
        .groupBy(CELL[0], CELL[1], CELL[2])
        .agg(
            count(lit(1)).as("_k"),
            sum("_v_exp").as("_iv_exp"),
            sum("_v_perc").as("_iv_perc"),
            sum("_v_gap").as("_iv_gap"));
  }

  /** α = k/(k-1)·(1 - Σ var(item)/var(sum)); null for k < 2, too few respondents or var 0. */
  private static Column alpha(String which, int minRespondents) {
    Column k = col("_k").cast(DataTypes.DoubleType);
    Column varSum = col("_sv_" + which);
    Column ok =
        col("_k").geq(2).and(col("alpha_respondents").geq(minRespondents)).and(varSum.gt(0));
    return when(
        ok, k.divide(k.minus(1)).multiply(lit(1).minus(col("_iv_" + which).divide(varSum))));
  }

  private static Dataset<Row> finish(
      Dataset<Row> cells, int minRespondents, AnalysisWindow window) {
    Column shown = col("respondents").geq(minRespondents);
    Column n = col("respondents");
    Column half = TTests.T975.apply(n).multiply(col("_sd")).divide(sqrt(n.cast("double")));
    return cells.select(
        lit(java.sql.Date.valueOf(window.end())).as(AS_OF_DATE),
        lit(window.days()).as(WINDOW_DAYS),
        col(SEGMENT_DIMENSION),
        col(SEGMENT_VALUE),
        col(DIMENSION),
        col("respondents"),
        col("items"),
        when(shown, col("_exp")).as("expectation_mean"),
        when(shown, col("_perc")).as("experience_mean"),
        when(shown, col("_gap")).as("gap_mean"),
        when(shown, col("_sd")).as("gap_stddev"),
        when(shown, col("_gap").minus(half)).as("gap_ci95_low"),
        when(shown, col("_gap").plus(half)).as("gap_ci95_high"),
        when(shown, col("_msa")).as("msa_mean"),
        col("weight"),
        when(shown, alpha("exp", minRespondents)).as("alpha_expectation"),
        when(shown, alpha("perc", minRespondents)).as("alpha_experience"),
        when(shown, alpha("gap", minRespondents)).as("alpha_gap"),
        coalesce(col("alpha_respondents"), lit(0L)).as("alpha_respondents"),
        not(shown).as("suppressed"));
  }

  /**
   * {@code gold.servqual_index}: per run date and segment cut, the unweighted mean of the
   * unsuppressed dimension gaps, the weighted one over the dimensions with a weight (re-normalised
   * over those present; null without weights) and the mean dimension experience (SERVPERF).
   */
  public static Dataset<Row> servqualIndex(Dataset<Row> gapDimension) {
    Column gap = col("gap_mean");
    Column weighted = when(gap.isNotNull().and(col("weight").isNotNull()), col("weight"));
    return gapDimension
        .groupBy(col(AS_OF_DATE), col(WINDOW_DAYS), col(SEGMENT_DIMENSION), col(SEGMENT_VALUE))
        .agg(
            count(gap).as("dimensions"),
            avg(gap).as("unweighted_gap"),
            sum(weighted.multiply(gap)).divide(sum(weighted)).as("weighted_gap"),
            avg(col("experience_mean")).as("experience_index"))
        .orderBy(col(SEGMENT_DIMENSION), col(SEGMENT_VALUE));
  }

  /** touchpoint → dimension, from the catalog. */
  static Dataset<Row> dimensionFrame(SparkSession spark, TouchpointCatalog catalog) {
    StructType schema =
        new StructType()
            .add(TOUCHPOINT, DataTypes.StringType, false)
            .add(DIMENSION, DataTypes.StringType, false);
    List<Row> rows = new ArrayList<>();
    for (Touchpoint t : catalog.touchpoints()) {
      rows.add(RowFactory.create(t.id(), t.dimension()));
    }
    return spark.createDataFrame(rows, schema);
  }

  /** dimension → normalised weight, for the dimensions the catalog weights. */
  static Dataset<Row> weightFrame(SparkSession spark, TouchpointCatalog catalog) {
    StructType schema =
        new StructType()
            .add(DIMENSION, DataTypes.StringType, false)
            .add("weight", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Double> e : catalog.dimensionWeights().entrySet()) {
      rows.add(RowFactory.create(e.getKey(), e.getValue()));
    }
    return spark.createDataFrame(rows, schema);
  }
}

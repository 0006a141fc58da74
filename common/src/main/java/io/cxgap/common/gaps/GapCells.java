package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.gaps.GapColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.stats.TTests;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.common.transform.Friction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code gold.gap_segment_touchpoint} (DESIGN.md §5): one row per segment cut and touchpoint over
 * the window's survey items, with the channel friction of the same cell. Pure: Datasets and values
 * in, a Dataset out.
 */
public final class GapCells {
  private GapCells() {}

  /**
   * @param items silver survey items (any dates; the window is applied here)
   * @param customersAsOf silver customers of D (customer_id + dimension columns)
   * @param interactions silver interactions (any dates)
   */
  public static Dataset<Row> gapCells(
      Dataset<Row> items,
      Dataset<Row> customersAsOf,
      Dataset<Row> interactions,
      TouchpointCatalog catalog,
      List<String> dimensions,
      int minRespondents,
      AnalysisWindow window) {
    Dataset<Row> windowItems = window.items(items);
    Dataset<Row> survey =
        surveyCells(SegmentCuts.explode(windowItems, customersAsOf, dimensions))
            .join(
                SegmentCuts.respondents(windowItems, customersAsOf, dimensions, lit(true)),
                SegmentCuts.cellKeys())
            .withColumnRenamed(SegmentCuts.RESPONDENTS_IN, RESPONDENTS)
            .drop(SegmentCuts.RESPONDENTS_OUT);
    Dataset<Row> friction =
        frictionCells(
            SegmentCuts.explode(Friction.flagged(interactions, window), customersAsOf, dimensions));
    Column[] keys = {col(SEGMENT_DIMENSION), col(SEGMENT_VALUE), col(TOUCHPOINT)};
    Dataset<Row> joined =
        survey
            .join(friction, SegmentCuts.cellKeys(), "left")
            .join(broadcast(catalogFrame(items.sparkSession(), catalog)), TOUCHPOINT, "left");
    return finish(joined, minRespondents, window).orderBy(keys);
  }

  /**
   * Survey statistics per cut and touchpoint but the respondents: one aggregation with no distinct
   * count, so each task folds its rows into a few hundred cells before the shuffle.
   */
  static Dataset<Row> surveyCells(Dataset<Row> cutItems) {
    Column msa = optional(cutItems, MSA, "double");
    Column inversion = optional(cutItems, ZOT_INVERSION, "boolean");
    Column zone = msa.isNotNull();
    return cutItems
        .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT)
        .agg(
            count(lit(1)).as(RESPONSES),
            avg(EXPECTATION_NORM).as("_exp"),
            avg(EXPERIENCE_NORM).as("_perc"),
            avg(GAP).as("_gap"),
            stddev_samp(GAP).as("_sd"),
            avg(when(col(GAP).lt(0), 1.0).otherwise(0.0)).as("_neg"),
            // zone of tolerance: over the items with an adequate answer that is no inversion
            count(inversion).as("_adq_answers"),
            count(when(inversion, 1)).as("_inversions"),
            count(msa).as("_zn"),
            avg(when(zone, optional(cutItems, ADEQUATE_NORM, "double"))).as("_adq"),
            avg(msa).as("_msa"),
            stddev_samp(msa).as("_msa_sd"),
            avg(when(zone, when(msa.lt(0), 1.0).otherwise(0.0))).as("_below"));
  }

  /** Column {@code name}, or a typed null where silver items written before it lack it. */
  private static Column optional(Dataset<Row> df, String name, String type) {
    return Arrays.asList(df.columns()).contains(name) ? col(name) : lit(null).cast(type);
  }

  /**
   * Friction per cut and touchpoint over flagged contacts, in two steps: counts per cell and wait
   * (few rows when waits are whole seconds), then per cell, the 90th percentile of the waits
   * weighted by those counts, which is the same value. Spark's exact {@code percentile} keeps a map
   * of values per group, and over the contacts themselves, with more groups per task than
   * spark.sql.objectHashAggregate.sortBased.fallbackThreshold (128; there are some 140 cells), it
   * sorted every contact.
   */
  static Dataset<Row> frictionCells(Dataset<Row> cutContacts) {
    Column hasWait = col(WAIT_S).isNotNull();
    Column n = col("_n");
    return cutContacts
        .groupBy(col(SEGMENT_DIMENSION), col(SEGMENT_VALUE), col(TOUCHPOINT), col(WAIT_S))
        .agg(
            count(lit(1)).as("_n"),
            sum(col(Friction.IS_REPEAT).cast("long")).as("_repeats"),
            sum(col(Friction.IS_ABANDONED).cast("long")).as("_abandoned"),
            sum(col(Friction.IS_FAILURE).cast("long")).as("_failures"))
        .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT)
        .agg(
            sum(n).as(CONTACTS),
            sum(col("_repeats")).divide(sum(n)).as("_repeat"),
            sum(col("_abandoned")).divide(sum(n)).as("_abandon"),
            sum(col("_failures")).divide(sum(n)).as("_failure"),
            sum(col(WAIT_S).multiply(n)).divide(sum(when(hasWait, n))).as("_wait"),
            percentile(col(WAIT_S), lit(0.9), n).as("_p90"));
  }

  private static Dataset<Row> finish(
      Dataset<Row> cells, int minRespondents, AnalysisWindow window) {
    Column shown = col(RESPONDENTS).geq(minRespondents);
    Column n = col(RESPONSES);
    Column half = TTests.T975.apply(n).multiply(col("_sd")).divide(sqrt(n.cast("double")));
    Column gap = when(shown, col("_gap"));
    List<Column> cols =
        new ArrayList<>(
            List.of(
                lit(java.sql.Date.valueOf(window.end())).as(AS_OF_DATE),
                lit(window.days()).as(WINDOW_DAYS),
                col(SEGMENT_DIMENSION),
                col(SEGMENT_VALUE),
                col(TOUCHPOINT),
                col(JOURNEY_STAGE),
                col(DIMENSION),
                col(RESPONDENTS),
                col(RESPONSES),
                when(shown, col("_exp")).as(EXPECTATION_MEAN),
                when(shown, col("_perc")).as(EXPERIENCE_MEAN),
                gap.as(GAP_MEAN),
                when(shown, col("_sd")).as(GAP_STDDEV),
                when(shown, col("_gap").minus(half)).as(GAP_CI95_LOW),
                when(shown, col("_gap").plus(half)).as(GAP_CI95_HIGH),
                when(shown, col("_neg")).as(NEGATIVE_GAP_SHARE),
                col(TARGET_GAP),
                when(shown, col("_gap").geq(col(TARGET_GAP))).as(MEETS_TARGET),
                coalesce(col(CONTACTS), lit(0L)).as(CONTACTS),
                when(shown, col("_repeat")).as(REPEAT_CONTACT_RATE),
                when(shown, col("_abandon")).as(ABANDONMENT_RATE),
                when(shown, col("_failure")).as(FAILURE_RATE),
                when(shown, col("_wait")).as(AVG_WAIT_S),
                when(shown, col("_p90")).as(P90_WAIT_S),
                not(shown).as(SUPPRESSED)));
    cols.addAll(List.of(zone(shown, half)));
    return cells.select(cols.toArray(new Column[0]));
  }

  /**
   * The zone-of-tolerance columns (DESIGN.md §5): statistics of msa and adequate over the items
   * with an adequate answer that is no inversion (n = those items); null where the cell is
   * suppressed or has no such items, zot_inversions null only where the cell is suppressed or has
   * no adequate answer at all.
   */
  private static Column[] zone(Column shown, Column gapHalf) {
    Column n = col("_zn");
    Column zoned = shown.and(n.gt(0));
    Column half = TTests.T975.apply(n).multiply(col("_msa_sd")).divide(sqrt(n.cast("double")));
    Column msaHigh = col("_msa").plus(half);
    Column gapLow = col("_gap").minus(gapHalf);
    Column status =
        when(msaHigh.lt(0), lit(ZOT_BELOW))
            .when(gapLow.gt(0), lit(ZOT_ABOVE))
            .otherwise(lit(ZOT_WITHIN));
    return new Column[] {
      when(zoned, col("_adq")).as(ADEQUATE_MEAN),
      when(zoned, col("_msa")).as(MSA_MEAN),
      when(zoned, col("_msa").minus(half)).as(MSA_CI95_LOW),
      when(zoned, msaHigh).as(MSA_CI95_HIGH),
      when(zoned, col("_below")).as(BELOW_ADEQUATE_SHARE),
      when(shown.and(col("_adq_answers").gt(0)), col("_inversions")).as(ZOT_INVERSIONS),
      when(zoned, status).as(ZOT_STATUS)
    };
  }

  /** The catalog as a small frame: touchpoint, journey_stage, dimension, target_gap. */
  static Dataset<Row> catalogFrame(SparkSession spark, TouchpointCatalog catalog) {
    StructType schema =
        new StructType()
            .add(TOUCHPOINT, DataTypes.StringType, false)
            .add(JOURNEY_STAGE, DataTypes.StringType, false)
            .add(DIMENSION, DataTypes.StringType, false)
            .add(TARGET_GAP, DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (Touchpoint t : catalog.touchpoints()) {
      rows.add(RowFactory.create(t.id(), t.journeyStage(), t.dimension(), t.targetGap()));
    }
    return spark.createDataFrame(rows, schema);
  }
}

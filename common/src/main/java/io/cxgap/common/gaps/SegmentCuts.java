package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Segment cuts in one pass: each row becomes one row per cut, ('total', 'all') plus one (dimension,
 * value) per segment dimension, so a single aggregation grouped by the cut yields every segment
 * cell (the effect of grouping sets, without one job per dimension).
 */
public final class SegmentCuts {
  /** Column of {@link #respondents}: distinct customers whose rows match the condition. */
  static final String RESPONDENTS_IN = "_respondents_in";

  /** Column of {@link #respondents}: distinct customers whose rows do not match it. */
  static final String RESPONDENTS_OUT = "_respondents_out";

  private SegmentCuts() {}

  /**
   * Attaches each row's CRM state as of D (a customer not in the CRM as of D is {@code unknown} on
   * every dimension) and explodes it into its cuts.
   *
   * @param customersAsOf one row per customer: customer_id and the dimension columns
   */
  public static Dataset<Row> explode(
      Dataset<Row> rows, Dataset<Row> customersAsOf, List<String> dimensions) {
    return cuts(attach(rows, customersAsOf, dimensions), dimensions);
  }

  /**
   * The first half of {@link #explode}: each row with its customer's value of each dimension as of
   * D (null where the CRM does not have the customer), in columns that {@link #cuts} reads.
   */
  private static Dataset<Row> attach(
      Dataset<Row> rows, Dataset<Row> customersAsOf, List<String> dimensions) {
    List<Column> crm = new ArrayList<>();
    crm.add(col(CUSTOMER_ID).as("_crm_id"));
    for (String d : dimensions) {
      crm.add(col(d).as("_seg_" + d));
    }
    Dataset<Row> joined =
        rows.join(
            broadcast(customersAsOf.select(crm.toArray(new Column[0]))),
            rows.col(CUSTOMER_ID).equalTo(col("_crm_id")),
            "left");
    return joined.drop("_crm_id");
  }

  /**
   * The columns that name a cell, for joins on them: segment_dimension, segment_value, touchpoint.
   */
  static String[] cellKeys() {
    return new String[] {SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT};
  }

  /**
   * Distinct customers per cut and touchpoint, counted apart for the rows where {@code condition}
   * holds ({@link #RESPONDENTS_IN}) and where it does not ({@link #RESPONDENTS_OUT}). A customer
   * falls in exactly one value of each dimension, so after de-duplicating (customer, touchpoint,
   * condition) a plain count per cut is the distinct count. This replaces {@code countDistinct}
   * over the exploded rows, which Spark plans as an aggregation keyed by every (cut, touchpoint,
   * customer): four times the rows, one group each.
   */
  static Dataset<Row> respondents(
      Dataset<Row> rows, Dataset<Row> customersAsOf, List<String> dimensions, Column condition) {
    Column in = col("_in");
    Dataset<Row> distinct =
        rows.select(col(CUSTOMER_ID), col(TOUCHPOINT), coalesce(condition, lit(false)).as("_in"))
            .distinct();
    return explode(distinct, customersAsOf, dimensions)
        .groupBy(SEGMENT_DIMENSION, SEGMENT_VALUE, TOUCHPOINT)
        .agg(
            count(when(in, lit(1))).as(RESPONDENTS_IN),
            count(when(not(in), lit(1))).as(RESPONDENTS_OUT));
  }

  /**
   * The second half of {@link #explode}: each {@link #attach attached} row once per cut, the
   * attached columns dropped.
   */
  private static Dataset<Row> cuts(Dataset<Row> joined, List<String> dimensions) {
    List<Column> cuts = new ArrayList<>();
    cuts.add(struct(lit(TOTAL).as(SEGMENT_DIMENSION), lit(ALL).as(SEGMENT_VALUE)));
    for (String d : dimensions) {
      cuts.add(
          struct(
              lit(d).as(SEGMENT_DIMENSION),
              coalesce(col("_seg_" + d), lit(UNKNOWN)).as(SEGMENT_VALUE)));
    }
    Dataset<Row> out =
        joined
            .withColumn(
                "_cut", org.apache.spark.sql.functions.explode(array(cuts.toArray(new Column[0]))))
            .withColumn(SEGMENT_DIMENSION, col("_cut." + SEGMENT_DIMENSION))
            .withColumn(SEGMENT_VALUE, col("_cut." + SEGMENT_VALUE))
            .drop("_cut");
    for (String d : dimensions) {
      out = out.drop("_seg_" + d);
    }
    return out;
  }
}

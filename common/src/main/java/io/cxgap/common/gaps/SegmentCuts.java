package io.cxgap.common.gaps;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Segment cuts in one pass: each row becomes one row per cut, ('total', 'all') plus one
 * (dimension, value) per segment dimension, so a single aggregation grouped by the cut yields
 * every segment cell (the effect of grouping sets, without one job per dimension).
 */
public final class SegmentCuts {
  private SegmentCuts() {}

  /**
   * Attaches each row's CRM state as of D (a customer not in the CRM as of D is {@code unknown}
   * on every dimension) and explodes it into its cuts.
   *
   * @param customersAsOf one row per customer: customer_id and the dimension columns
   */
  public static Dataset<Row> explode(Dataset<Row> rows, Dataset<Row> customersAsOf, List<String> dimensions) {
    List<Column> crm = new ArrayList<>();
    crm.add(col(CUSTOMER_ID).as("_crm_id"));
    for (String d : dimensions) {
      crm.add(col(d).as("_seg_" + d));
    }
    Dataset<Row> joined =
        rows.join(broadcast(customersAsOf.select(crm.toArray(new Column[0]))), rows.col(CUSTOMER_ID).equalTo(col("_crm_id")), "left");
    return withCuts(joined, dimensions);
  }

  private static Dataset<Row> withCuts(Dataset<Row> joined, List<String> dimensions) {
    List<Column> cuts = new ArrayList<>();
    cuts.add(struct(lit(TOTAL).as(SEGMENT_DIMENSION), lit(ALL).as(SEGMENT_VALUE)));
    for (String d : dimensions) {
      cuts.add(struct(lit(d).as(SEGMENT_DIMENSION), coalesce(col("_seg_" + d), lit(UNKNOWN)).as(SEGMENT_VALUE)));
    }
    Dataset<Row> out =
        joined
            .withColumn("_cut", org.apache.spark.sql.functions.explode(array(cuts.toArray(new Column[0]))))
            .withColumn(SEGMENT_DIMENSION, col("_cut." + SEGMENT_DIMENSION))
            .withColumn(SEGMENT_VALUE, col("_cut." + SEGMENT_VALUE))
            .drop("_cut", "_crm_id");
    for (String d : dimensions) {
      out = out.drop("_seg_" + d);
    }
    return out;
  }
}

package io.cxgap.common.monitor;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.monitor.AlertColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.clusters.ClusterColumns;
import io.cxgap.common.transform.AnalysisWindow;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.detractor_followup} (DESIGN.md §5): the survey responses of the last {@code
 * cx.followup-days} days up to D whose {@code overall_nps} is at most 6, for closing the loop.
 *
 * <p>A response is its item rows with one response_id; as in gold.nps_segment, its nps is the mean
 * of its items' overall_nps (a response without one is left out), responded_at the earliest of its
 * items'. worst_touchpoint and worst_gap are the item with the lowest gap, ties to the lower
 * touchpoint id (the lowest gap even where none is negative). The CRM segment values as of D come
 * as one column per segment dimension ({@code unknown} for a customer the CRM does not know as of
 * D, as in the gap tables); cluster_id and cluster_label come from D's customer_pain_cluster (null
 * for a customer not clustered on D). The comment is the response's distinct non-empty item
 * comments, sorted and joined with " | ", with e-mail addresses and phone numbers masked ({@link
 * PiiMask}). No name, e-mail or phone column. Ordered by responded_at, then response_id.
 */
public final class DetractorFollowup {
  /** The highest overall_nps of a detractor (DESIGN.md §5 nps_segment). */
  static final double DETRACTOR_MAX = 6.0;

  private static final String WORST = "_worst";

  private DetractorFollowup() {}

  /**
   * @param surveyItems silver.survey_items (response_id, customer_id, responded_at, response_date,
   *     touchpoint, gap, overall_nps, comment)
   * @param customersAsOf silver.customers' slice of D: customer_id and the dimension columns
   * @param painClusters gold.customer_pain_cluster (only D's rows are used; may be empty)
   * @param dimensions cx.segment-dimensions
   * @param followupDays cx.followup-days: responses dated D − days + 1 through D
   */
  public static Dataset<Row> followups(
      Dataset<Row> surveyItems,
      Dataset<Row> customersAsOf,
      Dataset<Row> painClusters,
      List<String> dimensions,
      LocalDate date,
      int followupDays) {
    Column d = lit(Date.valueOf(date));
    AnalysisWindow days = new AnalysisWindow(date, followupDays);
    Column comment = when(length(trim(col(COMMENT))).gt(0), col(COMMENT));
    Dataset<Row> responses =
        days.items(surveyItems)
            .groupBy(col(RESPONSE_ID), col(CUSTOMER_ID))
            .agg(
                min(col(RESPONDED_AT)).as(RESPONDED_AT),
                avg(col(OVERALL_NPS)).as(NPS),
                min(when(col(GAP).isNotNull(), struct(col(GAP), col(TOUCHPOINT)))).as(WORST),
                array_join(array_sort(collect_set(comment)), " | ").as(COMMENT))
            .where(col(NPS).leq(DETRACTOR_MAX));
    List<Column> crm = new ArrayList<>();
    crm.add(col(CUSTOMER_ID).as("_crm_id"));
    dimensions.forEach(x -> crm.add(col(x).as("_seg_" + x)));
    Dataset<Row> clusters =
        painClusters
            .where(col(AS_OF_DATE).equalTo(d))
            .select(
                col(CUSTOMER_ID).as("_cl_id"),
                col(ClusterColumns.CLUSTER_ID),
                col(ClusterColumns.CLUSTER_LABEL));
    List<Column> out = new ArrayList<>();
    out.add(d.as(AS_OF_DATE));
    out.add(col(RESPONSE_ID));
    out.add(col(CUSTOMER_ID));
    out.add(col(RESPONDED_AT));
    out.add(col(NPS));
    dimensions.forEach(x -> out.add(coalesce(col("_seg_" + x), lit(UNKNOWN)).as(x)));
    out.add(col(WORST + "." + TOUCHPOINT).as(WORST_TOUCHPOINT));
    out.add(col(WORST + "." + GAP).as(WORST_GAP));
    out.add(col(ClusterColumns.CLUSTER_ID));
    out.add(col(ClusterColumns.CLUSTER_LABEL));
    out.add(PiiMask.mask(when(length(col(COMMENT)).gt(0), col(COMMENT))).as(COMMENT));
    return responses
        .join(
            broadcast(customersAsOf.select(crm.toArray(new Column[0]))),
            col(CUSTOMER_ID).equalTo(col("_crm_id")),
            "left")
        .join(clusters, col(CUSTOMER_ID).equalTo(col("_cl_id")), "left")
        .select(out.toArray(new Column[0]))
        .orderBy(col(RESPONDED_AT), col(RESPONSE_ID));
  }
}

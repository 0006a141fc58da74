package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.jobs.runstate.JobContext;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the segment-cut gold tables of D ({@code gold.gap_segment_touchpoint}, {@code
 * gold.gap_trend}; DESIGN.md §5) are computed from: the window ending D, silver's survey items, the
 * CRM as of D, the segment dimensions and the suppression threshold.
 */
record SegmentCells(
    AnalysisWindow window,
    Dataset<Row> items,
    Dataset<Row> customersAsOf,
    List<String> dimensions,
    int minRespondents) {

  static SegmentCells of(JobContext ctx) {
    // the CRM slice of D first: without it, conform has not run for D (the error says so)
    Dataset<Row> customersAsOf = Silver.customersAsOf(ctx);
    return new SegmentCells(
        new AnalysisWindow(ctx.date(), ctx.config().windowDays()),
        Silver.table(ctx, Table.SURVEY_ITEMS),
        customersAsOf,
        ctx.config().segmentDimensions(),
        ctx.config().minRespondents());
  }
}

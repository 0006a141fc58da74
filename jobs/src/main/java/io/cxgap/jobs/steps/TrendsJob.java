package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.gaps.GapColumns;
import io.cxgap.common.gaps.GapTrend;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver → gold.gap_trend for D (DESIGN.md §5). */
public final class TrendsJob {
  private TrendsJob() {}

  public static StepResult run(JobContext ctx) {
    SegmentCells in = SegmentCells.of(ctx);
    Dataset<Row> trend =
        GapTrend.trend(
            in.items(),
            in.customersAsOf(),
            in.dimensions(),
            in.minRespondents(),
            in.window(),
            ctx.config().trendsMinDelta());
    GoldTables.replaceDate(ctx, Table.GAP_TREND, trend);
    Map<String, Long> byDirection = new TreeMap<>();
    long total = 0;
    for (Row r :
        GoldTables.slice(ctx, Table.GAP_TREND)
            .groupBy(GapColumns.DIRECTION)
            .count()
            .collectAsList()) {
      byDirection.put(r.getString(0), r.getLong(1));
      total += r.getLong(1);
    }
    AnalysisWindow window = in.window();
    return new StepResult(
        total,
        total,
        0,
        String.format(
            Locale.ROOT,
            "%d cells, %s..%s vs %s..%s: %s",
            total,
            window.start(),
            window.end(),
            window.previous().start(),
            window.previous().end(),
            byDirection),
        byDirection);
  }
}

package io.cxgap.jobs.steps;

import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
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
    CxConfig cfg = ctx.config();
    AnalysisWindow window = new AnalysisWindow(ctx.date(), cfg.windowDays());
    Dataset<Row> trend =
        GapTrend.trend(
            Silver.table(ctx, "survey_items"),
            Silver.customersAsOf(ctx),
            cfg.segmentDimensions(),
            cfg.minRespondents(),
            window,
            cfg.trendsMinDelta());
    String path = ctx.table("gold", "gap_trend");
    GoldTables.replaceDate(ctx, "gap_trend", trend);
    Map<String, Long> byDirection = new TreeMap<>();
    long total = 0;
    for (Row r :
        DeltaIO.read(ctx.spark(), path)
            .where("as_of_date = '" + ctx.date() + "'")
            .groupBy("direction")
            .count()
            .collectAsList()) {
      byDirection.put(r.getString(0), r.getLong(1));
      total += r.getLong(1);
    }
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

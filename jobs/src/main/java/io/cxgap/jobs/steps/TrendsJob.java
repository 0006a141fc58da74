package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.gaps.GapColumns;
import io.cxgap.common.gaps.GapTrend;
import io.cxgap.common.nps.NpsColumns;
import io.cxgap.common.nps.NpsSegment;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver → gold.gap_trend and gold.nps_segment for D (DESIGN.md §5). */
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
    Dataset<Row> nps =
        NpsSegment.nps(
            in.items(),
            in.customersAsOf(),
            in.dimensions(),
            in.minRespondents(),
            in.window(),
            ctx.config().trendsMinDelta());
    GoldTables.replaceDate(ctx, Table.NPS_SEGMENT, nps);
    Map<String, Long> byDirection = directions(ctx, Table.GAP_TREND, GapColumns.DIRECTION);
    long total = byDirection.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> npsByDirection = directions(ctx, Table.NPS_SEGMENT, NpsColumns.DIRECTION);
    long npsCells = npsByDirection.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> counts = new TreeMap<>(byDirection);
    npsByDirection.forEach((k, v) -> counts.put("nps." + k, v));
    AnalysisWindow window = in.window();
    return new StepResult(
        total + npsCells,
        total + npsCells,
        0,
        String.format(
            Locale.ROOT,
            "%d cells, %s..%s vs %s..%s: %s; %d NPS cuts: %s",
            total,
            window.start(),
            window.end(),
            window.previous().start(),
            window.previous().end(),
            byDirection,
            npsCells,
            npsByDirection),
        counts);
  }

  /** D's committed rows of {@code table} per value of {@code column}. */
  private static Map<String, Long> directions(JobContext ctx, Table table, String column) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : GoldTables.slice(ctx, table).groupBy(column).count().collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }
}

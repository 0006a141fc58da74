package io.cxgap.jobs.steps;

import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gaps.GapCells;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.jobs.runstate.FaultPoints;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** silver → gold.gap_segment_touchpoint for D (DESIGN.md §5). */
public final class GapsJob {
  private GapsJob() {}

  public static StepResult run(JobContext ctx) {
    CxConfig cfg = ctx.config();
    AnalysisWindow window = new AnalysisWindow(ctx.date(), cfg.windowDays());
    Dataset<Row> cells =
        GapCells.gapCells(
            Silver.table(ctx, "survey_items"),
            Silver.customersAsOf(ctx),
            Silver.table(ctx, "interactions"),
            ctx.catalog(),
            cfg.segmentDimensions(),
            cfg.minRespondents(),
            window);
    String path = ctx.table("gold", "gap_segment_touchpoint");
    GoldTables.replaceDate(ctx, "gap_segment_touchpoint", cells);
    FaultPoints.hit("gaps.committed");
    Row n =
        DeltaIO.read(ctx.spark(), path)
            .where("as_of_date = '" + ctx.date() + "'")
            .selectExpr(
                "count(*)",
                "coalesce(sum(cast(suppressed as int)), 0)",
                "coalesce(sum(case when segment_dimension = 'total' then responses end), 0)")
            .head();
    return StepResult.of(
        n.getLong(2),
        n.getLong(0),
        0,
        String.format(
            Locale.ROOT,
            "%d cells for %s..%s (%d suppressed, fewer than %d respondents)",
            n.getLong(0),
            window.start(),
            window.end(),
            n.getLong(1),
            cfg.minRespondents()));
  }
}

package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.gaps.DimensionScores;
import io.cxgap.common.gaps.GapCells;
import io.cxgap.jobs.runstate.FaultPoints;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver → gold.gap_segment_touchpoint, gold.gap_dimension and gold.servqual_index for D (DESIGN.md
 * §5).
 */
public final class GapsJob {
  private GapsJob() {}

  public static StepResult run(JobContext ctx) {
    SegmentCells in = SegmentCells.of(ctx);
    Dataset<Row> cells =
        GapCells.gapCells(
            in.items(),
            in.customersAsOf(),
            Silver.table(ctx, Table.SILVER_INTERACTIONS),
            ctx.catalog(),
            in.dimensions(),
            in.minRespondents(),
            in.window());
    GoldTables.replaceDate(ctx, Table.GAP_SEGMENT_TOUCHPOINT, cells);
    FaultPoints.hit("gaps.committed");
    Dataset<Row> writtenCells = GoldTables.slice(ctx, Table.GAP_SEGMENT_TOUCHPOINT);
    // the cells' item counts from the rows just written, not from another pass over the items
    Dataset<Row> dimensions =
        DimensionScores.gapDimension(
            in.items(),
            writtenCells,
            in.customersAsOf(),
            ctx.catalog(),
            in.dimensions(),
            in.minRespondents(),
            in.window());
    GoldTables.replaceDate(ctx, Table.GAP_DIMENSION, dimensions);
    Dataset<Row> written = GoldTables.slice(ctx, Table.GAP_DIMENSION);
    GoldTables.replaceDate(ctx, Table.SERVQUAL_INDEX, DimensionScores.servqualIndex(written));
    Row alpha =
        written
            .where("segment_dimension = 'total'")
            .selectExpr(
                "count(*)",
                "concat_ws(', ', collect_list(case when alpha_experience < 0.7 then dimension end))")
            .head();
    Row n =
        writtenCells
            .selectExpr(
                "count(*)",
                "coalesce(sum(cast(suppressed as int)), 0)",
                "coalesce(sum(case when segment_dimension = 'total' then responses end), 0)",
                "coalesce(sum(case when segment_dimension = 'total' then contacts end), 0)")
            .head();
    String message =
        String.format(
            Locale.ROOT,
            "%d cells for %s..%s (%d suppressed, fewer than %d respondents); %d dimensions%s",
            n.getLong(0),
            in.window().start(),
            in.window().end(),
            n.getLong(1),
            in.minRespondents(),
            alpha.getLong(0),
            alpha.getString(1).isEmpty()
                ? ""
                : "; Cronbach's alpha of experience below 0.70 for " + alpha.getString(1));
    if (n.getLong(0) > 0 && n.getLong(3) == 0) {
      message +=
          "; no interactions in the window: friction columns are contacts = 0 and null rates";
    }
    return StepResult.of(n.getLong(2), n.getLong(0), 0, message);
  }
}

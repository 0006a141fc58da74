package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.drivers.TouchpointDrivers;
import io.cxgap.common.transform.AnalysisWindow;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Map;

/**
 * silver.survey_items → gold.touchpoint_driver (DESIGN.md §2, §5): the moments of truth for the
 * window ending D. Writes exactly D's slice; a date with no fit gets an empty slice, so a rerun
 * also clears rows an earlier run wrote for D.
 */
public final class DriversJob {
  private DriversJob() {}

  public static StepResult run(JobContext ctx) {
    int days = ctx.config().windowDays();
    AnalysisWindow window = new AnalysisWindow(ctx.date(), days);
    TouchpointDrivers.Result r =
        TouchpointDrivers.compute(
            window.items(Silver.table(ctx, Table.SURVEY_ITEMS)),
            ctx.catalog(),
            ctx.config().driversMaxExactTouchpoints(),
            new TouchpointDrivers.Bootstrap(
                ctx.config().driversBootstrap(), ctx.config().seed(), ctx.date()));
    GoldTables.replaceDate(
        ctx,
        Table.TOUCHPOINT_DRIVER,
        TouchpointDrivers.table(ctx.spark(), ctx.date(), days, r.rows()));
    Map<String, Long> counts =
        Map.of(
            "drivers.items", r.items(),
            "drivers.customers_with_response", r.customersWithResponse(),
            "drivers.customers", r.customers(),
            "drivers.touchpoints", (long) r.rows().size());
    return new StepResult(r.items(), r.rows().size(), 0, r.message(), counts);
  }
}

package io.cxgap.jobs.steps;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.monitor.AlertColumns;
import io.cxgap.common.monitor.Alerts;
import io.cxgap.common.monitor.DetractorFollowup;
import io.cxgap.common.monitor.Initiative;
import io.cxgap.common.monitor.InitiativeCheck;
import io.cxgap.common.monitor.InitiativeColumns;
import io.cxgap.common.monitor.Initiatives;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * silver + gold → {@code gold.initiative_check}, {@code gold.alert} and {@code
 * gold.detractor_followup} for D (DESIGN.md §2, §5 "Proactive monitoring"). Runs after the other
 * gold steps of D, whose slices it reads, and before the report, which shows what it found.
 *
 * <p>The initiative checks and the alerts are a row per initiative and per alert key (bounded by
 * the cells, not the customers), so each is computed once, collected and written from the driver:
 * the summary then costs no further Spark job. The follow-up list grows with the customers and is
 * written as a frame. Without {@code cx.initiatives} the initiative_check slice of D is empty; the
 * table is still written, with its schema and comments.
 */
public final class MonitorJob {
  private MonitorJob() {}

  /**
   * The initiatives of {@code cx.initiatives}, validated against the catalog and the segment
   * dimensions (exit 2 naming the file); none where it is not set.
   */
  public static List<Initiative> initiatives(CxConfig config, TouchpointCatalog catalog) {
    if (!config.hasInitiatives()) {
      return List.of();
    }
    return Initiatives.load(Path.of(config.initiatives()), catalog, config.segmentDimensions());
  }

  public static StepResult run(JobContext ctx) {
    CxConfig c = ctx.config();
    List<Initiative> initiatives = initiatives(c, ctx.catalog());
    Dataset<Row> customersAsOf = Silver.customersAsOf(ctx);
    Dataset<Row> items = Silver.table(ctx, Table.SURVEY_ITEMS);
    Gold gold = Gold.of(ctx);
    if (!initiatives.isEmpty()) {
      Initiatives.requireKnownSegmentValues(
          c.initiatives(), initiatives, customersAsOf, ctx.date());
    }
    Dataset<Row> computed =
        InitiativeCheck.check(
            items, customersAsOf, initiatives, c.windowDays(), c.minRespondents(), ctx.date());
    List<Row> checks = initiatives.isEmpty() ? List.of() : computed.collectAsList();
    Dataset<Row> checkRows = ctx.spark().createDataFrame(checks, computed.schema());
    GoldTables.replaceDate(ctx, Table.INITIATIVE_CHECK, checkRows);

    Dataset<Row> alertFrame =
        Alerts.alerts(
            new Alerts.Inputs(
                gold.trend(),
                gold.nps(),
                gold.cells(),
                gold.drivers(),
                checkRows,
                previousAlerts(ctx)),
            ctx.date());
    List<Row> alerts = alertFrame.collectAsList();
    GoldTables.replaceDate(
        ctx, Table.ALERT, ctx.spark().createDataFrame(alerts, alertFrame.schema()));

    GoldTables.replaceDate(
        ctx,
        Table.DETRACTOR_FOLLOWUP,
        DetractorFollowup.followups(
            items,
            customersAsOf,
            gold.clusters(),
            c.segmentDimensions(),
            ctx.date(),
            c.followupDays()));
    long detractors = GoldTables.slice(ctx, Table.DETRACTOR_FOLLOWUP).count();
    return result(checks, alerts, detractors);
  }

  private static StepResult result(List<Row> checks, List<Row> alerts, long detractors) {
    Map<String, Long> statuses = new TreeMap<>();
    checks.forEach(r -> statuses.merge(r.<String>getAs(InitiativeColumns.STATUS), 1L, Long::sum));
    long fresh = alerts.stream().filter(r -> r.<Boolean>getAs(AlertColumns.NEW)).count();
    long high =
        alerts.stream()
            .filter(r -> AlertColumns.HIGH.equals(r.getAs(AlertColumns.SEVERITY)))
            .count();
    Map<String, Long> counts = new TreeMap<>();
    counts.put("alerts", (long) alerts.size());
    counts.put("alerts.new", fresh);
    counts.put("alerts.high", high);
    counts.put("detractors", detractors);
    statuses.forEach((k, v) -> counts.put("initiatives." + k, v));
    String message =
        String.format(
            Locale.ROOT,
            "alerts %d, new %d, high %d; initiatives %s; detractors to follow up %d",
            alerts.size(),
            fresh,
            high,
            checks.isEmpty() ? "none" : statuses.toString(),
            detractors);
    long written = checks.size() + alerts.size() + detractors;
    return new StepResult(written, written, 0, message, counts);
  }

  /** gold.alert's slice of D − 1 (first_seen and new are relative to it), empty where none. */
  private static Dataset<Row> previousAlerts(JobContext ctx) {
    return DeltaIO.readDateIfExists(ctx.spark(), ctx.table(Table.ALERT), ctx.date().minusDays(1))
        .map(df -> df.select(Columns.AS_OF_DATE, AlertColumns.ALERT_KEY, AlertColumns.FIRST_SEEN))
        .orElseGet(
            () ->
                ctx.spark()
                    .createDataFrame(
                        List.of(),
                        new StructType()
                            .add(Columns.AS_OF_DATE, DataTypes.DateType)
                            .add(AlertColumns.ALERT_KEY, DataTypes.StringType)
                            .add(AlertColumns.FIRST_SEEN, DataTypes.DateType)));
  }

  /** D's slices of the gold tables the monitor reads; each must exist (its step has run). */
  private record Gold(
      Dataset<Row> cells,
      Dataset<Row> trend,
      Dataset<Row> nps,
      Dataset<Row> drivers,
      Dataset<Row> clusters) {
    static Gold of(JobContext ctx) {
      return new Gold(
          slice(ctx, Table.GAP_SEGMENT_TOUCHPOINT, "gaps"),
          slice(ctx, Table.GAP_TREND, "trends"),
          slice(ctx, Table.NPS_SEGMENT, "trends"),
          slice(ctx, Table.TOUCHPOINT_DRIVER, "drivers"),
          slice(ctx, Table.CUSTOMER_PAIN_CLUSTER, "clusters"));
    }

    private static Dataset<Row> slice(JobContext ctx, Table table, String step) {
      return DeltaIO.readDateIfExists(ctx.spark(), ctx.table(table), ctx.date())
          .orElseThrow(
              () ->
                  CxErrors.usage(
                      "%s does not exist at %s; run '%s --date %s' (or nightly) first",
                      table, ctx.table(table), step, ctx.date()));
    }
  }
}

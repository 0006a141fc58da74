package io.cxgap.jobs.steps;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.clusters.ClusterColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Table;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gaps.GapColumns;
import io.cxgap.common.landing.Source;
import io.cxgap.common.monitor.AlertColumns;
import io.cxgap.common.monitor.InitiativeColumns;
import io.cxgap.common.nps.NpsColumns;
import io.cxgap.common.report.ReportData;
import io.cxgap.common.report.ReportData.AlertRow;
import io.cxgap.common.report.ReportData.ClusterPanel;
import io.cxgap.common.report.ReportData.DimensionRow;
import io.cxgap.common.report.ReportData.DriverPoint;
import io.cxgap.common.report.ReportData.GapCell;
import io.cxgap.common.report.ReportData.IndexRow;
import io.cxgap.common.report.ReportData.InitiativeRow;
import io.cxgap.common.report.ReportData.Monitoring;
import io.cxgap.common.report.ReportData.NpsRow;
import io.cxgap.common.report.ReportData.ReasonCount;
import io.cxgap.common.report.ReportData.SourceCount;
import io.cxgap.common.report.ReportData.TouchpointLabel;
import io.cxgap.common.report.ReportData.TrendRow;
import io.cxgap.jobs.runstate.JobContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads what the report of date D shows (DESIGN.md §2): D's slices of the gold tables, and the row
 * counts of D's ingest runs from the run log and bronze.quarantine. Every input is small (a row per
 * cell, touchpoint, cluster or reason), so it is collected to the driver. A table that does not
 * exist yet gives no rows; the report then says what is missing.
 */
final class ReportInputs {
  private ReportInputs() {}

  static ReportData read(JobContext ctx) {
    CxConfig c = ctx.config();
    List<TouchpointLabel> touchpoints =
        ctx.catalog().touchpoints().stream()
            .map(t -> new TouchpointLabel(t.id(), t.name()))
            .toList();
    List<Row> ingestRuns =
        rows(ctx, Table.PIPELINE_RUN, df -> df.where(col("job").equalTo("ingest")));
    List<Row> gaps = rows(ctx, Table.GAP_SEGMENT_TOUCHPOINT, Function.identity());
    return new ReportData(
        ctx.date(),
        c.windowDays(),
        c.minRespondents(),
        c.trendsMinDelta(),
        c.maxQuarantineShare(),
        touchpoints,
        c.segmentDimensions(),
        map(gaps, ReportInputs::gapCell),
        map(rows(ctx, Table.TOUCHPOINT_DRIVER, Function.identity()), ReportInputs::driver),
        map(rows(ctx, Table.PAIN_CLUSTER_PROFILE, Function.identity()), ReportInputs::cluster),
        map(rows(ctx, Table.GAP_TREND, Function.identity()), ReportInputs::trend),
        sources(ingestRuns),
        reasons(ctx, ingestRuns.stream().map(r -> r.<String>getAs(RUN_ID)).distinct().toList()),
        map(rows(ctx, Table.GAP_DIMENSION, Function.identity()), ReportInputs::dimension),
        map(rows(ctx, Table.SERVQUAL_INDEX, Function.identity()), ReportInputs::index),
        contacts(gaps),
        map(rows(ctx, Table.NPS_SEGMENT, Function.identity()), ReportInputs::nps),
        monitoring(ctx));
  }

  /**
   * What D's monitor step wrote: the new high alerts and the initiative checks (a row each), and
   * the number of detractors to follow up (counted, never read); {@link Monitoring#NOT_RUN} where
   * the run log has no succeeded monitor step of D.
   */
  static Monitoring monitoring(JobContext ctx) {
    boolean ran =
        !rows(
                ctx,
                Table.PIPELINE_RUN,
                df ->
                    df.where(col("job").equalTo("monitor").and(col("status").equalTo("succeeded"))))
            .isEmpty();
    if (!ran) {
      return Monitoring.NOT_RUN;
    }
    List<AlertRow> alerts =
        map(
            rows(
                ctx,
                Table.ALERT,
                df ->
                    df.where(
                            col(AlertColumns.NEW)
                                .and(col(AlertColumns.SEVERITY).equalTo(AlertColumns.HIGH)))
                        .orderBy(AlertColumns.ALERT_KEY)),
            r ->
                new AlertRow(
                    r.getAs(AlertColumns.KIND),
                    r.getAs(SEGMENT_DIMENSION),
                    r.getAs(SEGMENT_VALUE),
                    r.getAs(TOUCHPOINT),
                    r.getAs(AlertColumns.MESSAGE)));
    List<InitiativeRow> initiatives =
        map(rows(ctx, Table.INITIATIVE_CHECK, Function.identity()), ReportInputs::initiative);
    long detractors =
        DeltaIO.readDateIfExists(ctx.spark(), ctx.table(Table.DETRACTOR_FOLLOWUP), ctx.date())
            .map(Dataset::count)
            .orElse(0L);
    return new Monitoring(true, alerts, initiatives, detractors);
  }

  static InitiativeRow initiative(Row r) {
    return new InitiativeRow(
        r.getAs(InitiativeColumns.INITIATIVE_ID),
        r.getAs(InitiativeColumns.NAME),
        r.getAs(TOUCHPOINT),
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.<java.sql.Date>getAs(InitiativeColumns.DUE).toLocalDate(),
        r.<Double>getAs(InitiativeColumns.EXPECTED_CHANGE),
        r.<Double>getAs(InitiativeColumns.EXPECTED_TO_DATE),
        r.getAs(InitiativeColumns.OBSERVED_CHANGE),
        r.getAs(InitiativeColumns.OBSERVED_CI95_LOW),
        r.getAs(InitiativeColumns.OBSERVED_CI95_HIGH),
        r.getAs(InitiativeColumns.DID_CHANGE),
        r.getAs(InitiativeColumns.DID_CI95_LOW),
        r.getAs(InitiativeColumns.DID_CI95_HIGH),
        r.getAs(InitiativeColumns.STATUS));
  }

  static NpsRow nps(Row r) {
    return new NpsRow(
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.<Long>getAs(NpsColumns.RESPONSES),
        r.getAs(NpsColumns.NPS),
        r.getAs(NpsColumns.NPS_CI95_LOW),
        r.getAs(NpsColumns.NPS_CI95_HIGH),
        r.getAs(NpsColumns.PREVIOUS_NPS),
        r.getAs(NpsColumns.Q_VALUE),
        r.getAs(NpsColumns.DIRECTION),
        r.<Boolean>getAs(NpsColumns.SUPPRESSED));
  }

  /** The window's contacts on the surveyed touchpoints: the sum over the whole-base cells. */
  static long contacts(List<Row> gaps) {
    return gaps.stream()
        .filter(r -> TOTAL.equals(r.getAs(SEGMENT_DIMENSION)))
        .mapToLong(
            r ->
                r.isNullAt(r.fieldIndex(GapColumns.CONTACTS))
                    ? 0
                    : r.<Long>getAs(GapColumns.CONTACTS))
        .sum();
  }

  /** D's rows of one table, or none where the table does not exist. */
  private static List<Row> rows(
      JobContext ctx, Table table, Function<Dataset<Row>, Dataset<Row>> filter) {
    return DeltaIO.readDateIfExists(ctx.spark(), ctx.table(table), ctx.date())
        .map(df -> filter.apply(df).collectAsList())
        .orElse(List.of());
  }

  private static <T> List<T> map(List<Row> rows, Function<Row, T> f) {
    return rows.stream().map(f).toList();
  }

  static GapCell gapCell(Row r) {
    return new GapCell(
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.getAs(TOUCHPOINT),
        r.<Long>getAs(GapColumns.RESPONDENTS),
        r.getAs(GapColumns.GAP_MEAN),
        r.getAs(GapColumns.GAP_CI95_LOW),
        r.getAs(GapColumns.GAP_CI95_HIGH),
        r.<Boolean>getAs(GapColumns.SUPPRESSED));
  }

  static DriverPoint driver(Row r) {
    return new DriverPoint(
        r.getAs(TOUCHPOINT),
        r.<Double>getAs("importance"),
        r.<Double>getAs("importance_share"),
        r.<Double>getAs("r2"),
        r.<Double>getAs("gap_mean"),
        r.getAs("quadrant"),
        r.<Integer>getAs("priority_rank"),
        optional(r, "share_ci95_low"),
        optional(r, "share_ci95_high"),
        optional(r, "significant"));
  }

  /** A column that tables written before it was added lack: null there. */
  private static <T> T optional(Row r, String column) {
    return Arrays.asList(r.schema().fieldNames()).contains(column) ? r.getAs(column) : null;
  }

  static ClusterPanel cluster(Row r) {
    Map<String, Double> centroid =
        r.isNullAt(r.fieldIndex(CENTROID)) ? Map.of() : r.getJavaMap(r.fieldIndex(CENTROID));
    Map<String, Double> baseline =
        r.isNullAt(r.fieldIndex(BASELINE)) ? Map.of() : r.getJavaMap(r.fieldIndex(BASELINE));
    List<String> pains =
        r.isNullAt(r.fieldIndex(TOP_PAINS)) ? List.of() : r.getList(r.fieldIndex(TOP_PAINS));
    Double share = r.getAs(SHARE);
    return new ClusterPanel(
        r.<Integer>getAs(CLUSTER_ID),
        r.getAs(CLUSTER_LABEL),
        r.<Long>getAs(CUSTOMERS),
        share == null ? 0 : share,
        r.getAs(MEAN_NPS),
        centroid,
        baseline,
        pains);
  }

  static TrendRow trend(Row r) {
    return new TrendRow(
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.getAs(TOUCHPOINT),
        r.getAs(GapColumns.PREVIOUS_GAP_MEAN),
        r.getAs(GapColumns.GAP_MEAN),
        r.getAs(GapColumns.DELTA),
        r.getAs(GapColumns.P_VALUE),
        r.getAs(GapColumns.Q_VALUE),
        r.getAs(GapColumns.DIRECTION));
  }

  static DimensionRow dimension(Row r) {
    return new DimensionRow(
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.getAs(DIMENSION),
        r.<Long>getAs("respondents"),
        r.<Long>getAs("items"),
        r.getAs("gap_mean"),
        r.getAs("gap_ci95_low"),
        r.getAs("gap_ci95_high"),
        r.getAs("experience_mean"),
        r.getAs("msa_mean"),
        r.getAs("alpha_experience"),
        r.getAs("alpha_gap"),
        r.<Boolean>getAs("suppressed"));
  }

  static IndexRow index(Row r) {
    return new IndexRow(
        r.getAs(SEGMENT_DIMENSION),
        r.getAs(SEGMENT_VALUE),
        r.<Long>getAs("dimensions"),
        r.getAs("unweighted_gap"),
        r.getAs("weighted_gap"),
        r.getAs("experience_index"));
  }

  /** Per-source counts summed over D's ingest runs (each run counts only the files it read). */
  static List<SourceCount> sources(List<Row> ingestRuns) {
    Map<String, Long> sum = new HashMap<>();
    for (Row r : ingestRuns) {
      if (!r.isNullAt(r.fieldIndex("counts"))) {
        r.<String, Long>getJavaMap(r.fieldIndex("counts"))
            .forEach((k, v) -> sum.merge(k, v == null ? 0 : v, Long::sum));
      }
    }
    List<SourceCount> out = new ArrayList<>();
    for (Source s : List.of(Source.CUSTOMERS, Source.SURVEYS, Source.INTERACTIONS)) {
      String p = s.folder() + ".";
      if (sum.containsKey(p + "read")) {
        out.add(
            new SourceCount(
                s.folder(),
                sum.get(p + "read"),
                sum.getOrDefault(p + "accepted", 0L),
                sum.getOrDefault(p + "quarantined", 0L),
                sum.getOrDefault(p + "duplicate", 0L)));
      }
    }
    return out;
  }

  /** Rows quarantined by D's ingest runs, per source and reason. */
  private static List<ReasonCount> reasons(JobContext ctx, List<String> runIds) {
    if (runIds.isEmpty()) {
      return List.of();
    }
    return DeltaIO.readIfExists(ctx.spark(), ctx.table(Table.QUARANTINE))
        .map(
            df ->
                df.where(col(RUN_ID).isin(runIds.toArray()))
                    .groupBy(SOURCE, REASON)
                    .agg(count(lit(1)).as("rows"))
                    .collectAsList())
        .orElse(List.of())
        .stream()
        .map(r -> new ReasonCount(r.getString(0), r.getString(1), r.getLong(2)))
        .toList();
  }
}

package io.cxgap.jobs.cli;

import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.monitor.AlertColumns;
import io.cxgap.common.monitor.InitiativeColumns;
import io.cxgap.jobs.runstate.JobContext;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** What {@code demo} prints after its nightly: the headline of each gold table for D. */
final class DemoFindings {
  private DemoFindings() {}

  /** The whole base's NPS with its interval, and the previous window's where there is one. */
  static String npsLine(Row r) {
    Double previous = r.getAs("previous_nps");
    Double q = r.getAs("q_value");
    return String.format(
        Locale.ROOT,
        "%nNPS, whole base: %.1f  [%.1f, %.1f] 95%% interval, %d responses%s",
        r.<Double>getAs("nps"),
        r.<Double>getAs("nps_ci95_low"),
        r.<Double>getAs("nps_ci95_high"),
        r.<Long>getAs("responses"),
        previous == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; previous window %.1f, %s (q %.2g)",
                previous,
                r.<String>getAs("direction"),
                q));
  }

  /** The headline results, so a first-time user sees what the tables say. */
  static void print(JobContext ctx, PrintStream out) {
    String d = ctx.date().toString();
    String gaps = ctx.table(Table.GAP_SEGMENT_TOUCHPOINT);
    if (DeltaIO.exists(ctx.spark(), gaps)) {
      out.println();
      out.println(
          "Largest shortfalls, whole base, "
              + d
              + " (gap = experience - expectation, 0..100; 95% interval):");
      for (Row r :
          DeltaIO.readDate(ctx.spark(), gaps, ctx.date())
              .where("segment_dimension = 'total' and not suppressed")
              .orderBy("gap_mean")
              .limit(3)
              .collectAsList()) {
        out.printf(
            Locale.ROOT,
            "  %-14s gap %6.1f  [%6.1f, %6.1f]  %d respondents%n",
            r.<String>getAs("touchpoint"),
            r.<Double>getAs("gap_mean"),
            r.<Double>getAs("gap_ci95_low"),
            r.<Double>getAs("gap_ci95_high"),
            r.<Long>getAs("respondents"));
      }
    }
    String nps = ctx.table(Table.NPS_SEGMENT);
    if (DeltaIO.exists(ctx.spark(), nps)) {
      DeltaIO.readDate(ctx.spark(), nps, ctx.date())
          .where("segment_dimension = 'total' and not suppressed")
          .collectAsList()
          .forEach(r -> out.println(npsLine(r)));
    }
    String dimensions = ctx.table(Table.GAP_DIMENSION);
    if (DeltaIO.exists(ctx.spark(), dimensions)) {
      out.println();
      out.println(
          "Dimensions, whole base (respondent-level gap, 95% interval; experience = SERVPERF;"
              + " Cronbach's alpha of experience):");
      for (Row r :
          DeltaIO.readDate(ctx.spark(), dimensions, ctx.date())
              .where("segment_dimension = 'total' and not suppressed")
              .orderBy("gap_mean")
              .collectAsList()) {
        Double alpha = r.getAs("alpha_experience");
        out.printf(
            Locale.ROOT,
            "  %-14s gap %6.1f  [%6.1f, %6.1f]  experience %5.1f  alpha %s%s%n",
            r.<String>getAs("dimension"),
            r.<Double>getAs("gap_mean"),
            r.<Double>getAs("gap_ci95_low"),
            r.<Double>getAs("gap_ci95_high"),
            r.<Double>getAs("experience_mean"),
            alpha == null ? "  n/a" : String.format(Locale.ROOT, "%5.2f", alpha),
            alpha != null && alpha < 0.7 ? "  (below 0.70: items disagree)" : "");
      }
      DeltaIO.readDate(ctx.spark(), ctx.table(Table.SERVQUAL_INDEX), ctx.date())
          .where("segment_dimension = 'total'")
          .collectAsList()
          .forEach(
              r ->
                  out.printf(
                      Locale.ROOT,
                      "  SERVQUAL index: gap %.1f unweighted%s, experience %.1f%n",
                      r.<Double>getAs("unweighted_gap"),
                      r.getAs("weighted_gap") == null
                          ? ""
                          : String.format(
                              Locale.ROOT, ", %.1f weighted", r.<Double>getAs("weighted_gap")),
                      r.<Double>getAs("experience_index")));
    }
    String trend = ctx.table(Table.GAP_TREND);
    if (DeltaIO.exists(ctx.spark(), trend)) {
      out.println();
      out.println("Deteriorating gaps (vs the previous window):");
      List<Row> rows =
          DeltaIO.readDate(ctx.spark(), trend, ctx.date())
              .where("direction = 'deteriorating'")
              .orderBy("delta")
              .limit(5)
              .collectAsList();
      if (rows.isEmpty()) {
        out.println("  none");
      }
      for (Row r : rows) {
        out.printf(
            Locale.ROOT,
            "  %-8s %-12s %-14s delta %6.1f  p %.2g  q %.2g%n",
            r.<String>getAs("segment_dimension"),
            r.<String>getAs("segment_value"),
            r.<String>getAs("touchpoint"),
            r.<Double>getAs("delta"),
            r.<Double>getAs("p_value"),
            r.<Double>getAs("q_value"));
      }
    }
    String drivers = ctx.table(Table.TOUCHPOINT_DRIVER);
    if (DeltaIO.exists(ctx.spark(), drivers)) {
      out.println();
      out.println("Moments of truth (share of explained NPS variance, priority):");
      for (Row r :
          DeltaIO.readDate(ctx.spark(), drivers, ctx.date())
              .where("priority_rank IS NOT NULL")
              .orderBy("priority_rank")
              .limit(3)
              .collectAsList()) {
        out.printf(
            Locale.ROOT,
            "  %d. %-14s %5.1f%%  gap %6.1f  %s%n",
            r.<Integer>getAs("priority_rank"),
            r.<String>getAs("touchpoint"),
            100 * r.<Double>getAs("importance_share"),
            r.<Double>getAs("gap_mean"),
            r.<String>getAs("quadrant"));
      }
    }
    String profiles = ctx.table(Table.PAIN_CLUSTER_PROFILE);
    if (DeltaIO.exists(ctx.spark(), profiles)) {
      out.println();
      out.println("Pain clusters (customers with a response in the window):");
      for (Row r :
          DeltaIO.readDate(ctx.spark(), profiles, ctx.date())
              .orderBy(functions.desc("customers"))
              .collectAsList()) {
        out.printf(
            Locale.ROOT,
            "  #%-3d %-32s %5.1f%%  mean NPS %4.1f%n",
            r.<Integer>getAs("cluster_id"),
            r.<String>getAs("cluster_label"),
            100 * r.<Double>getAs("share"),
            r.<Double>getAs("mean_nps"));
      }
    }
    monitoring(ctx, out);
    out.println();
    out.println(
        "Report: "
            + DemoCommand.reportLocation(ctx)
            + " (open it in a browser; it needs no network)");
    out.println(
        "Query them: bin/cxgap sql \"SELECT * FROM "
            + Table.GAP_TREND.sqlName()
            + " WHERE direction = 'deteriorating'\"");
  }

  /** One line an initiative: its status, observed change and DiD with their 95% intervals. */
  static String initiativeLine(Row r) {
    return String.format(
        Locale.ROOT,
        "  %-18s %-17s observed %s vs %+.1f expected by now (%+.1f by %s); DiD %s",
        r.<String>getAs(InitiativeColumns.INITIATIVE_ID),
        r.<String>getAs(InitiativeColumns.STATUS),
        interval(
            r.getAs(InitiativeColumns.OBSERVED_CHANGE),
            r.getAs(InitiativeColumns.OBSERVED_CI95_LOW),
            r.getAs(InitiativeColumns.OBSERVED_CI95_HIGH)),
        r.<Double>getAs(InitiativeColumns.EXPECTED_TO_DATE),
        r.<Double>getAs(InitiativeColumns.EXPECTED_CHANGE),
        r.getAs(InitiativeColumns.DUE),
        interval(
            r.getAs(InitiativeColumns.DID_CHANGE),
            r.getAs(InitiativeColumns.DID_CI95_LOW),
            r.getAs(InitiativeColumns.DID_CI95_HIGH)));
  }

  private static String interval(Double v, Double lo, Double hi) {
    if (v == null) {
      return "n/a";
    }
    return lo == null
        ? String.format(Locale.ROOT, "%+.1f", v)
        : String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", v, lo, hi);
  }

  /** The initiatives' statuses, one line each, the alert count and the detractors to call back. */
  static void monitoring(JobContext ctx, PrintStream out) {
    String checks = ctx.table(Table.INITIATIVE_CHECK);
    if (!DeltaIO.exists(ctx.spark(), checks)) {
      return;
    }
    out.println();
    List<Row> initiatives =
        DeltaIO.readDate(ctx.spark(), checks, ctx.date())
            .orderBy(InitiativeColumns.INITIATIVE_ID)
            .collectAsList();
    if (initiatives.isEmpty()) {
      out.println("Initiatives: none declared (cx.initiatives)");
    } else {
      out.println(
          "Initiatives (cx.initiatives; gap change since the start, 95% interval; DiD = against"
              + " the segment's other touchpoints):");
      initiatives.forEach(r -> out.println(initiativeLine(r)));
    }
    Row a =
        DeltaIO.readDate(ctx.spark(), ctx.table(Table.ALERT), ctx.date())
            .agg(
                functions.count(functions.lit(1)),
                functions.sum(functions.col(AlertColumns.NEW).cast("long")),
                functions.sum(
                    functions.col(AlertColumns.SEVERITY).equalTo(AlertColumns.HIGH).cast("long")))
            .head();
    out.printf(
        Locale.ROOT,
        "Alerts: %d (%d new, %d high): bin/cxgap alerts --date %s%n",
        a.getLong(0),
        a.isNullAt(1) ? 0 : a.getLong(1),
        a.isNullAt(2) ? 0 : a.getLong(2),
        ctx.date());
    out.printf(
        Locale.ROOT,
        "Detractors to follow up: %d (%s)%n",
        DeltaIO.readDate(ctx.spark(), ctx.table(Table.DETRACTOR_FOLLOWUP), ctx.date()).count(),
        Table.DETRACTOR_FOLLOWUP.sqlName());
  }
}

package io.cxgap.common.monitor;

import static io.cxgap.common.Columns.*;
import static io.cxgap.common.monitor.AlertColumns.*;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.gaps.GapColumns;
import io.cxgap.common.nps.NpsColumns;
import io.cxgap.common.stats.TrendDirection;
import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code gold.alert} (DESIGN.md §5): what a CX team must look at on date D, one row per alert key.
 *
 * <p>Kinds, each from D's slice of one gold table: {@code gap_deteriorating} (gap_trend direction
 * deteriorating), {@code nps_deteriorating} (nps_segment direction deteriorating), {@code
 * target_missed} (an unsuppressed gap_segment_touchpoint cell with meets_target false whose
 * gap_ci95_high is below target_gap), {@code zot_below} (zot_status below), {@code
 * initiative_behind} and {@code initiative_missed} (initiative_check status). Severity is {@code
 * high} when the touchpoint's priority_rank in touchpoint_driver is 1 to 3 or the q_value is below
 * 0.001, else {@code medium}.
 *
 * <p>The alert key is {@code kind|segment|subject}: segment is {@code total} for the whole base,
 * else {@code dimension=value}; subject is the touchpoint, the initiative id, or nothing for NPS
 * (e.g. {@code gap_deteriorating|segment=SMB|helpdesk_phone}, {@code nps_deteriorating|total}).
 *
 * <p>The previous run date is D − 1 day: nightly runs every day, and DESIGN.md defines first_seen
 * over "the unbroken run of days" on which a key fired. A key that fired on D − 1 keeps that row's
 * first_seen and is not new; any other key (never seen, or seen before a day without it, or before
 * a day that was not run) starts a new run: first_seen = D, new = true. So a skipped nightly
 * restarts every run, which errs on the side of showing an alert as new.
 */
public final class Alerts {
  static final double HIGH_Q = 0.001;
  static final int HIGH_RANK = 3;
  private static final String SUBJECT = "_subject";

  private Alerts() {}

  /**
   * What {@link #alerts} reads; each frame may hold other dates, only D's (and D − 1's for the
   * previous alerts) rows are used.
   *
   * @param gapTrend gold.gap_trend
   * @param npsSegment gold.nps_segment
   * @param gapCells gold.gap_segment_touchpoint
   * @param drivers gold.touchpoint_driver
   * @param initiativeChecks gold.initiative_check (empty without initiatives)
   * @param previousAlerts gold.alert (at least D − 1's slice; empty on a first run)
   */
  public record Inputs(
      Dataset<Row> gapTrend,
      Dataset<Row> npsSegment,
      Dataset<Row> gapCells,
      Dataset<Row> drivers,
      Dataset<Row> initiativeChecks,
      Dataset<Row> previousAlerts) {}

  /** gold.alert's rows for {@code date}, in {@link AlertColumns#ALERT} order, new ones first. */
  public static Dataset<Row> alerts(Inputs in, LocalDate date) {
    Column d = lit(Date.valueOf(date));
    Dataset<Row> fired =
        gapDeteriorating(in.gapTrend().where(col(AS_OF_DATE).equalTo(d)))
            .unionByName(npsDeteriorating(in.npsSegment().where(col(AS_OF_DATE).equalTo(d))))
            .unionByName(targetMissed(in.gapCells().where(col(AS_OF_DATE).equalTo(d))))
            .unionByName(zotBelow(in.gapCells().where(col(AS_OF_DATE).equalTo(d))))
            .unionByName(initiatives(in.initiativeChecks().where(col(AS_OF_DATE).equalTo(d))));
    Dataset<Row> ranks =
        in.drivers()
            .where(col(AS_OF_DATE).equalTo(d))
            .select(col(TOUCHPOINT).as("_rank_tp"), col(PRIORITY_RANK));
    Dataset<Row> previous =
        in.previousAlerts()
            .where(col(AS_OF_DATE).equalTo(lit(Date.valueOf(date.minusDays(1)))))
            .select(col(ALERT_KEY).as("_prev_key"), col(FIRST_SEEN).as("_prev_first_seen"));
    Column rank = col(PRIORITY_RANK);
    Column high =
        coalesce(rank.between(1, HIGH_RANK), lit(false))
            .or(coalesce(col(Q_VALUE).lt(HIGH_Q), lit(false)));
    Dataset<Row> keyed = fired.withColumn(ALERT_KEY, key());
    return keyed
        .join(broadcast(ranks), keyed.col(TOUCHPOINT).equalTo(col("_rank_tp")), "left")
        .join(broadcast(previous), col(ALERT_KEY).equalTo(col("_prev_key")), "left")
        .select(
            d.as(AS_OF_DATE),
            col(ALERT_KEY),
            col(KIND),
            when(high, lit(HIGH)).otherwise(lit(MEDIUM)).as(SEVERITY),
            col(SEGMENT_DIMENSION),
            col(SEGMENT_VALUE),
            col(TOUCHPOINT),
            col(METRIC),
            col(VALUE),
            col(REFERENCE),
            col(Q_VALUE),
            coalesce(col("_prev_first_seen"), d).as(FIRST_SEEN),
            col("_prev_key").isNull().as(NEW),
            col(MESSAGE))
        .orderBy(col(NEW).desc(), col(SEVERITY), col(ALERT_KEY));
  }

  /** kind|segment|subject, the subject left out where there is none. */
  private static Column key() {
    Column segment =
        when(col(SEGMENT_DIMENSION).equalTo(TOTAL), lit(TOTAL))
            .otherwise(concat(col(SEGMENT_DIMENSION), lit("="), col(SEGMENT_VALUE)));
    return concat_ws("|", col(KIND), segment, col(SUBJECT));
  }

  /** The segment in words: "all customers" or "segment=SMB". */
  private static Column who() {
    return when(col(SEGMENT_DIMENSION).equalTo(TOTAL), lit("all customers"))
        .otherwise(concat(col(SEGMENT_DIMENSION), lit("="), col(SEGMENT_VALUE)));
  }

  /** The columns every kind's rows share, before key, severity and run. */
  private static Dataset<Row> rows(
      Dataset<Row> df,
      String kind,
      Column touchpoint,
      Column subject,
      String metric,
      Column value,
      Column reference,
      Column q,
      Column message) {
    return df.select(
        lit(kind).as(KIND),
        col(SEGMENT_DIMENSION),
        col(SEGMENT_VALUE),
        touchpoint.cast("string").as(TOUCHPOINT),
        subject.cast("string").as(SUBJECT),
        lit(metric).as(METRIC),
        value.cast("double").as(VALUE),
        reference.cast("double").as(REFERENCE),
        q.cast("double").as(Q_VALUE),
        message.as(MESSAGE));
  }

  static Dataset<Row> gapDeteriorating(Dataset<Row> trend) {
    return rows(
        trend.where(col(GapColumns.DIRECTION).equalTo(TrendDirection.DETERIORATING)),
        GAP_DETERIORATING,
        col(TOUCHPOINT),
        col(TOUCHPOINT),
        GapColumns.GAP_MEAN,
        col(GapColumns.GAP_MEAN),
        col(GapColumns.PREVIOUS_GAP_MEAN),
        col(GapColumns.Q_VALUE),
        format_string(
            "%s gap for %s fell from %.1f to %.1f points (%+.1f, q = %.2g) against the previous"
                + " %d days: find out what changed at this touchpoint.",
            col(TOUCHPOINT),
            who(),
            col(GapColumns.PREVIOUS_GAP_MEAN),
            col(GapColumns.GAP_MEAN),
            col(GapColumns.DELTA),
            col(GapColumns.Q_VALUE),
            col(WINDOW_DAYS)));
  }

  static Dataset<Row> npsDeteriorating(Dataset<Row> nps) {
    return rows(
        nps.where(col(NpsColumns.DIRECTION).equalTo(TrendDirection.DETERIORATING)),
        NPS_DETERIORATING,
        lit(null),
        lit(null),
        NpsColumns.NPS,
        col(NpsColumns.NPS),
        col(NpsColumns.PREVIOUS_NPS),
        col(NpsColumns.Q_VALUE),
        format_string(
            "NPS for %s fell from %.1f to %.1f (%+.1f points, q = %.2g) against the previous %d"
                + " days: call back its detractors (gold.detractor_followup) and read their"
                + " comments.",
            who(),
            col(NpsColumns.PREVIOUS_NPS),
            col(NpsColumns.NPS),
            col(NpsColumns.DELTA),
            col(NpsColumns.Q_VALUE),
            col(WINDOW_DAYS)));
  }

  static Dataset<Row> targetMissed(Dataset<Row> cells) {
    return rows(
        cells.where(
            not(col(GapColumns.SUPPRESSED))
                .and(not(col(GapColumns.MEETS_TARGET)))
                .and(col(GapColumns.GAP_CI95_HIGH).lt(col(TARGET_GAP)))),
        TARGET_MISSED,
        col(TOUCHPOINT),
        col(TOUCHPOINT),
        GapColumns.GAP_MEAN,
        col(GapColumns.GAP_MEAN),
        col(TARGET_GAP),
        lit(null),
        format_string(
            "%s gap for %s is %.1f points (95%% CI %.1f to %.1f), wholly below its target of %.1f:"
                + " plan an improvement for this touchpoint.",
            col(TOUCHPOINT),
            who(),
            col(GapColumns.GAP_MEAN),
            col(GapColumns.GAP_CI95_LOW),
            col(GapColumns.GAP_CI95_HIGH),
            col(TARGET_GAP)));
  }

  static Dataset<Row> zotBelow(Dataset<Row> cells) {
    return rows(
        cells.where(col(GapColumns.ZOT_STATUS).equalTo(GapColumns.ZOT_BELOW)),
        ZOT_BELOW,
        col(TOUCHPOINT),
        col(TOUCHPOINT),
        GapColumns.MSA_MEAN,
        col(GapColumns.MSA_MEAN),
        lit(0.0),
        lit(null),
        format_string(
            "%s experience for %s is below the lowest level customers accept (msa %.1f points, 95%%"
                + " CI up to %.1f): fix this touchpoint before customers leave.",
            col(TOUCHPOINT), who(), col(GapColumns.MSA_MEAN), col(GapColumns.MSA_CI95_HIGH)));
  }

  static Dataset<Row> initiatives(Dataset<Row> checks) {
    Column behind = col(InitiativeColumns.STATUS).equalTo(InitiativeColumns.BEHIND);
    Dataset<Row> b =
        rows(
            checks.where(behind),
            INITIATIVE_BEHIND,
            col(TOUCHPOINT),
            col(InitiativeColumns.INITIATIVE_ID),
            InitiativeColumns.OBSERVED_CHANGE,
            col(InitiativeColumns.OBSERVED_CHANGE),
            col(InitiativeColumns.EXPECTED_TO_DATE),
            lit(null),
            format_string(
                "Initiative %s (%s) on %s for %s is behind: the gap changed by %+.1f points, %+.1f"
                    + " expected by now and %+.1f by %s: review its rollout.",
                col(InitiativeColumns.INITIATIVE_ID),
                col(InitiativeColumns.NAME),
                col(TOUCHPOINT),
                who(),
                col(InitiativeColumns.OBSERVED_CHANGE),
                col(InitiativeColumns.EXPECTED_TO_DATE),
                col(InitiativeColumns.EXPECTED_CHANGE),
                col(InitiativeColumns.DUE).cast("string")));
    Dataset<Row> m =
        rows(
            checks.where(col(InitiativeColumns.STATUS).equalTo(InitiativeColumns.MISSED)),
            INITIATIVE_MISSED,
            col(TOUCHPOINT),
            col(InitiativeColumns.INITIATIVE_ID),
            InitiativeColumns.OBSERVED_CHANGE,
            col(InitiativeColumns.OBSERVED_CHANGE),
            col(InitiativeColumns.EXPECTED_CHANGE),
            lit(null),
            format_string(
                "Initiative %s (%s) on %s for %s missed its target: the gap changed by %+.1f"
                    + " points against %+.1f expected by %s: decide whether to extend, change or"
                    + " stop it.",
                col(InitiativeColumns.INITIATIVE_ID),
                col(InitiativeColumns.NAME),
                col(TOUCHPOINT),
                who(),
                col(InitiativeColumns.OBSERVED_CHANGE),
                col(InitiativeColumns.EXPECTED_CHANGE),
                col(InitiativeColumns.DUE).cast("string")));
    return b.unionByName(m);
  }
}

package io.cxgap.common.gold;

import io.cxgap.common.Columns;
import io.cxgap.common.Layer;
import io.cxgap.common.Table;
import io.cxgap.common.gaps.GapColumns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * What every gold table and column means (DESIGN.md §5), in words an analyst or a BI tool's user
 * reads: written into each Delta table as its description and column comments, so that {@code
 * DESCRIBE}, {@code SHOW TABLE EXTENDED} and the JDBC metadata a BI tool browses all show them.
 */
public final class GoldDocs {
  /** A table's description and its columns' comments, in schema order. */
  public record TableDoc(String comment, Map<String, String> columns) {
    public TableDoc {
      columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }
  }

  private static final Map<String, TableDoc> TABLES = new LinkedHashMap<>();

  static final String AS_OF = "run date D (UTC); the run for D wrote this row";
  static final String WINDOW = "days of answers and contacts counted, ending on as_of_date";
  static final String SEG_DIM =
      "which CRM column the customers are cut by: total (whole base) or one of cx.segment-dimensions, e.g. region";
  static final String SEG_VAL =
      "value of segment_dimension: all for total, e.g. North for region; blank CRM values are unknown";
  private static final String TOUCHPOINT = "touchpoint id from the catalog (conf/touchpoints.conf)";
  private static final String STAGE =
      "journey stage of the touchpoint: awareness, purchase, onboarding, usage, support or renewal";
  private static final String SERVQUAL =
      "dimension of the touchpoint from the catalog: the SERVQUAL five (tangibles, reliability, responsiveness, assurance, empathy) or the study's own";
  static final String Q_VALUE =
      "Benjamini-Hochberg adjusted p-value (false discovery rate) over all of this table's p-values of the as_of_date; direction uses q_value < 0.05";
  private static final String SUPPRESSED =
      "true when fewer than cx.min-respondents customers answered; then means, deviations, shares, rates and intervals are null";

  static {
    table(
        Table.GAP_SEGMENT_TOUCHPOINT,
        "SERVQUAL gap (experience minus expectation, 0..100 scale) per run date, segment cut and touchpoint; negative gap = shortfall",
        col(Columns.AS_OF_DATE, AS_OF),
        col(Columns.WINDOW_DAYS, WINDOW),
        col(Columns.SEGMENT_DIMENSION, SEG_DIM),
        col(Columns.SEGMENT_VALUE, SEG_VAL),
        col(Columns.TOUCHPOINT, TOUCHPOINT),
        col(Columns.JOURNEY_STAGE, STAGE),
        col(Columns.DIMENSION, SERVQUAL),
        col(GapColumns.RESPONDENTS, "distinct customers who rated this touchpoint in the window"),
        col(
            GapColumns.RESPONSES,
            "ratings (item rows) in the window; one customer can rate a touchpoint several times"),
        col(GapColumns.EXPECTATION_MEAN, "mean expected level, normalised to 0..100"),
        col(GapColumns.EXPERIENCE_MEAN, "mean experienced level, normalised to 0..100"),
        col(
            GapColumns.GAP_MEAN,
            "mean gap = experience - expectation on 0..100; below 0 is a shortfall"),
        col(GapColumns.GAP_STDDEV, "sample standard deviation of the gap"),
        col(
            GapColumns.GAP_CI95_LOW,
            "lower end of the 95% confidence interval of gap_mean (Student's t, responses - 1 degrees of freedom)"),
        col(
            GapColumns.GAP_CI95_HIGH,
            "upper end of the 95% confidence interval of gap_mean; below 0 means the shortfall is not chance"),
        col(
            GapColumns.NEGATIVE_GAP_SHARE,
            "share of ratings with experience below expectation (0..1)"),
        col(
            Columns.TARGET_GAP,
            "the catalog's target gap for the touchpoint (the gap the business aims for)"),
        col(GapColumns.MEETS_TARGET, "true when gap_mean >= target_gap"),
        col(
            GapColumns.CONTACTS,
            "channel contacts in the window about this touchpoint by this segment's customers"),
        col(
            GapColumns.REPEAT_CONTACT_RATE,
            "share of contacts followed by another contact from the same customer on the same touchpoint within 7 days"),
        col(GapColumns.ABANDONMENT_RATE, "share of contacts abandoned"),
        col(GapColumns.FAILURE_RATE, "share of contacts that failed or ended unresolved"),
        col(
            GapColumns.AVG_WAIT_S,
            "mean wait before an answer, seconds, over contacts with a recorded wait"),
        col(
            GapColumns.P90_WAIT_S,
            "90th percentile of the wait before an answer, seconds (linear interpolation)"),
        col(GapColumns.SUPPRESSED, SUPPRESSED),
        col(
            GapColumns.ADEQUATE_MEAN,
            "zone of tolerance: mean adequate level (lowest acceptable), 0..100, over ratings with an adequate answer that is not an inversion (adequate > expectation); null without such ratings or when suppressed"),
        col(
            GapColumns.MSA_MEAN,
            "mean measure of service adequacy msa = experience - adequate on 0..100 over the same ratings; below 0 is below the zone of tolerance"),
        col(
            GapColumns.MSA_CI95_LOW,
            "lower end of the 95% confidence interval of msa_mean (Student's t, n - 1 degrees of freedom, n = ratings with an msa)"),
        col(
            GapColumns.MSA_CI95_HIGH,
            "upper end of the 95% confidence interval of msa_mean; below 0 means experience is below the adequate level, not by chance"),
        col(
            GapColumns.BELOW_ADEQUATE_SHARE,
            "share of ratings with an adequate answer (inversions left out) whose experience is below adequate (0..1)"),
        col(
            GapColumns.ZOT_INVERSIONS,
            "ratings whose adequate level is above the expectation (desired level): kept for the gap, left out of the zone columns; null without adequate answers or when suppressed"),
        col(
            GapColumns.ZOT_STATUS,
            "below (msa_ci95_high < 0), above (gap_ci95_low > 0) or within the zone of tolerance; null without adequate answers (inversions left out) or when suppressed"));
    DimensionDocs.define();
    table(
        Table.GAP_TREND,
        "Is a gap getting worse? Current window's mean gap against the previous window of the same length, Welch's t-test",
        col(Columns.AS_OF_DATE, AS_OF),
        col(
            Columns.WINDOW_DAYS,
            "length of each of the two windows in days; the current one ends on as_of_date"),
        col(Columns.SEGMENT_DIMENSION, SEG_DIM),
        col(Columns.SEGMENT_VALUE, SEG_VAL),
        col(Columns.TOUCHPOINT, TOUCHPOINT),
        col(GapColumns.GAP_MEAN, "mean gap in the current window (0..100 scale)"),
        col(
            GapColumns.PREVIOUS_GAP_MEAN,
            "mean gap in the previous window, just before the current one"),
        col(GapColumns.DELTA, "gap_mean - previous_gap_mean; negative means worse"),
        col(
            GapColumns.P_VALUE,
            "two-sided p-value of Welch's t-test between the two windows' gaps"),
        col(GapColumns.Q_VALUE, Q_VALUE),
        col(
            GapColumns.DIRECTION,
            "deteriorating (delta <= -cx.trends.min-delta and q_value < 0.05), improving (symmetric), stable, new (no previous answers) or suppressed (too few customers in either window)"),
        col(GapColumns.RESPONDENTS, "distinct customers in the current window"),
        col(GapColumns.PREVIOUS_RESPONDENTS, "distinct customers in the previous window"),
        col(GapColumns.RESPONSES, "ratings in the current window"),
        col(GapColumns.PREVIOUS_RESPONSES, "ratings in the previous window"),
        col(GapColumns.SUPPRESSED, SUPPRESSED + " (in either window)"));
    NpsDocs.define();
    table(
        Table.TOUCHPOINT_DRIVER,
        "Moments of truth: each touchpoint's share of the explained variance (R2) of overall NPS, by LMG (Shapley), with importance-performance quadrants",
        col("as_of_date", AS_OF),
        col("window_days", WINDOW),
        col("touchpoint", TOUCHPOINT),
        col("journey_stage", STAGE),
        col("dimension", SERVQUAL),
        col(
            "customers",
            "customers in the regression: a response and an overall_nps in the window"),
        col("respondents", "of those, the customers who answered this touchpoint"),
        col(
            "importance",
            "the touchpoint's Shapley share of R2 (LMG); the importances of a date add up to r2"),
        col("importance_share", "importance / r2; adds up to 1 over a date's touchpoints"),
        col("r2", "R2 of overall_nps x 10 regressed on all touchpoint gaps"),
        col("gap_mean", "mean over the answering customers of their own mean gap (0..100 scale)"),
        col(
            "quadrant",
            "importance-performance quadrant: concentrate_here, keep_up, low_priority or possible_overkill"),
        col(
            "priority_rank",
            "1 = fix first, by importance_share x max(0, -gap_mean); ties by importance; null where significant is false"),
        col(
            "method",
            "lmg (exact Shapley decomposition) or relative_weights (Johnson's, above cx.drivers.max-exact-touchpoints)"),
        col(
            "importance_ci95_low",
            "2.5th percentile of importance over cx.drivers.bootstrap Poisson bootstrap replicates (each refitted with one extra random-noise predictor); null when the bootstrap is off or there are fewer than max(50, 10 x touchpoints) customers"),
        col("importance_ci95_high", "97.5th percentile of importance over the replicates"),
        col(
            "share_ci95_low",
            "2.5th percentile over the replicates of importance / (R2 - the noise predictor's importance)"),
        col("share_ci95_high", "97.5th percentile of that share over the replicates"),
        col(
            "significant",
            "true when the 2.5th percentile of (importance - the noise predictor's importance) is above 0; a touchpoint that is not gets no priority_rank; null without intervals"));
    table(
        Table.CUSTOMER_PAIN_CLUSTER,
        "Each customer with a survey response in the window, assigned to a pain cluster (k-means on gap and friction features)",
        col("as_of_date", AS_OF),
        col("customer_id", "CRM customer id"),
        col("cluster_id", "pain cluster id, stable across runs (see pain_cluster_profile)"),
        col("cluster_label", "the cluster's top pains joined with ' + ', or no pain"),
        col("distance", "Euclidean distance of the customer's features to the cluster centroid"));
    table(
        Table.PAIN_CLUSTER_PROFILE,
        "One row per pain cluster and run date: size, centroid, top pains, NPS and segment mix; ids kept stable by Hungarian matching",
        col("as_of_date", AS_OF),
        col("window_days", WINDOW),
        col("cluster_id", "pain cluster id; a cluster matched to the previous run's keeps its id"),
        col(
            "cluster_label",
            "the top pains joined with ' + ' (e.g. billing + support_call), or no pain"),
        col("customers", "customers in the cluster"),
        col("share", "customers / all clustered customers (0..1)"),
        col(
            "silhouette",
            "mean silhouette of the cluster's sampled members (-1..1, higher = better separated)"),
        col(
            "centroid",
            "map feature -> centroid value: per touchpoint max(0, -mean gap)/100, plus the friction features"),
        col(
            "baseline",
            "map feature -> value of a customer without pain or contacts; pains are measured against it"),
        col("top_pains", "at most two features at least 0.05 above baseline, largest first"),
        col("mean_nps", "mean over the cluster's customers of each one's mean overall_nps (0..10)"),
        col(
            "segment_dimension",
            "the CRM column segment_mix is cut by (the first of cx.segment-dimensions)"),
        col(
            "segment_mix",
            "map segment value -> share of the cluster's customers (CRM as of as_of_date)"),
        col("k", "number of clusters chosen by silhouette for this date"),
        col("candidate_silhouettes", "map k -> silhouette score of every k tried"),
        col(
            "match_distance",
            "distance to the previous run's centroid whose id it kept; null for a new id"));
    InitiativeDocs.define(Table.INITIATIVE_CHECK);
    AlertDocs.define();
    table(
        Table.PIPELINE_RUN,
        "The run log: one row per step of every run, with counts and a message",
        col("run_id", "id of the run: date plus a random suffix"),
        col("job", "the step: ingest, conform, gaps, trends, drivers, clusters"),
        col("as_of_date", "run date D (UTC)"),
        col("started_at", "when the step started (UTC)"),
        col("finished_at", "when the step finished (UTC)"),
        col("status", "succeeded or failed"),
        col("rows_read", "rows the step read"),
        col("rows_written", "rows the step wrote"),
        col("rows_quarantined", "rows rejected to bronze.quarantine"),
        col("message", "what the step did, or why it failed"),
        col(
            "counts",
            "map of per-source counts: <source>.read / accepted / quarantined / duplicates"));
    PrivacyDocs.define();
  }

  private GoldDocs() {}

  static Map.Entry<String, String> col(String name, String comment) {
    return Map.entry(name, comment);
  }

  @SafeVarargs
  static void table(Table table, String comment, Map.Entry<String, String>... columns) {
    String name = table.id();
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : columns) {
      if (m.put(e.getKey(), e.getValue()) != null) {
        throw new IllegalStateException("gold." + name + "." + e.getKey() + " documented twice");
      }
    }
    TABLES.put(name, new TableDoc(comment, m));
  }

  /** Registers a table's docs built elsewhere (e.g. {@link InitiativeDocs}). */
  static void table(Table table, TableDoc doc) {
    TABLES.put(table.id(), doc);
  }

  /** The gold tables that have docs, in DESIGN.md order. */
  public static List<String> tables() {
    return List.copyOf(TABLES.keySet());
  }

  /** The docs of one gold table, if it has any. */
  public static Optional<TableDoc> of(String table) {
    return Optional.ofNullable(TABLES.get(table));
  }

  /** The docs of one table, if it has any (gold tables only). */
  public static Optional<TableDoc> of(Table table) {
    return table.layer() == Layer.GOLD ? of(table.id()) : Optional.empty();
  }

  /**
   * The frame with each documented column's comment in its schema metadata, so that the write that
   * creates the Delta table stores them. Columns without a doc are left as they are.
   */
  public static Dataset<Row> withComments(Table table, Dataset<Row> df) {
    TableDoc doc = of(table).orElse(null);
    if (doc == null) {
      return df;
    }
    Column[] cols = new Column[df.schema().fields().length];
    int i = 0;
    for (StructField f : df.schema().fields()) {
      String comment = doc.columns().get(f.name());
      Column c = df.col("`" + f.name() + "`");
      cols[i++] = comment == null ? c : c.as(f.name(), withComment(f.metadata(), comment));
    }
    return df.select(cols);
  }

  static Metadata withComment(Metadata m, String comment) {
    return new MetadataBuilder().withMetadata(m).putString("comment", comment).build();
  }
}

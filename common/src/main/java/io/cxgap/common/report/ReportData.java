package io.cxgap.common.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the HTML report of one date shows (DESIGN.md §2 "gold ──report──>"), as small
 * in-memory rows read from the gold tables: the report's renderers are pure functions of this.
 *
 * @param date the run date D
 * @param windowDays {@code cx.window-days}
 * @param minRespondents {@code cx.min-respondents}, the suppression threshold
 * @param trendsMinDelta {@code cx.trends.min-delta}
 * @param maxQuarantineShare {@code cx.quality.max-quarantine-share}
 * @param touchpoints the catalog's touchpoints, in catalog order
 * @param segmentDimensions {@code cx.segment-dimensions}, in config order
 * @param gaps D's rows of gold.gap_segment_touchpoint
 * @param drivers D's rows of gold.touchpoint_driver
 * @param clusters D's rows of gold.pain_cluster_profile
 * @param trends D's rows of gold.gap_trend
 * @param sources rows read per source by the ingest runs of D
 * @param quarantine rows those runs quarantined, per source and reason
 * @param dimensions D's rows of gold.gap_dimension
 * @param index D's rows of gold.servqual_index
 * @param contacts channel contacts in the window on the surveyed touchpoints, all customers (the
 *     whole-base gap cells' {@code contacts}); 0 in a survey-only program (DESIGN.md §4)
 * @param nps D's rows of gold.nps_segment
 * @param monitoring what D's monitor step found ({@link Monitoring#NOT_RUN} where it did not run)
 */
public record ReportData(
    LocalDate date,
    int windowDays,
    int minRespondents,
    double trendsMinDelta,
    double maxQuarantineShare,
    List<TouchpointLabel> touchpoints,
    List<String> segmentDimensions,
    List<GapCell> gaps,
    List<DriverPoint> drivers,
    List<ClusterPanel> clusters,
    List<TrendRow> trends,
    List<SourceCount> sources,
    List<ReasonCount> quarantine,
    List<DimensionRow> dimensions,
    List<IndexRow> index,
    long contacts,
    List<NpsRow> nps,
    Monitoring monitoring) {

  public ReportData {
    Objects.requireNonNull(date, "date");
    touchpoints = List.copyOf(touchpoints);
    segmentDimensions = List.copyOf(segmentDimensions);
    gaps = List.copyOf(gaps);
    drivers = List.copyOf(drivers);
    clusters = List.copyOf(clusters);
    trends = List.copyOf(trends);
    sources = List.copyOf(sources);
    quarantine = List.copyOf(quarantine);
    dimensions = List.copyOf(dimensions);
    index = List.copyOf(index);
    nps = List.copyOf(nps);
    Objects.requireNonNull(monitoring, "monitoring");
  }

  /** A catalog touchpoint: its id (the tables' key) and readable name. */
  public record TouchpointLabel(String id, String name) {}

  /** One cell of gold.gap_segment_touchpoint; the means are null when suppressed. */
  public record GapCell(
      String segmentDimension,
      String segmentValue,
      String touchpoint,
      long respondents,
      Double gapMean,
      Double ciLow,
      Double ciHigh,
      boolean suppressed) {}

  /**
   * One row of gold.touchpoint_driver; the share interval and {@code significant} are null where
   * the table has none, {@code priorityRank} is null for a touchpoint that is not significant.
   */
  public record DriverPoint(
      String touchpoint,
      double importance,
      double importanceShare,
      double r2,
      double gapMean,
      String quadrant,
      Integer priorityRank,
      Double shareCi95Low,
      Double shareCi95High,
      Boolean significant) {
    /** A point without interval or significance. */
    public DriverPoint(
        String touchpoint,
        double importance,
        double importanceShare,
        double r2,
        double gapMean,
        String quadrant,
        Integer priorityRank) {
      this(
          touchpoint,
          importance,
          importanceShare,
          r2,
          gapMean,
          quadrant,
          priorityRank,
          null,
          null,
          null);
    }

    /** True where the table says the touchpoint is not significant (not where it is unknown). */
    public boolean notSignificant() {
      return Boolean.FALSE.equals(significant);
    }
  }

  /** One row of gold.pain_cluster_profile. */
  public record ClusterPanel(
      int clusterId,
      String label,
      long customers,
      double share,
      Double meanNps,
      Map<String, Double> centroid,
      Map<String, Double> baseline,
      List<String> topPains) {
    public ClusterPanel {
      centroid = Map.copyOf(centroid);
      baseline = Map.copyOf(baseline);
      topPains = List.copyOf(topPains);
    }
  }

  /** One row of gold.gap_trend. */
  public record TrendRow(
      String segmentDimension,
      String segmentValue,
      String touchpoint,
      Double previousGapMean,
      Double gapMean,
      Double delta,
      Double pValue,
      Double qValue,
      String direction) {}

  /** Rows of one source read by D's ingest runs: read = accepted + quarantined + duplicate. */
  public record SourceCount(
      String source, long read, long accepted, long quarantined, long duplicate) {}

  /** Rows of one source quarantined for one reason by D's ingest runs. */
  public record ReasonCount(String source, String reason, long rows) {}

  /** One row of gold.gap_dimension; the statistics are null when suppressed. */
  public record DimensionRow(
      String segmentDimension,
      String segmentValue,
      String dimension,
      long respondents,
      long items,
      Double gapMean,
      Double ciLow,
      Double ciHigh,
      Double experienceMean,
      Double msaMean,
      Double alphaExperience,
      Double alphaGap,
      boolean suppressed) {}

  /** One row of gold.servqual_index. */
  public record IndexRow(
      String segmentDimension,
      String segmentValue,
      long dimensions,
      Double unweightedGap,
      Double weightedGap,
      Double experienceIndex) {}

  /**
   * One row of gold.nps_segment; the score, interval and shares are null when suppressed, the
   * previous score and the test where the previous window is missing or too small.
   */
  public record NpsRow(
      String segmentDimension,
      String segmentValue,
      long responses,
      Double nps,
      Double ciLow,
      Double ciHigh,
      Double previousNps,
      Double qValue,
      String direction,
      boolean suppressed) {}

  /**
   * What D's monitor step wrote (DESIGN.md §5 "Proactive monitoring"), for the report's "What needs
   * attention": D's new high-severity alerts, D's initiative checks and the number of detractors to
   * follow up (a count only: the report names no customer).
   *
   * @param ran false where gold.alert has no slice for D (monitor did not run)
   */
  public record Monitoring(
      boolean ran, List<AlertRow> newHighAlerts, List<InitiativeRow> initiatives, long detractors) {
    public static final Monitoring NOT_RUN = new Monitoring(false, List.of(), List.of(), 0);

    public Monitoring {
      newHighAlerts = List.copyOf(newHighAlerts);
      initiatives = List.copyOf(initiatives);
    }
  }

  /** One row of gold.alert; touchpoint is null for an NPS alert. */
  public record AlertRow(
      String kind,
      String segmentDimension,
      String segmentValue,
      String touchpoint,
      String message) {}

  /**
   * One row of gold.initiative_check; the change, its interval and the difference in differences
   * are null where the status is not_started or insufficient_data (the DiD also where the segment's
   * other touchpoints are too thin).
   */
  public record InitiativeRow(
      String id,
      String name,
      String touchpoint,
      String segmentDimension,
      String segmentValue,
      LocalDate due,
      double expectedChange,
      double expectedToDate,
      Double observedChange,
      Double observedCiLow,
      Double observedCiHigh,
      Double didChange,
      Double didCiLow,
      Double didCiHigh,
      String status) {}
}

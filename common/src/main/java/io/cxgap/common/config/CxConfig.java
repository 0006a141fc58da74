package io.cxgap.common.config;

import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The typed configuration of a run (DESIGN.md §3), read once at start-up by {@link ConfigLoader}.
 * Every value is validated here, so a bad value fails before any Spark work, naming its key.
 *
 * @param initiatives the initiatives file ({@code cx.initiatives}, DESIGN.md §5), absolute where
 *     local; empty when none is configured (the default)
 */
public record CxConfig(
    String landing,
    String warehouse,
    int windowDays,
    int minRespondents,
    List<String> segmentDimensions,
    double maxQuarantineShare,
    long seed,
    String catalog,
    String wideExpectationPrefix,
    String wideExperiencePrefix,
    String wideAdequatePrefix,
    double trendsMinDelta,
    int clustersKMin,
    int clustersKMax,
    double clustersFrictionWeight,
    double clustersWaitCapS,
    double clustersMaxMatchDistance,
    int clustersSilhouetteSample,
    int driversMaxExactTouchpoints,
    int driversBootstrap,
    String initiatives,
    int followupDays,
    ServeConfig serve,
    PrivacyConfig privacy,
    Map<String, String> spark)
    implements Serializable {

  public CxConfig {
    require(!landing.isBlank(), "cx.landing", "must not be empty");
    require(!warehouse.isBlank(), "cx.warehouse", "must not be empty");
    require(windowDays >= 1, "cx.window-days", "must be at least 1, was " + windowDays);
    require(minRespondents >= 1, "cx.min-respondents", "must be at least 1, was " + minRespondents);
    require(
        !segmentDimensions.isEmpty(), "cx.segment-dimensions", "must name at least one CRM column");
    for (String d : segmentDimensions) {
      require(
          d.matches("[A-Za-z_][A-Za-z0-9_]*"),
          "cx.segment-dimensions",
          "'" + d + "' is not a column name");
      require(
          !d.equals("total"), "cx.segment-dimensions", "'total' is reserved for the whole base");
    }
    require(
        maxQuarantineShare >= 0 && maxQuarantineShare <= 1,
        "cx.quality.max-quarantine-share",
        "must be within 0..1, was " + maxQuarantineShare);
    require(!catalog.isBlank(), "cx.catalog", "must name the touchpoint catalog file");
    require(
        !wideExpectationPrefix.isBlank(),
        "cx.sources.surveys.wide.expectation-prefix",
        "must not be empty");
    require(
        !wideExperiencePrefix.isBlank(),
        "cx.sources.surveys.wide.experience-prefix",
        "must not be empty");
    require(
        !wideExpectationPrefix.equals(wideExperiencePrefix),
        "cx.sources.surveys.wide.experience-prefix",
        "must differ from the expectation prefix");
    require(
        !wideAdequatePrefix.isBlank(),
        "cx.sources.surveys.wide.adequate-prefix",
        "must not be empty");
    require(
        !wideAdequatePrefix.equals(wideExpectationPrefix)
            && !wideAdequatePrefix.equals(wideExperiencePrefix),
        "cx.sources.surveys.wide.adequate-prefix",
        "must differ from the expectation and experience prefixes");
    require(trendsMinDelta >= 0, "cx.trends.min-delta", "must be >= 0, was " + trendsMinDelta);
    require(clustersKMin >= 2, "cx.clusters.k-min", "must be at least 2, was " + clustersKMin);
    require(
        clustersKMax >= clustersKMin,
        "cx.clusters.k-max",
        "must be >= cx.clusters.k-min (" + clustersKMin + "), was " + clustersKMax);
    require(clustersFrictionWeight >= 0, "cx.clusters.friction-weight", "must be >= 0");
    require(clustersWaitCapS > 0, "cx.clusters.wait-cap-s", "must be > 0");
    require(clustersMaxMatchDistance > 0, "cx.clusters.max-match-distance", "must be > 0");
    require(clustersSilhouetteSample >= 100, "cx.clusters.silhouette-sample", "must be >= 100");
    require(driversMaxExactTouchpoints >= 1, "cx.drivers.max-exact-touchpoints", "must be >= 1");
    require(
        driversBootstrap >= 0 && driversBootstrap <= 10_000,
        "cx.drivers.bootstrap",
        "must be 0 (no intervals) to 10000 replicates, was " + driversBootstrap);
    require(
        initiatives != null, "cx.initiatives", "must be a file name, or null for no initiatives");
    require(followupDays >= 1, "cx.followup-days", "must be at least 1, was " + followupDays);
    segmentDimensions = List.copyOf(segmentDimensions);
    spark = Map.copyOf(spark);
  }

  private static void require(boolean ok, String key, String problem) {
    if (!ok) {
      throw CxErrors.config(key, problem);
    }
  }

  /** True when {@code cx.initiatives} names a file (DESIGN.md §5 proactive monitoring). */
  public boolean hasInitiatives() {
    return !initiatives.isBlank();
  }

  /** This config with {@code cx.initiatives} set to {@code file} ("" for none). */
  public CxConfig withInitiatives(String file) {
    return new CxConfig(
        landing,
        warehouse,
        windowDays,
        minRespondents,
        segmentDimensions,
        maxQuarantineShare,
        seed,
        catalog,
        wideExpectationPrefix,
        wideExperiencePrefix,
        wideAdequatePrefix,
        trendsMinDelta,
        clustersKMin,
        clustersKMax,
        clustersFrictionWeight,
        clustersWaitCapS,
        clustersMaxMatchDistance,
        clustersSilhouetteSample,
        driversMaxExactTouchpoints,
        driversBootstrap,
        file,
        followupDays,
        serve,
        privacy,
        spark);
  }

  /** Root folder of one Delta table: {@code <warehouse>/<layer>/<table>} (DESIGN.md §2). */
  public String tablePath(Table table) {
    return tablePath(table.layer().id(), table.id());
  }

  /** Root folder of a Delta table given by layer and name; see {@link #tablePath(Table)}. */
  public String tablePath(String layer, String table) {
    return stripSlash(warehouse) + "/" + layer + "/" + table;
  }

  /** Folder of one landing source. */
  public String landingPath(String source) {
    return stripSlash(landing) + "/" + source;
  }

  private static String stripSlash(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}

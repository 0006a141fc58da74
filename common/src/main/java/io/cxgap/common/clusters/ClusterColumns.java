package io.cxgap.common.clusters;

/**
 * Column names of {@code gold.customer_pain_cluster} and {@code gold.pain_cluster_profile}
 * (DESIGN.md §5), and of the feature frame the clustering works on. Kept beside the clustering
 * code; shared names (customer_id, as_of_date, window_days …) come from {@link
 * io.cxgap.common.Columns} (profile rows use its {@code segment_dimension}: the CRM column
 * segment_mix is over, the first of cx.segment-dimensions).
 */
public final class ClusterColumns {
  private ClusterColumns() {}

  /** The customer's feature vector (Spark ML vector, in {@link PainFeatures#names} order). */
  public static final String FEATURES = "features";

  public static final String CLUSTER_ID = "cluster_id";
  public static final String CLUSTER_LABEL = "cluster_label";

  /** Euclidean distance from the customer's features to the cluster's centroid. */
  public static final String DISTANCE = "distance";

  public static final String CUSTOMERS = "customers";
  public static final String SHARE = "share";
  public static final String SILHOUETTE = "silhouette";
  public static final String CENTROID = "centroid";
  public static final String TOP_PAINS = "top_pains";

  /**
   * Each feature's value for a customer with no pain and no contacts (0 on touchpoints, the
   * window's weighted base rates on friction): what top_pains and labels are measured against.
   */
  public static final String BASELINE = "baseline";

  public static final String MEAN_NPS = "mean_nps";
  public static final String SEGMENT_MIX = "segment_mix";

  /** The number of clusters chosen for the run, the same on each of its profile rows. */
  public static final String K = "k";

  /** Every candidate k's silhouette, the same on each of the run's profile rows. */
  public static final String CANDIDATE_SILHOUETTES = "candidate_silhouettes";

  /** Distance to the previous run's centroid whose id the cluster kept; null for a new id. */
  public static final String MATCH_DISTANCE = "match_distance";

  /** Internal: the k-means cluster index (0..k-1) of one run, before ids are assigned. */
  static final String PREDICTION = "_prediction";
}

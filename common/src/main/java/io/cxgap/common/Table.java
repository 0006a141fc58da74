package io.cxgap.common;

/**
 * Every Delta table of the warehouse (DESIGN.md §2, §4, §5, §6), in one place: its layer and its
 * name, which together give its folder {@code <warehouse>/<layer>/<name>} (see {@link
 * io.cxgap.common.config.CxConfig#tablePath(Table)}) and its SQL name {@code cx_<layer>.<name>}.
 */
public enum Table {
  /** The CRM's customer versions as landed, with personal data. */
  BRONZE_CUSTOMERS(Layer.BRONZE, "customers"),
  BRONZE_SURVEYS(Layer.BRONZE, "surveys"),
  BRONZE_INTERACTIONS(Layer.BRONZE, "interactions"),
  /** Rejected landing rows with their reasons. */
  QUARANTINE(Layer.BRONZE, "quarantine"),
  /** Which landing files each ingest batch took (DESIGN.md §6). */
  INGEST_LOG(Layer.BRONZE, "ingest_log"),

  /** The CRM state as of each as_of_date, no personal data. */
  SILVER_CUSTOMERS(Layer.SILVER, "customers"),
  SURVEY_ITEMS(Layer.SILVER, "survey_items"),
  SILVER_INTERACTIONS(Layer.SILVER, "interactions"),

  GAP_SEGMENT_TOUCHPOINT(Layer.GOLD, "gap_segment_touchpoint"),
  /** The SERVQUAL score per dimension, respondent first, with Cronbach's alpha. */
  GAP_DIMENSION(Layer.GOLD, "gap_dimension"),
  /** The overall SERVQUAL index per segment cut, unweighted and weighted. */
  SERVQUAL_INDEX(Layer.GOLD, "servqual_index"),
  GAP_TREND(Layer.GOLD, "gap_trend"),
  /**
   * Net Promoter Score per segment cut, with its interval and the test against the previous window.
   */
  NPS_SEGMENT(Layer.GOLD, "nps_segment"),
  TOUCHPOINT_DRIVER(Layer.GOLD, "touchpoint_driver"),
  CUSTOMER_PAIN_CLUSTER(Layer.GOLD, "customer_pain_cluster"),
  PAIN_CLUSTER_PROFILE(Layer.GOLD, "pain_cluster_profile"),
  /** Each declared initiative's expected change, checked on the run date (cx.initiatives). */
  INITIATIVE_CHECK(Layer.GOLD, "initiative_check"),
  /** What a CX team must look at on a run date, one row per alert key. */
  ALERT(Layer.GOLD, "alert"),
  /** Detractors' recent responses to call back, comments masked; keyed by customer_id. */
  DETRACTOR_FOLLOWUP(Layer.GOLD, "detractor_followup"),
  /** The run log: one row per step of every run. */
  PIPELINE_RUN(Layer.GOLD, "pipeline_run"),
  /** One row per customer erased with {@code forget}: a salted hash, never the id (§6). */
  ERASURE_LOG(Layer.GOLD, "erasure_log");

  private final Layer layer;
  private final String id;

  Table(Layer layer, String id) {
    this.layer = layer;
    this.id = id;
  }

  public Layer layer() {
    return layer;
  }

  /** The table's name within its layer, e.g. {@code gap_trend}: its folder name. */
  public String id() {
    return id;
  }

  /** The name in the SQL catalog, e.g. {@code cx_gold.gap_trend}. */
  public String sqlName() {
    return layer.database() + "." + id;
  }

  /** The table of this layer with this name, e.g. a landing source's bronze table. */
  public static Table of(Layer layer, String id) {
    for (Table t : values()) {
      if (t.layer == layer && t.id.equals(id)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no table " + layer.id() + "." + id);
  }

  /** {@code <layer>.<name>}, e.g. {@code gold.gap_trend}, as DESIGN.md names tables. */
  @Override
  public String toString() {
    return layer.id() + "." + id;
  }
}

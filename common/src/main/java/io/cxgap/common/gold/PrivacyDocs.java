package io.cxgap.common.gold;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.privacy.ErasedCustomers;

/**
 * The comments of {@code gold.erasure_log} (DESIGN.md §6), in {@link GoldDocs}' catalogue of gold
 * tables.
 */
final class PrivacyDocs {
  private PrivacyDocs() {}

  /** Adds the erasure log's docs to {@link GoldDocs}. */
  static void define() {
    GoldDocs.table(
        Table.ERASURE_LOG,
        "One row per customer erased with cxgap forget: a salted hash of the id (never the id), when, and the rows removed per table",
        GoldDocs.col(
            ErasedCustomers.CUSTOMER_HASH,
            "SHA-256 (hex) of cx.privacy.salt followed by the customer id; a later ingest quarantines this customer's landing rows as erased_customer"),
        GoldDocs.col("erased_at", "when the erasure was committed (UTC)"),
        GoldDocs.col(Columns.RUN_ID, "id of the forget run, as gold.pipeline_run records it"),
        GoldDocs.col("rows", "rows of this customer removed, over all tables"),
        GoldDocs.col(
            "tables",
            "map table (layer.name) -> rows of this customer removed from it; 0-row tables left out"),
        GoldDocs.col(
            "vacuumed_at",
            "when VACUUM removed the files the erasure deleted from (forget --vacuum-now, or the first nightly after cx.privacy.vacuum-hours); null until then"));
  }
}

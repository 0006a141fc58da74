package io.cxgap.jobs.steps;

import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gold.GoldDocs;
import io.cxgap.jobs.runstate.JobContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gold writes that carry the tables' docs (GoldDocs): comments at creation, added to older tables.
 */
public final class GoldTables {
  private GoldTables() {}

  /** Replaces D's slice of {@code gold.<table>} and makes sure its comments are in place. */
  static void replaceDate(JobContext ctx, String table, Dataset<Row> df) {
    DeltaIO.replaceDate(GoldDocs.withComments(table, df), ctx.table("gold", table), ctx.date());
    document(ctx, table);
  }

  /** Adds the table's description and column comments where the Delta table lacks them. */
  public static void document(JobContext ctx, String table) {
    GoldDocs.of(table)
        .ifPresent(
            d -> DeltaIO.document(ctx.spark(), ctx.table("gold", table), d.comment(), d.columns()));
  }
}

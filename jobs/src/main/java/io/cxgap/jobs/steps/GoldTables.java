package io.cxgap.jobs.steps;

import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gold.GoldDocs;
import io.cxgap.jobs.runstate.JobContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Gold writes that carry the tables' docs (GoldDocs): comments at creation, added to older tables;
 * and D's slice read back.
 */
public final class GoldTables {
  private GoldTables() {}

  /** Replaces D's slice of {@code gold.<table>} and makes sure its comments are in place. */
  static void replaceDate(JobContext ctx, Table table, Dataset<Row> df) {
    DeltaIO.replaceDate(GoldDocs.withComments(table, df), ctx.table(table), ctx.date());
    document(ctx, table);
  }

  /** D's slice of {@code gold.<table>} as committed. */
  static Dataset<Row> slice(JobContext ctx, Table table) {
    return DeltaIO.readDate(ctx.spark(), ctx.table(table), ctx.date());
  }

  /** Adds the table's description and column comments where the Delta table lacks them. */
  public static void document(JobContext ctx, Table table) {
    GoldDocs.of(table)
        .ifPresent(d -> DeltaIO.document(ctx.spark(), ctx.table(table), d.comment(), d.columns()));
  }
}

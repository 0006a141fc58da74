package io.cxgap.jobs.steps;

import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.jobs.runstate.JobContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads of the silver tables that the gold steps share. */
final class Silver {
  private Silver() {}

  static Dataset<Row> table(JobContext ctx, Table table) {
    return DeltaIO.read(ctx.spark(), existing(ctx, table));
  }

  /** The silver table's path; an error naming the step to run where it does not exist. */
  private static String existing(JobContext ctx, Table table) {
    String path = ctx.table(table);
    if (!DeltaIO.exists(ctx.spark(), path)) {
      throw CxErrors.usage(
          "%s does not exist at %s; run 'conform --date %s' (or nightly) first",
          table, path, ctx.date());
    }
    return path;
  }

  /** silver.customers as of D; an error naming the step to run when conform has not run for D. */
  static Dataset<Row> customersAsOf(JobContext ctx) {
    Dataset<Row> c =
        DeltaIO.readDate(ctx.spark(), existing(ctx, Table.SILVER_CUSTOMERS), ctx.date());
    if (c.isEmpty()) {
      throw CxErrors.usage(
          "%s has no slice for %s; run 'conform --date %s' (or nightly) first",
          Table.SILVER_CUSTOMERS, ctx.date(), ctx.date());
    }
    return c;
  }
}

package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.jobs.runstate.JobContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reads of the silver tables that the gold steps share. */
final class Silver {
  private Silver() {}

  static Dataset<Row> table(JobContext ctx, String name) {
    String path = ctx.table("silver", name);
    if (!DeltaIO.exists(ctx.spark(), path)) {
      throw CxErrors.usage(
          "silver.%s does not exist at %s; run 'conform --date %s' (or nightly) first",
          name, path, ctx.date());
    }
    return DeltaIO.read(ctx.spark(), path);
  }

  /** silver.customers as of D; an error naming the step to run when conform has not run for D. */
  static Dataset<Row> customersAsOf(JobContext ctx) {
    Dataset<Row> c =
        table(ctx, "customers")
            .where(col(Columns.AS_OF_DATE).equalTo(lit(ctx.date().toString()).cast("date")));
    if (c.isEmpty()) {
      throw CxErrors.usage(
          "silver.customers has no slice for %s; run 'conform --date %s' (or nightly) first",
          ctx.date(), ctx.date());
    }
    return c;
  }
}

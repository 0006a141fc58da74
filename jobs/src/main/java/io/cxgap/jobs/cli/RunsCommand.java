package io.cxgap.jobs.cli;

import io.cxgap.common.Table;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.RunLock;
import io.cxgap.jobs.runstate.RunLog;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxgap runs}: the newest entries of gold.pipeline_run, with status succeeded, failed or
 * interrupted (a killed run, recorded by the run after it), and the run in progress if any.
 */
@Command(name = "runs", description = "print the run log (gold.pipeline_run), newest first")
public final class RunsCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--last",
      paramLabel = "N",
      description = "rows to show (default ${DEFAULT-VALUE})")
  int last = 20;

  @Override
  public Integer call() {
    CxConfig config = options.load();
    java.util.Properties holder = RunLock.holder(config);
    if (!holder.isEmpty()) {
      System.out.println(
          "run lock: "
              + RunLock.describe(holder)
              + " (running; or, if that process is gone, the next run records it as interrupted)");
    }
    String path = config.tablePath(Table.PIPELINE_RUN);
    SparkSession spark = Sessions.getOrCreate(config);
    if (!DeltaIO.exists(spark, path)) {
      System.out.println("no runs yet (" + path + ")");
      return 0;
    }
    JobContext ctx =
        new JobContext(config, null, spark, LocalDate.now(java.time.ZoneOffset.UTC), "runs");
    // a small table: interpreted, Spark answers before it would have compiled the plan
    Sessions.interpreted(
        spark,
        () -> {
          RunLog.last(ctx, last)
              .select(
                  "started_at",
                  "run_id",
                  "job",
                  "as_of_date",
                  "status",
                  "rows_read",
                  "rows_written",
                  "rows_quarantined",
                  "message")
              .show(last, false);
          return null;
        });
    return 0;
  }
}

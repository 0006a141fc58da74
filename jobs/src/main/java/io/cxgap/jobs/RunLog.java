package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gold.GoldDocs;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Appends one row per step to gold.pipeline_run and reads it back for {@code runs}. */
final class RunLog {
  static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("job", DataTypes.StringType, false)
          .add("as_of_date", DataTypes.DateType, false)
          .add("started_at", DataTypes.TimestampType, false)
          .add("finished_at", DataTypes.TimestampType, false)
          .add("status", DataTypes.StringType, false)
          .add("rows_read", DataTypes.LongType, true)
          .add("rows_written", DataTypes.LongType, true)
          .add("rows_quarantined", DataTypes.LongType, true)
          .add("message", DataTypes.StringType, true)
          .add(
              "counts",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
              true);

  private RunLog() {}

  static String path(JobContext ctx) {
    return ctx.table("gold", "pipeline_run");
  }

  static void record(
      JobContext ctx, String job, Instant started, String status, StepResult r) {
    Row row =
        RowFactory.create(
            ctx.runId(),
            job,
            java.sql.Date.valueOf(ctx.date()),
            Timestamp.from(started),
            Timestamp.from(Instant.now()),
            status,
            r == null ? null : r.rowsRead(),
            r == null ? null : r.rowsWritten(),
            r == null ? null : r.rowsQuarantined(),
            r == null ? null : r.message(),
            r == null ? null : scala.collection.JavaConverters.mapAsScalaMap(r.counts()));
    Dataset<Row> df = GoldDocs.withComments("pipeline_run", ctx.spark().createDataFrame(List.of(row), SCHEMA));
    df.write().format("delta").mode(SaveMode.Append).save(path(ctx));
  }

  static Dataset<Row> last(JobContext ctx, int n) {
    return DeltaIO.read(ctx.spark(), path(ctx)).orderBy(col("started_at").desc(), col("job")).limit(n);
  }
}

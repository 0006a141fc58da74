package io.cxgap.jobs.runstate;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gold.GoldDocs;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Appends one row per step to gold.pipeline_run and reads it back for {@code runs}. */
public final class RunLog {
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
          .add("counts", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), true);

  /** Status of a step whose process was killed (found by the next run, see RunLock). */
  static final String INTERRUPTED = "interrupted";

  private RunLog() {}

  static String path(JobContext ctx) {
    return ctx.table(Table.PIPELINE_RUN);
  }

  public static void record(
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
    Dataset<Row> df =
        GoldDocs.withComments(
            Table.PIPELINE_RUN, ctx.spark().createDataFrame(List.of(row), SCHEMA));
    DeltaIO.append(df, path(ctx));
  }

  /**
   * Records the step a killed run was in (from its lock holder file) as {@code interrupted}; {@code
   * finished_at} is when this run found it.
   */
  public static void recordInterrupted(JobContext ctx, Properties dead) {
    String step = dead.getProperty("step", "");
    String started = dead.getProperty(step.isEmpty() ? "started" : "step_started", "");
    Instant startedAt;
    try {
      startedAt = Instant.parse(started);
    } catch (DateTimeParseException e) {
      startedAt = Instant.now();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(dead.getProperty("date", ""));
    } catch (DateTimeParseException e) {
      date = ctx.date();
    }
    String message =
        String.format(
            Locale.ROOT,
            "interrupted: process %s on %s died %s; found by run %s",
            dead.getProperty("pid", "?"),
            dead.getProperty("host", "?"),
            step.isEmpty() ? "between steps" : "during this step",
            ctx.runId());
    Row row =
        RowFactory.create(
            dead.getProperty("run_id", "unknown"),
            step.isEmpty() ? dead.getProperty("command", "unknown") : step,
            java.sql.Date.valueOf(date),
            Timestamp.from(startedAt),
            Timestamp.from(Instant.now()),
            INTERRUPTED,
            null,
            null,
            null,
            message,
            null);
    DeltaIO.append(ctx.spark().createDataFrame(List.of(row), SCHEMA), path(ctx));
  }

  public static Dataset<Row> last(JobContext ctx, int n) {
    return DeltaIO.read(ctx.spark(), path(ctx))
        .orderBy(col("started_at").desc(), col("job"))
        .limit(n);
  }
}

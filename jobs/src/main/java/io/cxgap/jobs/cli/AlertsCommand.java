package io.cxgap.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.monitor.AlertColumns;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cxgap alerts --date D}: D's rows of gold.alert (DESIGN.md §3, §5), new ones first, then
 * high before medium, one line each; or JSON lines with every column, for a chat or ticketing hook.
 * Alerts are data, not failures: exit 0 whether or not any fired. Exit 2 when the monitor step has
 * not run for D.
 */
@Command(
    name = "alerts",
    description = "print the alerts of one date (gold.alert), new ones first, then by severity")
public final class AlertsCommand implements Callable<Integer> {
  enum Format {
    table,
    json
  }

  @Mixin ConfigOptions options;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "the run date D (UTC)")
  String date;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table (one line an alert, for people) or json (JSON lines, every column); default ${DEFAULT-VALUE}")
  Format format = Format.table;

  @Override
  public Integer call() {
    LocalDate d = Args.parseDate(date);
    CxConfig config = options.load();
    SparkSession spark = Sessions.getOrCreate(config);
    // a few hundred rows: interpreted, Spark answers before it would have compiled the plan
    return Sessions.interpreted(spark, () -> print(spark, config, d, System.out));
  }

  private int print(SparkSession spark, CxConfig config, LocalDate d, PrintStream out) {
    Dataset<Row> alerts = ordered(todays(spark, config, d));
    if (format == Format.json) {
      alerts
          .select(to_json(struct(col("*")), Map.of("ignoreNullFields", "false")))
          .as(org.apache.spark.sql.Encoders.STRING())
          .collectAsList()
          .forEach(out::println);
    } else {
      printTable(alerts.collectAsList(), d, out);
    }
    return 0;
  }

  /** D's slice of gold.alert; exit 2 naming the command to run where monitor has not run for D. */
  static Dataset<Row> todays(SparkSession spark, CxConfig config, LocalDate d) {
    String path = config.tablePath(Table.ALERT);
    if (!DeltaIO.exists(spark, path)) {
      throw CxErrors.usage(
          "no %s table in %s; run 'cxgap monitor --date %s' (or nightly) first",
          Table.ALERT, config.warehouse(), d);
    }
    if (!monitorRan(spark, config, d)) {
      throw CxErrors.usage(
          "no monitor run for %s in %s; run 'cxgap monitor --date %s' (or nightly) first",
          d, config.warehouse(), d);
    }
    return DeltaIO.readDate(spark, path, d);
  }

  /** True when the run log holds a succeeded monitor step for D. */
  private static boolean monitorRan(SparkSession spark, CxConfig config, LocalDate d) {
    return DeltaIO.readDateIfExists(spark, config.tablePath(Table.PIPELINE_RUN), d)
        .map(
            runs ->
                !runs.where(col("job").equalTo("monitor").and(col("status").equalTo("succeeded")))
                    .isEmpty())
        .orElse(false);
  }

  /** New first, then high before medium, then by key: the order a person reads them. */
  static Dataset<Row> ordered(Dataset<Row> alerts) {
    return alerts.orderBy(
        col(AlertColumns.NEW).desc(),
        col(AlertColumns.SEVERITY).equalTo(lit(AlertColumns.HIGH)).desc(),
        col(AlertColumns.ALERT_KEY));
  }

  /** One line an alert: new marker, severity, kind, cut, touchpoint, message. */
  static void printTable(List<Row> rows, LocalDate d, PrintStream out) {
    if (rows.isEmpty()) {
      out.println("no alerts for " + d);
      return;
    }
    String format = "%-3s  %-6s  %-18s  %-24s  %-16s  %s%n";
    out.printf(Locale.ROOT, format, "new", "sev", "kind", "cut", "touchpoint", "message");
    long fresh = 0;
    for (Row r : rows) {
      boolean isNew = r.<Boolean>getAs(AlertColumns.NEW);
      fresh += isNew ? 1 : 0;
      String touchpoint = r.getAs(Columns.TOUCHPOINT);
      out.printf(
          Locale.ROOT,
          format,
          isNew ? "NEW" : "",
          r.<String>getAs(AlertColumns.SEVERITY),
          r.<String>getAs(AlertColumns.KIND),
          cut(r.getAs(Columns.SEGMENT_DIMENSION), r.getAs(Columns.SEGMENT_VALUE)),
          touchpoint == null ? "-" : touchpoint,
          r.<String>getAs(AlertColumns.MESSAGE));
    }
    out.printf(
        Locale.ROOT,
        "(%d alert%s for %s, %d new)%n",
        rows.size(),
        rows.size() == 1 ? "" : "s",
        d,
        fresh);
  }

  /** The segment cut as people say it: {@code all customers} or {@code segment=SMB}. */
  static String cut(String dimension, String value) {
    return Columns.TOTAL.equals(dimension) ? "all customers" : dimension + "=" + value;
  }
}

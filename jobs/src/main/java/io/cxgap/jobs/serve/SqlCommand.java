package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.ReadOnlyGuard;
import io.cxgap.jobs.options.ConfigOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cxgap sql "SELECT ..."}: query cx_bronze, cx_silver and cx_gold. Read-only unless {@code
 * --allow-writes} (DESIGN.md §7): a statement that would write is refused with exit 2.
 */
@Command(
    name = "sql",
    description = "run a SQL query over cx_bronze, cx_silver and cx_gold and print the result")
public final class SqlCommand implements Callable<Integer> {
  enum Format {
    table,
    csv,
    json
  }

  /**
   * Without --allow-writes: any table of the catalog may be read, nothing written (DESIGN.md §7).
   */
  static final ReadOnlyGuard.Policy READ_ONLY =
      new ReadOnlyGuard.Policy(
          "read-only", Set.of(), "cxgap sql --allow-writes runs statements that write");

  @Mixin ConfigOptions options;

  @Parameters(index = "0", paramLabel = "QUERY", description = "the SQL statement")
  String query;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "table (aligned, for people), csv (RFC 4180 quoting, one line per row ending in LF) or json (JSON lines); default ${DEFAULT-VALUE}")
  Format format = Format.table;

  @Option(
      names = "--allow-writes",
      description =
          "also run statements that write or change the catalog (INSERT, DELETE, CREATE, DROP, SET, ...); without it sql is read-only")
  boolean allowWrites;

  @Override
  public Integer call() {
    CxConfig config = options.load();
    StatementTables statement = StatementTables.of(query);
    Metastore.Opened catalog = Metastore.open(config, Map.of(), allowWrites, statement);
    if (catalog.fallback()) {
      System.err.println("cxgap: note: " + catalog.description());
    }
    SparkSession spark = catalog.spark();
    if (!allowWrites) {
      ReadOnlyGuard.requireActive(spark);
    }
    Path lasting = catalog.kind() == Metastore.Kind.EMBEDDED ? Metastore.folder(config) : null;
    Result result;
    if (lasting != null) {
      UserObjects.forget(lasting); // until the list is written again, it is not known
    }
    try {
      result =
          run(
              spark,
              config,
              catalog.kind() == Metastore.Kind.IN_MEMORY ? statement : StatementTables.UNKNOWN);
    } finally {
      if (lasting != null) {
        remember(spark, config, lasting);
      }
    }
    PrintStream out = System.out;
    switch (format) {
      case csv -> printCsv(result.columns(), result.rows(), out);
      case json -> result.json().forEach(out::println);
      case table -> printTable(result.columns(), result.rows(), out);
    }
    return 0;
  }

  /** A statement's result: its columns and rows, or (for --format json) its JSON lines. */
  private record Result(String[] columns, List<Row> rows, List<String> json) {}

  /** Registers the tables the statement names ({@code only}; all when not known) and runs it. */
  private Result run(SparkSession spark, CxConfig config, StatementTables only) {
    WarehouseCatalog.register(spark, config, WarehouseCatalog.LAYERS, only);
    try {
      return attempt(spark);
    } catch (ReadOnlyGuard.Refused e) {
      throw CxErrors.usage("%s", e.rule());
    } catch (Exception e) { // Scala throws AnalysisException (a checked type) undeclared
      if (e instanceof AnalysisException
          || e instanceof SparkThrowable
          || e.getCause() instanceof SparkThrowable) {
        throw CxErrors.queryFailed(e.getMessage());
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private Result attempt(SparkSession spark) throws Exception {
    AutoCloseable guard = allowWrites ? () -> {} : ReadOnlyGuard.install(READ_ONLY);
    try (guard) {
      Dataset<Row> result = spark.sql(query);
      String[] columns = result.columns();
      if (format == Format.json) {
        return new Result(columns, List.of(), result.toJSON().collectAsList());
      }
      return new Result(columns, result.collectAsList(), List.of());
    }
  }

  /**
   * Writes the list of the user's objects in the embedded metastore; a failure leaves no list, so
   * the next call opens the metastore.
   */
  private static void remember(SparkSession spark, CxConfig config, Path dir) {
    try {
      UserObjects.write(dir, UserObjects.list(spark, config));
    } catch (RuntimeException e) {
      System.err.println(
          "cxgap: note: could not list your views in the metastore "
              + dir
              + " ("
              + e.getMessage()
              + "); the next sql opens it again");
    }
  }

  static String text(Object v) {
    return v == null ? "" : v instanceof Double d ? Double.toString(d) : String.valueOf(v);
  }

  static void printCsv(String[] columns, List<Row> rows, PrintStream out) {
    out.print(csvLine(List.of(columns)));
    for (Row r : rows) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        cells.add(text(r.get(i)));
      }
      out.print(csvLine(cells));
    }
  }

  static String csvLine(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      if (i > 0) {
        b.append(',');
      }
      if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
        b.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        b.append(c);
      }
    }
    return b.append('\n').toString();
  }

  static void printTable(String[] columns, List<Row> rows, PrintStream out) {
    int[] width = new int[columns.length];
    List<String[]> cells = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      width[i] = columns[i].length();
    }
    for (Row r : rows) {
      String[] line = new String[columns.length];
      for (int i = 0; i < columns.length; i++) {
        line[i] = r.isNullAt(i) ? "NULL" : text(r.get(i)).replace("\n", "\\n");
        width[i] = Math.max(width[i], line[i].length());
      }
      cells.add(line);
    }
    out.println(row(columns, width));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    out.println(rule);
    cells.forEach(c -> out.println(row(c, width)));
    out.printf(Locale.ROOT, "(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
  }

  private static String row(String[] cells, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      b.append(i == 0 ? "" : " | ")
          .append(String.format(Locale.ROOT, "%-" + Math.max(1, width[i]) + "s", cells[i]));
    }
    return b.toString().stripTrailing();
  }
}

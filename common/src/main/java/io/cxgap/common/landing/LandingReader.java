package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a set of landing files of one source into string-typed records: every contract column (null
 * where a file lacks it), plus {@code file}, {@code raw} (the original record, or a JSON rendering
 * of it) and {@code malformed} (a parser note, null for a parsed record).
 *
 * <p>CSV files are grouped by header and each group read with its own column names, so files with
 * other column orders or extra columns are read by name, not by position. Wide survey exports are
 * unpivoted to one record per answered touchpoint (docs/landing-format.md).
 */
public final class LandingReader {
  public static final String MALFORMED = "malformed";
  static final String CORRUPT = "_corrupt";

  private final SparkSession spark;
  private final Source source;
  private final List<String> columns;
  private final WidePrefixes wide;

  /** Column prefixes that mark a wide survey export. */
  public record WidePrefixes(String expectation, String experience) {}

  /**
   * @param extraColumns further columns to carry (e.g. configured segment dimensions)
   */
  public LandingReader(
      SparkSession spark, Source source, List<String> extraColumns, WidePrefixes wide) {
    this.spark = spark;
    this.source = source;
    List<String> cols = new ArrayList<>(source.columns());
    for (String c : extraColumns) {
      if (!cols.contains(c)) {
        cols.add(c);
      }
    }
    this.columns = List.copyOf(cols);
    this.wide = wide;
  }

  public List<String> columns() {
    return columns;
  }

  /**
   * Checks, before anything is planned or read, that every CSV and Parquet file has the source's
   * required columns; the error names the first file that lacks one (exit 2).
   */
  public void check(List<LandingFile> files) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    for (LandingFile f : files) {
      switch (f.format()) {
        case CSV -> {
          List<String> header = LandingFiles.csvHeader(hadoop, f.path());
          if (!header.isEmpty()) {
            checkDelimiter(header, f.path());
            requireColumns(
                isWide(header) ? wideBase(header, f.path()) : header,
                requiredFor(header),
                f.path());
          }
        }
        case PARQUET -> {
          List<String> present = new ArrayList<>();
          for (StructField field : spark.read().parquet(f.path()).schema().fields()) {
            present.add(field.name().toLowerCase(java.util.Locale.ROOT));
          }
          requireColumns(present, source.required(), f.path());
        }
        default -> {}
      }
    }
  }

  /** A one-column header holding ';', tab or '|' is a file with another delimiter. */
  private static void checkDelimiter(List<String> header, String file) {
    if (header.size() != 1) {
      return;
    }
    for (String d : List.of(";", "\t", "|")) {
      if (header.get(0).contains(d)) {
        throw CxErrors.notCsv(
            file,
            String.format(
                java.util.Locale.ROOT,
                "its header is one column that holds '%s', so it seems to use '%s' as delimiter",
                header.get(0).length() > 60
                    ? header.get(0).substring(0, 60) + "..."
                    : header.get(0),
                d.equals("\t") ? "\\t" : d));
      }
    }
  }

  private List<String> requiredFor(List<String> header) {
    if (!isWide(header)) {
      return source.required();
    }
    List<String> required = new ArrayList<>(source.required());
    required.removeAll(List.of(Columns.TOUCHPOINT, Columns.EXPECTATION, Columns.EXPERIENCE));
    return required;
  }

  /** The non-pair columns of a wide header; an expectation column without its pair is an error. */
  private List<String> wideBase(List<String> names, String file) {
    String ep = wide.expectation().toLowerCase(java.util.Locale.ROOT);
    String xp = wide.experience().toLowerCase(java.util.Locale.ROOT);
    List<String> base = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(ep)) {
        String other = xp + n.substring(ep.length());
        if (!names.contains(other)) {
          throw CxErrors.usage(
              "surveys: wide export %s has '%s' but no '%s'; every expectation column needs its experience column",
              file, n, other);
        }
      } else if (!n.startsWith(xp)) {
        base.add(n);
      }
    }
    return base;
  }

  /**
   * Reads the files. {@code notes} gets a line for each skipped file (empty, unsupported) and for
   * each set of unknown columns that was ignored, for the run log.
   */
  public Dataset<Row> read(List<LandingFile> files, List<String> notes) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Map<List<String>, List<String>> csvGroups = new LinkedHashMap<>();
    List<String> json = new ArrayList<>();
    List<String> parquet = new ArrayList<>();
    for (LandingFile f : files) {
      switch (f.format()) {
        case CSV -> {
          List<String> header = LandingFiles.csvHeader(hadoop, f.path());
          if (header.isEmpty()) {
            notes.add("skipped " + f.path() + " (empty file)");
          } else {
            csvGroups.computeIfAbsent(header, h -> new ArrayList<>()).add(f.path());
          }
        }
        case JSON -> json.add(f.path());
        case PARQUET -> parquet.add(f.path());
        case UNSUPPORTED ->
            notes.add("skipped " + f.path() + " (not .csv, .json, .jsonl or .parquet)");
      }
    }
    List<Dataset<Row>> parts = new ArrayList<>();
    csvGroups.forEach(
        (header, group) -> {
          noteUnknown(header, group, notes);
          parts.add(readCsv(header, group));
        });
    if (!json.isEmpty()) {
      parts.add(readJson(json));
    }
    if (!parquet.isEmpty()) {
      parts.add(readParquet(parquet, notes));
    }
    Dataset<Row> out = empty();
    for (Dataset<Row> p : parts) {
      out = out.unionByName(p);
    }
    return out;
  }

  /** Notes the columns of a header that the contract does not know: they are ignored. */
  private void noteUnknown(List<String> header, List<String> files, List<String> notes) {
    String ep = wide.expectation().toLowerCase(java.util.Locale.ROOT);
    String xp = wide.experience().toLowerCase(java.util.Locale.ROOT);
    boolean wideFile = isWide(header);
    List<String> unknown =
        header.stream()
            .filter(h -> !columns.contains(h))
            .filter(h -> !(wideFile && (h.startsWith(ep) || h.startsWith(xp))))
            .map(h -> h.isEmpty() ? "(blank)" : h)
            .distinct()
            .toList();
    if (!unknown.isEmpty()) {
      notes.add(
          "ignored unknown columns "
              + String.join(", ", unknown)
              + " in "
              + files.get(0)
              + (files.size() > 1
                  ? " and " + (files.size() - 1) + " more files with its header"
                  : ""));
    }
  }

  /** The output schema of {@link #read}. */
  public StructType schema() {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(c, DataTypes.StringType);
    }
    return s.add(Columns.FILE, DataTypes.StringType)
        .add(Columns.RAW, DataTypes.StringType)
        .add(MALFORMED, DataTypes.StringType);
  }

  private Dataset<Row> empty() {
    return spark.createDataFrame(new ArrayList<Row>(), schema());
  }

  private boolean isWide(List<String> header) {
    return source == Source.SURVEYS
        && !header.contains(Columns.TOUCHPOINT)
        && header.stream()
            .anyMatch(h -> h.startsWith(wide.expectation().toLowerCase(java.util.Locale.ROOT)));
  }

  private Dataset<Row> readCsv(List<String> header, List<String> files) {
    List<String> names = uniqueNames(header);
    StructType schema = new StructType();
    for (String n : names) {
      schema = schema.add(n, DataTypes.StringType);
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Dataset<Row> df =
        spark
            .read()
            .option("header", "true")
            .option("multiLine", "true")
            .option("escape", "\"")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", CORRUPT)
            .option("encoding", "UTF-8")
            .option("enforceSchema", "true")
            .schema(schema)
            .csv(files.toArray(new String[0]))
            .withColumn(Columns.FILE, col("_metadata.file_path"));
    Column malformed =
        when(
            col(CORRUPT).isNotNull(),
            lit("CSV record does not have the header's number of fields"));
    if (isWide(header)) {
      return unpivotWide(df, names, files.get(0), malformed);
    }
    requireColumns(names, source.required(), files.get(0));
    Column raw =
        coalesce(
            col(CORRUPT),
            to_json(struct(names.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new))));
    return df.select(projection(names, raw, malformed));
  }

  private Column[] projection(List<String> present, Column raw, Column malformed) {
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(
          present.contains(c)
              ? col("`" + c + "`").cast("string").as(c)
              : lit(null).cast("string").as(c));
    }
    cols.add(col(Columns.FILE));
    cols.add(raw.as(Columns.RAW));
    cols.add(malformed.as(MALFORMED));
    return cols.toArray(new Column[0]);
  }

  private void requireColumns(List<String> present, List<String> required, String file) {
    for (String r : required) {
      if (!present.contains(r)) {
        throw CxErrors.missingColumn(source.folder(), r, file);
      }
    }
  }

  private static List<String> uniqueNames(List<String> header) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      String n = h.isEmpty() || !seen.add(h) ? "_c" + i : h;
      out.add(n);
    }
    return out;
  }

  /**
   * One record per touchpoint pair whose cells are not both blank; the touchpoint is the column
   * name after the prefix.
   */
  private Dataset<Row> unpivotWide(
      Dataset<Row> df, List<String> names, String file, Column malformed) {
    String ep = wide.expectation().toLowerCase(java.util.Locale.ROOT);
    String xp = wide.experience().toLowerCase(java.util.Locale.ROOT);
    List<String> base = wideBase(names, file);
    requireColumns(base, requiredFor(names), file);
    List<Column> pairs = new ArrayList<>();
    for (String n : names) {
      if (n.startsWith(ep)) {
        String tp = n.substring(ep.length());
        pairs.add(
            struct(
                lit(tp).as(Columns.TOUCHPOINT),
                col("`" + n + "`").as(Columns.EXPECTATION),
                col("`" + xp + tp + "`").as(Columns.EXPERIENCE)));
      }
    }
    Column blankPair =
        blank(col("p." + Columns.EXPECTATION)).and(blank(col("p." + Columns.EXPERIENCE)));
    Dataset<Row> items =
        df.withColumn("_malformed", malformed)
            .select(col("*"), explode(array(pairs.toArray(new Column[0]))).as("p"))
            .where(col("_malformed").isNotNull().or(not(blankPair)));
    Column[] baseCols = base.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new);
    Column raw =
        coalesce(
            col(CORRUPT), to_json(struct(struct(baseCols).as("response"), col("p").as("item"))));
    List<String> present = new ArrayList<>(base);
    present.addAll(List.of(Columns.TOUCHPOINT, Columns.EXPECTATION, Columns.EXPERIENCE));
    Dataset<Row> flat =
        items.select(
            col("*"),
            col("p." + Columns.TOUCHPOINT).as(Columns.TOUCHPOINT),
            col("p." + Columns.EXPECTATION).as(Columns.EXPECTATION),
            col("p." + Columns.EXPERIENCE).as(Columns.EXPERIENCE));
    return flat.select(projection(present, raw, col("_malformed")));
  }

  static Column blank(Column c) {
    return c.isNull().or(trim(c).equalTo(""));
  }

  private Dataset<Row> readJson(List<String> files) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType);
    }
    schema = schema.add(CORRUPT, DataTypes.StringType);
    Map<String, String> opts = Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", CORRUPT);
    Dataset<Row> lines =
        spark
            .read()
            .option("wholetext", "false")
            .text(files.toArray(new String[0]))
            .select(col("value"), col("_metadata.file_path").as(Columns.FILE))
            .where(trim(col("value")).notEqual(""));
    Dataset<Row> parsed =
        lines.select(
            col("value"), col(Columns.FILE), from_json(col("value"), schema, opts).as("j"));
    Column malformed =
        when(
            col("j").isNull().or(col("j." + CORRUPT).isNotNull()),
            lit("not a JSON object on one line"));
    List<Column> cols = new ArrayList<>();
    for (String c : columns) {
      cols.add(col("j.`" + c + "`").as(c));
    }
    cols.add(col(Columns.FILE));
    cols.add(col("value").as(Columns.RAW));
    cols.add(malformed.as(MALFORMED));
    return parsed.select(cols.toArray(new Column[0]));
  }

  private Dataset<Row> readParquet(List<String> files, List<String> notes) {
    Dataset<Row> df =
        spark.read().option("mergeSchema", "true").parquet(files.toArray(new String[0]));
    List<String> present = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      present.add(f.name().toLowerCase(java.util.Locale.ROOT));
    }
    requireColumns(present, source.required(), files.get(0));
    List<String> unknown = present.stream().filter(c -> !columns.contains(c)).toList();
    if (!unknown.isEmpty()) {
      notes.add(
          "ignored unknown columns "
              + String.join(", ", unknown)
              + " in Parquet files "
              + files.get(0)
              + (files.size() > 1 ? " ..." : ""));
    }
    Column raw = to_json(struct(col("*")));
    return df.withColumn(Columns.FILE, col("_metadata.file_path"))
        .select(projection(present, raw, lit(null).cast("string")));
  }
}

package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a set of landing files of one source into string-typed records (DESIGN.md §4): every
 * contract column (null where a file lacks it), plus {@code file}, {@code raw} (the original
 * record, or a JSON rendering of it) and {@code malformed} (a parser note, null for a parsed
 * record).
 *
 * <p>CSV files are grouped by header and each group read with its own column names ({@link
 * CsvRecords}), so files with other column orders or extra columns are read by name, not by
 * position. Wide survey exports are unpivoted to one record per answered touchpoint ({@link
 * WideExport}, docs/landing-format.md).
 */
public final class LandingReader {
  public static final String MALFORMED = "malformed";
  static final String CORRUPT = "_corrupt";

  private final SparkSession spark;
  private final LandingColumns columns;
  private final CsvRecords csv;

  /**
   * Column prefixes that mark a wide survey export; {@code adequate} names the optional third
   * column of a touchpoint (the zone of tolerance's lower bound, DESIGN.md §4).
   */
  public record WidePrefixes(String expectation, String experience, String adequate) {
    /** The default adequate prefix, {@code adequate_}. */
    public WidePrefixes(String expectation, String experience) {
      this(expectation, experience, DEFAULT_ADEQUATE);
    }

    public static final String DEFAULT_ADEQUATE = "adequate_";
  }

  /**
   * @param extraColumns further columns to carry (e.g. configured segment dimensions)
   */
  public LandingReader(
      SparkSession spark, Source source, List<String> extraColumns, WidePrefixes wide) {
    this.spark = spark;
    this.columns = new LandingColumns(source, extraColumns);
    this.csv = new CsvRecords(spark, columns, new WideExport(columns, wide));
  }

  public List<String> columns() {
    return columns.names();
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
            csv.check(header, f.path());
          }
        }
        case PARQUET -> {
          StructType schema = spark.read().parquet(f.path()).schema();
          columns.require(LandingColumns.lowerNames(schema), columns.source().required(), f.path());
        }
        default -> {}
      }
    }
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
          csv.noteUnknown(header, group, notes);
          parts.add(csv.read(header, group));
        });
    if (!json.isEmpty()) {
      parts.add(readJson(json));
    }
    if (!parquet.isEmpty()) {
      parts.add(readParquet(parquet, notes));
    }
    Dataset<Row> out = spark.createDataFrame(new ArrayList<Row>(), schema());
    for (Dataset<Row> p : parts) {
      out = out.unionByName(p);
    }
    return out;
  }

  /** The output schema of {@link #read}. */
  public StructType schema() {
    return columns.schema();
  }

  private Dataset<Row> readJson(List<String> files) {
    StructType schema = LandingColumns.strings(columns.names()).add(CORRUPT, DataTypes.StringType);
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
    for (String c : columns.names()) {
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
    List<String> present = LandingColumns.lowerNames(df.schema());
    columns.require(present, columns.source().required(), files.get(0));
    LandingColumns.noteUnknown(
        present.stream().filter(c -> !columns.names().contains(c)).toList(),
        "Parquet files " + files.get(0) + (files.size() > 1 ? " ..." : ""),
        notes);
    Column raw = to_json(struct(col("*")));
    return df.withColumn(Columns.FILE, col("_metadata.file_path"))
        .select(columns.project(present, raw, lit(null).cast("string")));
  }
}

package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * CSV landing files (DESIGN.md §4: header row, comma, RFC 4180 quoting, UTF-8), read a group of
 * files with one header at a time, by that header's names: another column order or an extra column
 * is read by name, not by position. A wide survey export is unpivoted by {@link WideExport}.
 */
final class CsvRecords {
  private final SparkSession spark;
  private final LandingColumns columns;
  private final WideExport wide;

  CsvRecords(SparkSession spark, LandingColumns columns, WideExport wide) {
    this.spark = spark;
    this.columns = columns;
    this.wide = wide;
  }

  /**
   * Checks a file's (non-empty) header before anything is read: a comma delimiter and the required
   * columns (exit 2).
   */
  void check(List<String> header, String file) {
    checkDelimiter(header, file);
    columns.require(
        wide.isWide(header) ? wide.base(header, file) : header, wide.required(header), file);
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
                Locale.ROOT,
                "its header is one column that holds '%s', so it seems to use '%s' as delimiter",
                header.get(0).length() > 60
                    ? header.get(0).substring(0, 60) + "..."
                    : header.get(0),
                d.equals("\t") ? "\\t" : d));
      }
    }
  }

  /** Notes the columns of a header that the contract does not know: they are ignored. */
  void noteUnknown(List<String> header, List<String> files, List<String> notes) {
    boolean wideFile = wide.isWide(header);
    List<String> unknown =
        header.stream()
            .filter(h -> !columns.names().contains(h))
            .filter(h -> !(wideFile && wide.isPair(h)))
            .map(h -> h.isEmpty() ? "(blank)" : h)
            .distinct()
            .toList();
    LandingColumns.noteUnknown(
        unknown,
        files.get(0)
            + (files.size() > 1
                ? " and " + (files.size() - 1) + " more files with its header"
                : ""),
        notes);
  }

  /** Reads {@code files}, which all have {@code header}. */
  Dataset<Row> read(List<String> header, List<String> files) {
    List<String> names = uniqueNames(header);
    StructType schema =
        LandingColumns.strings(names).add(LandingReader.CORRUPT, DataTypes.StringType);
    Dataset<Row> df =
        spark
            .read()
            .option("header", "true")
            .option("multiLine", "true")
            .option("escape", "\"")
            .option("mode", "PERMISSIVE")
            .option("columnNameOfCorruptRecord", LandingReader.CORRUPT)
            .option("encoding", "UTF-8")
            .option("enforceSchema", "true")
            .schema(schema)
            .csv(files.toArray(new String[0]))
            .withColumn(Columns.FILE, col("_metadata.file_path"));
    Column malformed =
        when(
            col(LandingReader.CORRUPT).isNotNull(),
            lit("CSV record does not have the header's number of fields"));
    if (wide.isWide(header)) {
      return wide.unpivot(df, names, files.get(0), malformed);
    }
    columns.require(names, columns.source().required(), files.get(0));
    Column raw =
        coalesce(
            col(LandingReader.CORRUPT),
            to_json(struct(names.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new))));
    return df.select(columns.project(names, raw, malformed));
  }

  /** The header's names, with a blank or repeated name replaced by {@code _c<index>}. */
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
}

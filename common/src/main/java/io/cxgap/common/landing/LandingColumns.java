package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns a {@link LandingReader} gives each record of one source (DESIGN.md §4): the
 * contract's columns and any extra ones, all strings, then {@code file}, {@code raw} and {@code
 * malformed}; with the checks and notes about the columns a file has.
 */
final class LandingColumns {
  private final Source source;
  private final List<String> names;

  LandingColumns(Source source, List<String> extraColumns) {
    this.source = source;
    List<String> cols = new ArrayList<>(source.columns());
    for (String c : extraColumns) {
      if (!cols.contains(c)) {
        cols.add(c);
      }
    }
    this.names = List.copyOf(cols);
  }

  Source source() {
    return source;
  }

  /** The record's value columns, the contract's first. */
  List<String> names() {
    return names;
  }

  /** The schema of a record: {@link #names()} then file, raw and malformed, all strings. */
  StructType schema() {
    return strings(names)
        .add(Columns.FILE, DataTypes.StringType)
        .add(Columns.RAW, DataTypes.StringType)
        .add(LandingReader.MALFORMED, DataTypes.StringType);
  }

  /** A schema of string columns named {@code columns}. */
  static StructType strings(List<String> columns) {
    StructType s = new StructType();
    for (String c : columns) {
      s = s.add(c, DataTypes.StringType);
    }
    return s;
  }

  /** The lower-case names of a schema's top-level fields (a Parquet file's columns). */
  static List<String> lowerNames(StructType schema) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(f.name().toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * The record's columns from a frame that has the columns {@code present} and {@code file}: each
   * of {@link #names()} cast to string (null where absent), then file, raw and malformed.
   */
  Column[] project(List<String> present, Column raw, Column malformed) {
    List<Column> cols = new ArrayList<>();
    for (String c : names) {
      cols.add(
          present.contains(c)
              ? col("`" + c + "`").cast("string").as(c)
              : lit(null).cast("string").as(c));
    }
    cols.add(col(Columns.FILE));
    cols.add(raw.as(Columns.RAW));
    cols.add(malformed.as(LandingReader.MALFORMED));
    return cols.toArray(new Column[0]);
  }

  /** Fails (exit 2), naming the column and {@code file}, where {@code present} lacks one. */
  void require(List<String> present, List<String> required, String file) {
    for (String r : required) {
      if (!present.contains(r)) {
        throw CxErrors.missingColumn(source.folder(), r, file);
      }
    }
  }

  /** Adds a run-log note that {@code unknown} columns were ignored in {@code where}, if any. */
  static void noteUnknown(List<String> unknown, String where, List<String> notes) {
    if (!unknown.isEmpty()) {
      notes.add("ignored unknown columns " + String.join(", ", unknown) + " in " + where);
    }
  }
}

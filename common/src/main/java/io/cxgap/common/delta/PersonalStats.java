package io.cxgap.common.delta;

import io.cxgap.common.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Keeps personal columns out of Delta's data-skipping statistics (DESIGN.md §6). Delta records the
 * minimum and maximum of a file's columns in the transaction log and in checksum files, which
 * VACUUM does not touch: a {@code customer_id} there would outlive the customer's erasure. A table
 * with a {@link Columns#PERSONAL} column is created with {@link DeltaIO#STATS_COLUMNS} naming its
 * other columns (those Delta keeps statistics for: numbers, strings, dates, timestamps; partition
 * columns never).
 */
public final class PersonalStats {
  private PersonalStats() {}

  /** The property Delta reads when no stats column list is set: the first N columns get stats. */
  static final String NUM_INDEXED_COLS = "delta.dataSkippingNumIndexedCols";

  /**
   * The table properties for a new table of {@code schema}: none where it has no personal column;
   * else the statistics column list without them (or no statistics where no column is left).
   */
  public static Map<String, String> properties(StructType schema, List<String> partitionColumns) {
    boolean personal = false;
    List<String> keep = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (Columns.PERSONAL.contains(f.name())) {
        personal = true;
      } else if (!partitionColumns.contains(f.name()) && statsType(f.dataType())) {
        keep.add(f.name());
      }
    }
    if (!personal) {
      return Map.of();
    }
    return keep.isEmpty()
        ? Map.of(NUM_INDEXED_COLS, "0")
        : Map.of(DeltaIO.STATS_COLUMNS, String.join(",", keep));
  }

  private static boolean statsType(DataType t) {
    return t instanceof NumericType
        || t instanceof StringType
        || t instanceof DateType
        || t instanceof TimestampType;
  }
}

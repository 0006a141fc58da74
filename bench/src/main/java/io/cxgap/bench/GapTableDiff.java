package io.cxgap.bench;

import io.cxgap.common.Columns;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gaps.GapColumns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares two renderings of {@code gold.gap_segment_touchpoint} for one date value by value: rows
 * keyed by (segment_dimension, segment_value, touchpoint); doubles equal within {@code tolerance}
 * relative (absolute below 1), whole numbers, strings, booleans and dates exactly, null only
 * against null.
 */
final class GapTableDiff {
  /**
   * The zone-of-tolerance columns (DESIGN.md §5), which the DuckDB peer does not compute: the
   * peer's SQL reads two-column answers only, so these are left out of the comparison and out of
   * the peer's timing alike.
   */
  static final List<String> NOT_IN_PEER =
      List.of(
          GapColumns.ADEQUATE_MEAN,
          GapColumns.MSA_MEAN,
          GapColumns.MSA_CI95_LOW,
          GapColumns.MSA_CI95_HIGH,
          GapColumns.BELOW_ADEQUATE_SHARE,
          GapColumns.ZOT_INVERSIONS,
          GapColumns.ZOT_STATUS);

  /** The columns compared: all of the table's but {@link #NOT_IN_PEER}. */
  static final List<String> COLUMNS =
      GapColumns.GAP_SEGMENT_TOUCHPOINT.stream().filter(c -> !NOT_IN_PEER.contains(c)).toList();

  private GapTableDiff() {}

  /** Date {@code d}'s rows of our gap table at {@code path}, as compared: {@link #COLUMNS} each. */
  static List<Map<String, Object>> ours(SparkSession spark, String path, LocalDate d) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : DeltaIO.readDate(spark, path, d).collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (String c : COLUMNS) {
        m.put(c, r.getAs(c));
      }
      out.add(m);
    }
    return out;
  }

  /** Every difference, one line each; empty when the tables agree. */
  static List<String> diff(
      List<Map<String, Object>> ours, List<Map<String, Object>> peer, double tolerance) {
    Map<String, Map<String, Object>> a = keyed(ours);
    Map<String, Map<String, Object>> b = keyed(peer);
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String k : keys) {
      Map<String, Object> x = a.get(k);
      Map<String, Object> y = b.get(k);
      if (x == null || y == null) {
        out.add(k + ": row only in " + (x == null ? "DuckDB" : "ours"));
        continue;
      }
      for (String c : COLUMNS) {
        if (!same(x.get(c), y.get(c), tolerance)) {
          out.add(k + " " + c + ": ours " + x.get(c) + ", DuckDB " + y.get(c));
        }
      }
    }
    return out;
  }

  private static Map<String, Map<String, Object>> keyed(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      String k =
          r.get(Columns.SEGMENT_DIMENSION)
              + "|"
              + r.get(Columns.SEGMENT_VALUE)
              + "|"
              + r.get(Columns.TOUCHPOINT);
      out.put(out.containsKey(k) ? k + "|duplicate" : k, r);
    }
    return out;
  }

  static boolean same(Object x, Object y, double tolerance) {
    if (x == null || y == null) {
      return x == null && y == null;
    }
    if (x instanceof Double
        || y instanceof Double
        || x instanceof Float
        || y instanceof Float
        || x instanceof java.math.BigDecimal
        || y instanceof java.math.BigDecimal) {
      if (!(x instanceof Number p) || !(y instanceof Number q)) {
        return false;
      }
      double u = p.doubleValue();
      double v = q.doubleValue();
      return Math.abs(u - v) <= tolerance * Math.max(1.0, Math.abs(u));
    }
    if (x instanceof Number p && y instanceof Number q) {
      return p.longValue() == q.longValue();
    }
    return x.toString().equals(y.toString());
  }
}

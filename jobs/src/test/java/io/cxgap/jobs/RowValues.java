package io.cxgap.jobs;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import scala.collection.JavaConverters;

/**
 * Value-by-value equality of collected rows, for comparing two runs' tables: doubles agree to 1e-9
 * (relative above 1; sums may be added in another order on another cluster), maps, arrays and
 * structs element by element, everything else exactly.
 */
final class RowValues {
  static final double TOLERANCE = 1e-9;

  private RowValues() {}

  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return close(x, y);
    }
    if (a instanceof Float x && b instanceof Float y) {
      return close(x, y);
    }
    if (a instanceof Row x && b instanceof Row y) {
      if (x.length() != y.length()) {
        return false;
      }
      for (int i = 0; i < x.length(); i++) {
        if (!same(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof scala.collection.Map<?, ?> x && b instanceof scala.collection.Map<?, ?> y) {
      return sameMaps(JavaConverters.mapAsJavaMap(x), JavaConverters.mapAsJavaMap(y));
    }
    if (a instanceof scala.collection.Seq<?> x && b instanceof scala.collection.Seq<?> y) {
      return sameLists(JavaConverters.seqAsJavaList(x), JavaConverters.seqAsJavaList(y));
    }
    return a.equals(b);
  }

  private static boolean close(double x, double y) {
    return Double.compare(x, y) == 0
        || Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
  }

  private static boolean sameMaps(Map<?, ?> x, Map<?, ?> y) {
    if (!x.keySet().equals(y.keySet())) {
      return false;
    }
    return x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
  }

  private static boolean sameLists(List<?> x, List<?> y) {
    if (x.size() != y.size()) {
      return false;
    }
    for (int i = 0; i < x.size(); i++) {
      if (!same(x.get(i), y.get(i))) {
        return false;
      }
    }
    return true;
  }
}

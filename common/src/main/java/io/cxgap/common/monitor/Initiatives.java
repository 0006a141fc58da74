package io.cxgap.common.monitor;

import static org.apache.spark.sql.functions.col;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import io.cxgap.common.Columns;
import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads and validates the initiatives file that {@code cx.initiatives} names (DESIGN.md §5):
 *
 * <pre>
 * initiatives = [
 *   { id = "ivr-2026", name = "New phone menu", touchpoint = "support_call",
 *     segment = "segment=SMB",      # or "total"
 *     started = "2026-09-01", due = "2026-12-31", expected-change = 10 }   # gap points
 * ]
 * </pre>
 *
 * Every problem is a config error (exit 2) on one line naming the file, the initiative and the key:
 * an unknown touchpoint, a segment that is neither {@code total} nor {@code dim=value} with dim in
 * cx.segment-dimensions, a duplicate id, a date that is not YYYY-MM-DD, due not after started, an
 * expected-change that is 0 or missing, an unknown key. A segment value the CRM does not know is
 * checked against the CRM as of D by {@link #requireKnownSegmentValues}.
 */
public final class Initiatives {
  static final String LIST = "initiatives";
  private static final Set<String> KEYS =
      Set.of("id", "name", "touchpoint", "segment", "started", "due", "expected-change");

  private Initiatives() {}

  /** The file's initiatives in file order; see the class comment for what fails. */
  public static List<Initiative> load(
      Path file, TouchpointCatalog catalog, List<String> segmentDimensions) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw CxErrors.initiatives(name, "not found; fix cx.initiatives or set it to null");
    }
    Config c;
    try {
      c = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults()).resolve();
    } catch (ConfigException e) {
      throw CxErrors.initiatives(name, "not valid HOCON: " + oneLine(e.getMessage()));
    }
    List<? extends Config> entries;
    try {
      entries = c.getConfigList(LIST);
    } catch (ConfigException e) {
      throw CxErrors.initiatives(
          name, "needs a list 'initiatives = [{ id = ..., ... }]': " + oneLine(e.getMessage()));
    }
    Map<String, Initiative> byId = new LinkedHashMap<>();
    int n = 0;
    for (Config entry : entries) {
      n++;
      Initiative i = parse(name, n, entry, catalog, segmentDimensions);
      if (byId.put(i.id(), i) != null) {
        throw CxErrors.initiatives(
            name, "initiative '" + i.id() + "' is declared twice; give each initiative its own id");
      }
    }
    return List.copyOf(byId.values());
  }

  /** Entry number {@code n} (1-based) of the list. */
  private static Initiative parse(
      String file, int n, Config e, TouchpointCatalog catalog, List<String> dimensions) {
    String where = "initiative #" + n;
    for (String key : e.root().keySet()) {
      if (!KEYS.contains(key)) {
        throw CxErrors.initiatives(
            file, where + ": unknown key '" + key + "'; the keys are " + new TreeSet<>(KEYS));
      }
    }
    String id = string(file, where, e, "id");
    where = "initiative '" + id + "'";
    String name = e.hasPath("name") ? string(file, where, e, "name") : id;
    String raw = string(file, where, e, "touchpoint");
    String touchpoint =
        catalog
            .resolve(raw)
            .orElseThrow(
                () ->
                    CxErrors.initiatives(
                        file,
                        "initiative '"
                            + id
                            + "': unknown touchpoint '"
                            + raw
                            + "'; the catalog has "
                            + catalog.touchpoints().stream().map(t -> t.id()).toList()));
    String[] segment = segment(file, where, string(file, where, e, "segment"), dimensions);
    LocalDate started = date(file, where, e, "started");
    LocalDate due = date(file, where, e, "due");
    if (!due.isAfter(started)) {
      throw CxErrors.initiatives(
          file, where + ": due " + due + " is not after started " + started + "; move it later");
    }
    double expected = expectedChange(file, where, e);
    return new Initiative(id, name, touchpoint, segment[0], segment[1], started, due, expected);
  }

  /** {@code total} → (total, all); {@code dim=value} → (dim, value). */
  private static String[] segment(String file, String where, String s, List<String> dimensions) {
    if (s.equals(Columns.TOTAL)) {
      return new String[] {Columns.TOTAL, Columns.ALL};
    }
    int eq = s.indexOf('=');
    String dim = eq < 0 ? "" : s.substring(0, eq).strip();
    String value = eq < 0 ? "" : s.substring(eq + 1).strip();
    if (eq < 0 || dim.isEmpty() || value.isEmpty()) {
      throw CxErrors.initiatives(
          file,
          where
              + ": segment '"
              + s
              + "' must be \"total\" or \"dimension=value\", e.g. \"segment=SMB\"");
    }
    if (!dimensions.contains(dim)) {
      throw CxErrors.initiatives(
          file,
          where
              + ": segment dimension '"
              + dim
              + "' is not in cx.segment-dimensions "
              + dimensions);
    }
    return new String[] {dim, value};
  }

  private static String string(String file, String where, Config e, String key) {
    if (!e.hasPath(key)) {
      throw CxErrors.initiatives(file, where + ": '" + key + "' is missing");
    }
    String v;
    try {
      v = e.getString(key).strip();
    } catch (ConfigException.WrongType x) {
      throw CxErrors.initiatives(file, where + ": '" + key + "' must be a string");
    }
    if (v.isEmpty()) {
      throw CxErrors.initiatives(file, where + ": '" + key + "' is empty");
    }
    return v;
  }

  private static LocalDate date(String file, String where, Config e, String key) {
    String s = string(file, where, e, key);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException x) {
      throw CxErrors.initiatives(
          file, where + ": " + key + " '" + s + "' is not a date; write YYYY-MM-DD");
    }
  }

  private static double expectedChange(String file, String where, Config e) {
    String key = "expected-change";
    if (!e.hasPath(key)) {
      throw CxErrors.initiatives(
          file, where + ": 'expected-change' is missing; give the expected change in gap points");
    }
    double v;
    try {
      v = e.getDouble(key);
    } catch (ConfigException.WrongType x) {
      throw CxErrors.initiatives(file, where + ": 'expected-change' must be a number");
    }
    if (v == 0 || !Double.isFinite(v)) {
      throw CxErrors.initiatives(
          file,
          where + ": expected-change must be a non-zero number of gap points (+ better), was " + v);
    }
    return v;
  }

  /**
   * The initiatives whose segment value the CRM as of D does not have (the whole base is always
   * known), in their order.
   *
   * @param customersAsOf the CRM as of D: customer_id and the dimension columns
   */
  public static List<Initiative> unknownSegmentValues(
      List<Initiative> initiatives, Dataset<Row> customersAsOf) {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (Initiative i : initiatives) {
      if (!i.isTotal()) {
        wanted.computeIfAbsent(i.segmentDimension(), d -> new TreeSet<>()).add(i.segmentValue());
      }
    }
    Set<String> known = new HashSet<>();
    for (Map.Entry<String, Set<String>> w : wanted.entrySet()) {
      String dim = w.getKey();
      // bounded by the initiatives' values, not by the customers
      for (Row r :
          customersAsOf
              .where(col(dim).isin(w.getValue().toArray()))
              .select(col(dim))
              .distinct()
              .collectAsList()) {
        known.add(dim + "=" + r.getString(0));
      }
    }
    List<Initiative> out = new ArrayList<>();
    for (Initiative i : initiatives) {
      if (!i.isTotal() && !known.contains(i.segment())) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * Fails with a config error (exit 2) naming the first initiative whose segment value the CRM as
   * of D does not know.
   */
  public static void requireKnownSegmentValues(
      String file, List<Initiative> initiatives, Dataset<Row> customersAsOf, LocalDate d) {
    List<Initiative> unknown = unknownSegmentValues(initiatives, customersAsOf);
    if (!unknown.isEmpty()) {
      Initiative i = unknown.get(0);
      throw CxErrors.initiatives(
          file,
          "initiative '"
              + i.id()
              + "': segment value '"
              + i.segment()
              + "' is not in the CRM as of "
              + d
              + "; check the spelling (values are case-sensitive)");
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

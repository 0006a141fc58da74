package io.cxgap.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The DuckDB peer's SQL, {@code bench/duckdb_gaps.sql} (packaged as {@code
 * cxgap/bench/duckdb_gaps.sql}), with its placeholders filled in (see the file's header) and cut at
 * the line {@code -- @@ t975}, where the peer fills in the t quantiles DuckDB cannot compute, and
 * at the line {@code -- @@ rows read}, after which comes the untimed count of the records read.
 *
 * @param beforeT975 the statements up to the first mark
 * @param fromT975 the statements from the first mark to the second
 * @param rowsRead the query after the second mark: one row, the landing records read, as {@code n}
 */
record PeerScript(String beforeT975, String fromT975, String rowsRead) {
  private static final String SQL_RESOURCE = "/cxgap/bench/duckdb_gaps.sql";
  private static final Pattern T975_MARK = Pattern.compile("(?m)^-- @@ t975$");
  private static final Pattern ROWS_READ_MARK = Pattern.compile("(?m)^-- @@ rows read$");

  /** The script for {@code p}; empty landing groups get header-only files under {@code scratch}. */
  static PeerScript of(DuckDbPeer.Params p, Path scratch) {
    String sql = template(p, scratch);
    int t975 = mark(sql, T975_MARK, "-- @@ t975");
    int rowsRead = mark(sql, ROWS_READ_MARK, "-- @@ rows read");
    if (rowsRead < t975) {
      throw new IllegalStateException(
          "bench: '-- @@ rows read' must come after '-- @@ t975' in " + SQL_RESOURCE);
    }
    return new PeerScript(
        sql.substring(0, t975), sql.substring(t975, rowsRead), sql.substring(rowsRead));
  }

  private static int mark(String sql, Pattern mark, String line) {
    Matcher m = mark.matcher(sql);
    if (!m.find()) {
      throw new IllegalStateException(
          "bench: the line '" + line + "' is missing from " + SQL_RESOURCE);
    }
    return m.start();
  }

  /** The SQL with its placeholders filled in (see the file's header). */
  private static String template(DuckDbPeer.Params p, Path scratch) {
    Map<String, String> v = new LinkedHashMap<>();
    LandingGroups files =
        LandingGroups.classify(
            p.landing(), scratch, p.catalog(), p.wideExpectationPrefix(), p.wideExperiencePrefix());
    v.put("customers_csv", files.list("customers_csv"));
    v.put("customers_json", files.list("customers_json"));
    v.put("surveys_long_csv", files.list("surveys_long_csv"));
    v.put("surveys_json", files.list("surveys_json"));
    v.put("surveys_wide_csv", files.list("surveys_wide_csv"));
    v.put("interactions_json", files.list("interactions_json"));
    v.put("interactions_csv", files.list("interactions_csv"));
    v.put("as_of", p.date().toString());
    v.put("window_start", p.date().minusDays(p.windowDays() - 1L).toString());
    v.put("end_exclusive", p.date().plusDays(1).toString());
    v.put("window_days", Integer.toString(p.windowDays()));
    v.put("min_respondents", Integer.toString(p.minRespondents()));
    v.put("wide_exp_prefix", p.wideExpectationPrefix());
    v.put("wide_perc_prefix", p.wideExperiencePrefix());
    v.put("dimension_columns", String.join(", ", p.dimensions()));
    v.put(
        "dimension_names",
        p.dimensions().stream().map(PeerScript::literal).collect(Collectors.joining(", ")));
    v.put(
        "dimension_cut_columns",
        p.dimensions().stream()
            .map(d -> "coalesce(c." + d + ", 'unknown') AS " + d)
            .collect(Collectors.joining(", ")));
    v.put(
        "dimension_grouping_sets",
        "(touchpoint), "
            + p.dimensions().stream()
                .map(d -> "(" + d + ", touchpoint)")
                .collect(Collectors.joining(", ")));
    v.put(
        "segment_dimension",
        p.dimensions().stream()
            .map(d -> "WHEN " + d + " IS NOT NULL THEN " + literal(d))
            .collect(Collectors.joining(" ", "CASE ", " ELSE 'total' END")));
    String sql = sqlText();
    for (Map.Entry<String, String> e : v.entrySet()) {
      sql = sql.replace("${" + e.getKey() + "}", e.getValue());
    }
    return sql;
  }

  private static String sqlText() {
    try (InputStream in = PeerScript.class.getResourceAsStream(SQL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bench: " + SQL_RESOURCE + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("--") || t.isEmpty()) {
        continue;
      }
      b.append(line).append('\n');
      if (t.endsWith(";")) {
        out.add(b.toString());
        b.setLength(0);
      }
    }
    if (!b.toString().isBlank()) {
      out.add(b.toString());
    }
    return out;
  }
}

package io.cxgap.bench;

import io.cxgap.common.CxErrors;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.landing.LandingFiles;
import io.cxgap.jobs.options.Args;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The benchmark's peer: runs {@code bench/duckdb_gaps.sql} (packaged as {@code
 * cxgap/bench/duckdb_gaps.sql}) in a DuckDB database file under the scratch folder (deleted after
 * the run) over the landing files and returns its {@code gap_segment_touchpoint} rows for one date,
 * and how long DuckDB took from the files to the table. DuckDB is reached through JDBC only, so it
 * is a runtime dependency.
 */
final class DuckDbPeer {
  static final String SQL_RESOURCE = "/cxgap/bench/duckdb_gaps.sql";
  private static final java.util.regex.Pattern T975_MARK =
      java.util.regex.Pattern.compile("(?m)^-- @@ t975$");

  private DuckDbPeer() {}

  /** The peer's parameters: a run date and the config values the SQL needs. */
  record Params(
      Path landing,
      TouchpointCatalog catalog,
      LocalDate date,
      int windowDays,
      int minRespondents,
      List<String> dimensions,
      String wideExpectationPrefix,
      String wideExperiencePrefix) {}

  /** The peer's table and what producing it cost. */
  record Result(List<Map<String, Object>> rows, long millis, long rowsRead) {}

  static Result run(Params p, Path scratch) {
    String sql = template(p, scratch);
    java.util.regex.Matcher m = T975_MARK.matcher(sql);
    if (!m.find()) {
      throw new IllegalStateException(
          "bench: the line '-- @@ t975' is missing from " + SQL_RESOURCE);
    }
    int mark = m.start();
    Path db = scratch.resolve("peer.duckdb");
    deleteDatabase(db);
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), settings(scratch));
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      createCatalogTables(c, p.catalog());
      execute(s, sql.substring(0, mark));
      fillT975(c, s);
      execute(s, sql.substring(mark));
      long millis = (System.nanoTime() - t0) / 1_000_000;
      List<Map<String, Object>> rows = query(s, "SELECT * FROM gap_segment_touchpoint");
      long read =
          ((Number)
                  query(
                          s,
                          "SELECT (SELECT count(*) FROM survey_raw) + (SELECT count(*) FROM crm_rows) AS n")
                      .get(0)
                      .get("n"))
              .longValue();
      return new Result(rows, millis, read);
    } catch (SQLException e) {
      throw CxErrors.jobFailed("bench duckdb", p.date().toString(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot create " + scratch, e);
    } finally {
      deleteDatabase(db);
    }
  }

  /** Removes the peer's database file and its write-ahead log. */
  private static void deleteDatabase(Path db) {
    try {
      Files.deleteIfExists(db);
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot delete " + db, e);
    }
  }

  /**
   * DuckDB runs inside this JVM, beside Spark's heap: by default it would take up to 80% of the
   * machine's memory on top of the heap, enough for the kernel to kill the process. It gets what
   * the heap leaves less 3 GiB for the JVM's own memory, and spills to {@code scratch} beyond that.
   */
  static Properties settings(Path scratch) throws IOException {
    Files.createDirectories(scratch);
    long physical =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    long mib = Math.max(1024, (physical - Runtime.getRuntime().maxMemory()) / (1 << 20) - 3072);
    Properties p = new Properties();
    p.setProperty("memory_limit", mib + "MB");
    p.setProperty("temp_directory", scratch.resolve("duckdb-spill").toAbsolutePath().toString());
    // Stated, not left to DuckDB's default (90% of the free disk).
    p.setProperty(
        "max_temp_directory_size",
        Math.max(1, scratch.toAbsolutePath().toFile().getUsableSpace() / 2 / (1 << 20)) + "MB");
    return p;
  }

  /** The SQL with its placeholders filled in (see the file's header). */
  static String template(Params p, Path scratch) {
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
        p.dimensions().stream().map(DuckDbPeer::literal).collect(Collectors.joining(", ")));
    String sql = sqlText();
    for (Map.Entry<String, String> e : v.entrySet()) {
      sql = sql.replace("${" + e.getKey() + "}", e.getValue());
    }
    return sql;
  }

  static String sqlText() {
    try (InputStream in = DuckDbPeer.class.getResourceAsStream(SQL_RESOURCE)) {
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

  private static void createCatalogTables(Connection c, TouchpointCatalog catalog)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE touchpoint_lookup (key VARCHAR, touchpoint VARCHAR)");
      s.execute(
          "CREATE TABLE catalog (touchpoint VARCHAR, journey_stage VARCHAR, dimension VARCHAR, target_gap DOUBLE)");
    }
    try (PreparedStatement ins =
        c.prepareStatement("INSERT INTO touchpoint_lookup VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : catalog.lookup().entrySet()) {
        ins.setString(1, e.getKey());
        ins.setString(2, e.getValue());
        ins.execute();
      }
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO catalog VALUES (?, ?, ?, ?)")) {
      for (Touchpoint t : catalog.touchpoints()) {
        ins.setString(1, t.id());
        ins.setString(2, t.journeyStage());
        ins.setString(3, t.dimension());
        ins.setDouble(4, t.targetGap());
        ins.execute();
      }
    }
  }

  /** t(0.975, n − 1) for each cell size n ≥ 2 that occurs: DuckDB has no t quantile. */
  private static void fillT975(Connection c, Statement s) throws SQLException {
    s.execute("CREATE TABLE t975 (responses BIGINT, t DOUBLE)");
    List<Long> sizes = new ArrayList<>();
    try (ResultSet r =
        s.executeQuery("SELECT DISTINCT responses FROM survey_cells WHERE responses >= 2")) {
      while (r.next()) {
        sizes.add(r.getLong(1));
      }
    }
    try (PreparedStatement ins = c.prepareStatement("INSERT INTO t975 VALUES (?, ?)")) {
      for (long n : sizes) {
        ins.setLong(1, n);
        ins.setDouble(2, new TDistribution(null, n - 1.0).inverseCumulativeProbability(0.975));
        ins.addBatch();
      }
      ins.executeBatch();
    }
  }

  /** Runs the statements of a script; each ends with ';' at a line end. */
  private static void execute(Statement s, String script) throws SQLException {
    for (String stmt : statements(script)) {
      try {
        s.execute(stmt);
      } catch (SQLException e) {
        throw new SQLException(
            Args.firstLine(e.getMessage()) + " in: " + Args.firstLine(stmt.strip()), e);
      }
    }
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

  private static List<Map<String, Object>> query(Statement s, String sql) throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData md = r.getMetaData();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object o = r.getObject(i);
          if (o instanceof java.time.LocalDate d) {
            o = java.sql.Date.valueOf(d);
          }
          row.put(md.getColumnName(i).toLowerCase(Locale.ROOT), o);
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The landing files by group, as the SQL reads them; an empty group gets a header-only file. */
  static final class LandingGroups {
    private final Map<String, List<Path>> groups = new LinkedHashMap<>();

    static LandingGroups classify(
        Path landing,
        Path scratch,
        TouchpointCatalog catalog,
        String expPrefix,
        String percPrefix) {
      LandingGroups f = new LandingGroups();
      for (String g :
          List.of(
              "customers_csv",
              "customers_json",
              "surveys_long_csv",
              "surveys_json",
              "surveys_wide_csv",
              "interactions_json",
              "interactions_csv")) {
        f.groups.put(g, new ArrayList<>());
      }
      for (String source : List.of("customers", "surveys", "interactions")) {
        for (Path p : walk(landing.resolve(source))) {
          String name = p.getFileName().toString();
          if (name.startsWith(".") || name.startsWith("_")) {
            continue;
          }
          if (name.endsWith(".csv")) {
            String group =
                source.equals("surveys")
                    ? (isWide(p) ? "surveys_wide_csv" : "surveys_long_csv")
                    : source + "_csv";
            f.groups.get(group).add(p);
          } else if (name.endsWith(".jsonl")
              || name.endsWith(".json")
              || name.endsWith(".ndjson")) {
            f.groups.get(source + "_json").add(p);
          }
        }
      }
      f.fillEmpty(scratch, catalog, expPrefix, percPrefix);
      return f;
    }

    private void fillEmpty(
        Path scratch, TouchpointCatalog catalog, String expPrefix, String percPrefix) {
      StringBuilder wide =
          new StringBuilder(
              "response_id,customer_id,survey_id,responded_at,scale_min,scale_max,overall_nps");
      for (Touchpoint t : catalog.touchpoints()) {
        wide.append(',')
            .append(expPrefix)
            .append(t.id())
            .append(',')
            .append(percPrefix)
            .append(t.id());
      }
      Map<String, String> headers =
          Map.of(
              "customers_csv",
                  "customer_id,full_name,email,phone,segment,region,tier,signup_date,updated_at",
              "surveys_long_csv",
                  "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps,comment",
              "surveys_wide_csv", wide.toString(),
              "interactions_csv",
                  "event_id,customer_id,channel,touchpoint,started_at,wait_s,duration_s,outcome");
      for (Map.Entry<String, List<Path>> e : groups.entrySet()) {
        if (!e.getValue().isEmpty()) {
          continue;
        }
        boolean csv = e.getKey().endsWith("_csv");
        Path empty = scratch.resolve("empty-" + e.getKey() + (csv ? ".csv" : ".jsonl"));
        try {
          Files.createDirectories(scratch);
          Files.writeString(
              empty, csv ? headers.get(e.getKey()) + "\n" : "", StandardCharsets.UTF_8);
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
        e.getValue().add(empty);
      }
    }

    String list(String group) {
      return groups.get(group).stream()
          .map(p -> literal(p.toAbsolutePath().toString()))
          .collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean isWide(Path csv) {
      try (Stream<String> lines = Files.lines(csv, StandardCharsets.UTF_8)) {
        String header = lines.findFirst().orElse("");
        return LandingFiles.csvFields(header).stream()
            .noneMatch(h -> h.strip().equalsIgnoreCase("touchpoint"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static List<Path> walk(Path dir) {
      if (!Files.isDirectory(dir)) {
        return List.of();
      }
      try (Stream<Path> s = Files.walk(dir)) {
        return s.filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

package io.cxgap.bench;

import io.cxgap.common.CxErrors;
import io.cxgap.common.Table;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.jobs.options.Args;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The benchmark's peer: runs {@code bench/duckdb_gaps.sql} ({@link PeerScript}) in an in-memory
 * DuckDB database (spilling to the scratch folder) over the landing files and returns its {@code
 * gap_segment_touchpoint} rows for one date, how long DuckDB took from the files to the table, and
 * how many landing records it read (counted afterwards, untimed). DuckDB is reached through JDBC
 * only, so it is a runtime dependency.
 */
final class DuckDbPeer {
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
    PeerScript script = PeerScript.of(p, scratch);
    Path spill = scratch.resolve("duckdb-spill");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:", settings(scratch));
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      createCatalogTables(c, p.catalog());
      execute(s, script.beforeT975());
      fillT975(c, s);
      execute(s, script.fromT975());
      long millis = (System.nanoTime() - t0) / 1_000_000;
      List<Map<String, Object>> rows =
          query(s, "SELECT * FROM " + Table.GAP_SEGMENT_TOUCHPOINT.id());
      long read =
          ((Number) query(s, PeerScript.statements(script.rowsRead()).get(0)).get(0).get("n"))
              .longValue();
      return new Result(rows, millis, read);
    } catch (SQLException e) {
      throw CxErrors.jobFailed("bench duckdb", p.date().toString(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot create " + scratch, e);
    } finally {
      deleteSpill(spill);
    }
  }

  /** Removes what DuckDB spilled, if it left anything. */
  private static void deleteSpill(Path spill) {
    if (!Files.isDirectory(spill)) {
      return;
    }
    try (Stream<Path> files = Files.walk(spill)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot delete " + spill, e);
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
    for (String stmt : PeerScript.statements(script)) {
      try {
        s.execute(stmt);
      } catch (SQLException e) {
        throw new SQLException(
            Args.firstLine(e.getMessage()) + " in: " + Args.firstLine(stmt.strip()), e);
      }
    }
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
}

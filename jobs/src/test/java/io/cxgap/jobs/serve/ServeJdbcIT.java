package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.Table;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.gold.GoldDocs;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code cxgap serve} as a BI tool meets it (DESIGN.md §1, §3, §7): nightly writes a warehouse,
 * {@code bin/cxgap serve} runs as its own process on a free loopback port, and the real Hive JDBC
 * driver lists the cx_gold tables (and no other layer), runs a query checked against the Delta
 * table read directly, sees the column comments, runs the queries BI tools send, and is refused
 * every statement that would write or read past cx_gold, with the gold tables unchanged after.
 * SIGTERM stops the server with exit 0, and {@code bin/cxgap sql} then reads the same warehouse,
 * where a view made with {@code sql --allow-writes} lasts into a later {@code sql}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeJdbcIT extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  Path dir;
  Path warehouse;
  int port;
  ServeProcess server;
  Process serve;
  Path serveOut;

  ProcessBuilder cxgap(String name, String... args) {
    return ServeProcess.cxgap(dir, warehouse, name, Map.of(), args);
  }

  String read(Path p) {
    return ServeProcess.read(p);
  }

  String serveLogs() {
    return server.logs();
  }

  @BeforeAll
  void nightlyThenServe() throws Exception {
    dir = Files.createTempDirectory("cxgap-serve");
    Path landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 120, 40, D, 11, 0.0));
    Outcome nightly =
        cli(
            args(
                landing,
                warehouse,
                repoCatalog(),
                "nightly",
                "--date",
                D.toString(),
                "--set",
                "cx.clusters.k-max=4"));
    assertThat(nightly.code()).as(nightly.toString()).isZero();

    server = ServeProcess.serve(dir, warehouse, Map.of());
    serve = server.process;
    serveOut = server.out;
    port = server.port;
  }

  @AfterAll
  void stopServe() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:hive2://127.0.0.1:" + port + "/cx_gold", "analyst", "");
  }

  @Test
  @Order(1)
  void printsTheJdbcUrl_andListsTheGoldTables_bySqlAndByJdbcMetadata() throws Exception {
    assertThat(read(serveOut)).contains("jdbc:hive2://127.0.0.1:" + port + "/cx_gold");
    List<String> written = new ArrayList<>();
    try (var s = Files.list(warehouse.resolve("gold"))) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(written::add);
    }
    assertThat(written)
        .as("gold tables nightly wrote")
        .containsExactlyInAnyOrderElementsOf(nightlyTables());
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      TreeSet<String> shown = new TreeSet<>();
      try (ResultSet rs = st.executeQuery("SHOW TABLES")) {
        while (rs.next()) {
          shown.add(rs.getString("tableName"));
        }
      }
      assertThat(shown).containsExactlyElementsOf(written);

      DatabaseMetaData md = c.getMetaData();
      Map<String, String> remarks = new HashMap<>();
      try (ResultSet rs = md.getTables(null, "cx_gold", "%", null)) {
        while (rs.next()) {
          remarks.put(rs.getString("TABLE_NAME"), rs.getString("REMARKS"));
        }
      }
      assertThat(new TreeSet<>(remarks.keySet())).containsExactlyElementsOf(written);
      TreeSet<String> schemas = new TreeSet<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas)
          .as("served databases")
          .contains("cx_gold")
          .doesNotContain("cx_bronze", "cx_silver");
    }
  }

  @Test
  @Order(2)
  void aQueryOverJdbc_matchesTheDeltaTableReadDirectly() throws Exception {
    String cols =
        "segment_dimension, segment_value, touchpoint, respondents, responses, gap_mean, suppressed";
    List<String> expected = new ArrayList<>();
    for (Row r :
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where("as_of_date = DATE'" + D + "'")
            .selectExpr(cols.split(", "))
            .collectAsList()) {
      expected.add(
          line(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.getLong(3),
              r.getLong(4),
              r.isNullAt(5) ? null : r.getDouble(5),
              r.getBoolean(6)));
    }
    assertThat(expected).as("cells in the Delta table").hasSizeGreaterThan(10);
    List<String> got = new ArrayList<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT "
                    + cols
                    + " FROM gap_segment_touchpoint WHERE as_of_date = DATE'"
                    + D
                    + "'")) {
      assertThat(rs.getMetaData().getColumnTypeName(6)).isEqualToIgnoringCase("double");
      while (rs.next()) {
        double g = rs.getDouble(6);
        Double gap = rs.wasNull() ? null : g;
        got.add(
            line(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                gap,
                rs.getBoolean(7)));
      }
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static String line(
      String dim,
      String value,
      String tp,
      long respondents,
      long responses,
      Double gap,
      boolean suppressed) {
    return String.format(
        Locale.ROOT,
        "%s|%s|%s|%d|%d|%s|%s",
        dim,
        value,
        tp,
        respondents,
        responses,
        gap == null ? "null" : Double.toString(gap),
        suppressed);
  }

  @Test
  @Order(3)
  void columnComments_areVisibleThroughDescribe() throws Exception {
    GoldDocs.TableDoc doc = GoldDocs.of("gap_segment_touchpoint").orElseThrow();
    Map<String, String> comments = new HashMap<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("DESCRIBE gap_segment_touchpoint")) {
      while (rs.next()) {
        comments.putIfAbsent(rs.getString("col_name"), rs.getString("comment"));
      }
    }
    assertThat(comments.get("gap_mean")).isEqualTo(doc.columns().get("gap_mean"));
    assertThat(comments.get("gap_ci95_high")).isEqualTo(doc.columns().get("gap_ci95_high"));
  }

  /** The gold tables a nightly writes: every documented one but forget's erasure log. */
  static List<String> nightlyTables() {
    List<String> tables = new ArrayList<>(GoldDocs.tables());
    tables.remove(Table.ERASURE_LOG.id());
    return tables;
  }

  /** Every gold table's Delta version (its log's commit files) and its rows, sorted. */
  Map<String, String> goldState() throws IOException {
    Map<String, String> state = new java.util.TreeMap<>();
    for (String t : nightlyTables()) {
      long commits = commitFiles(warehouse.resolve("gold").resolve(t));
      List<String> rows = new ArrayList<>();
      table(warehouse, "gold", t).collectAsList().forEach(r -> rows.add(r.toString()));
      rows.sort(String::compareTo);
      state.put(t, commits + " commits, " + rows.size() + " rows, hash " + rows.hashCode());
    }
    return state;
  }

  @Test
  @Order(4)
  void everyStatementThatWritesOrReachesPastGold_isRefusedWithItsRule_andGoldIsUnchanged()
      throws Exception {
    Map<String, String> before = goldState();
    Path file = dir.resolve("secret.txt");
    Files.writeString(file, "server file", StandardCharsets.UTF_8);
    Map<String, String> attacks = new java.util.LinkedHashMap<>();
    attacks.put(
        "DELETE FROM cx_gold.gap_segment_touchpoint WHERE touchpoint = 'delivery'",
        "DELETE is not allowed");
    attacks.put("UPDATE gap_segment_touchpoint SET gap_mean = 0", "UPDATE is not allowed");
    attacks.put(
        "INSERT INTO touchpoint_driver SELECT * FROM touchpoint_driver", "INSERT is not allowed");
    attacks.put(
        "MERGE INTO gap_segment_touchpoint t USING gap_segment_touchpoint s ON t.touchpoint = s.touchpoint WHEN MATCHED THEN DELETE",
        "MERGE is not allowed");
    attacks.put(
        "CREATE TABLE cx_gold.x USING delta AS SELECT 1 AS one", "CREATE TABLE is not allowed");
    attacks.put(
        "CREATE TABLE cx_gold.x USING delta LOCATION '" + dir.resolve("x") + "' AS SELECT 1 AS one",
        "CREATE TABLE is not allowed");
    attacks.put("DROP TABLE cx_gold.touchpoint_driver", "DROP TABLE is not allowed");
    attacks.put(
        "ALTER TABLE gap_segment_touchpoint SET TBLPROPERTIES ('x' = 'y')",
        "ALTER TABLE is not allowed");
    attacks.put("CREATE FUNCTION f AS 'java.lang.String'", "CREATE FUNCTION is not allowed");
    attacks.put("ADD JAR " + dir.resolve("x.jar"), "ADD JAR is not allowed");
    attacks.put("SET spark.sql.runSQLOnFiles=true", "SET spark.sql.runSQLOnFiles is not allowed");
    attacks.put("SELECT * FROM text.`" + file + "`", "direct file queries are not allowed");
    attacks.put(
        "SELECT * FROM delta.`" + warehouse.resolve("bronze/customers") + "`",
        "direct file queries are not allowed");
    attacks.put(
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "reflection functions (reflect, java_method) are not allowed");
    attacks.put(
        "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
        "reflection functions (reflect, java_method) are not allowed");
    attacks.put(
        "SELECT full_name, email, phone FROM cx_bronze.customers",
        "database cx_bronze is not served");
    attacks.put("SELECT * FROM cx_silver.customers", "database cx_silver is not served");
    // a client's JDBC URL may carry Spark settings; none turns the guard off
    String url = "jdbc:hive2://127.0.0.1:" + port + "/cx_gold?spark.sql.runSQLOnFiles=true";
    for (String connection : List.of("jdbc:hive2://127.0.0.1:" + port + "/cx_gold", url)) {
      try (Connection c = DriverManager.getConnection(connection, "analyst", "");
          Statement st = c.createStatement()) {
        for (Map.Entry<String, String> a : attacks.entrySet()) {
          assertThatThrownBy(() -> st.execute(a.getKey()))
              .as("%s over %s", a.getKey(), connection)
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("cxgap: read-only server: " + a.getValue());
        }
      }
    }
    assertThat(goldState()).isEqualTo(before);
    assertThat(Files.exists(dir.resolve("x"))).isFalse();
  }

  @Test
  @Order(5)
  void theQueriesABiToolSends_stillRun() throws Exception {
    Row expected =
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where(
                "as_of_date = DATE'" + D + "' AND segment_dimension = 'segment' AND NOT suppressed")
            .selectExpr("count(*)", "count(DISTINCT segment_value)")
            .head();
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT g.segment_value, count(*) AS cells, avg(g.gap_mean) AS gap, max(d.importance_share) AS top"
                  + " FROM gap_segment_touchpoint g JOIN touchpoint_driver d"
                  + " ON d.touchpoint = g.touchpoint AND d.as_of_date = g.as_of_date"
                  + " WHERE g.as_of_date = DATE'"
                  + D
                  + "' AND g.segment_dimension = 'segment' AND NOT g.suppressed"
                  + " GROUP BY g.segment_value ORDER BY g.segment_value")) {
        long cells = 0;
        int groups = 0;
        while (rs.next()) {
          cells += rs.getLong("cells");
          groups++;
        }
        assertThat(cells).as("cells joined to a driver row").isEqualTo(expected.getLong(0));
        assertThat(groups).isEqualTo((int) expected.getLong(1));
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT touchpoint, rank() OVER (ORDER BY gap_mean) AS r FROM gap_segment_touchpoint"
                  + " WHERE as_of_date = DATE'"
                  + D
                  + "' AND segment_dimension = 'total' AND NOT suppressed ORDER BY r")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt("r")).isEqualTo(1);
      }
      st.execute("SET TIME ZONE 'UTC'");
      st.execute(
          "CREATE TEMPORARY VIEW worst AS SELECT touchpoint, gap_mean FROM gap_segment_touchpoint"
              + " WHERE as_of_date = DATE'"
              + D
              + "' AND segment_dimension = 'total' AND NOT suppressed");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM worst")) {
        rs.next();
        assertThat(rs.getLong(1)).isPositive();
      }
      try (ResultSet rs = st.executeQuery("DESCRIBE touchpoint_driver")) {
        List<String> cols = new ArrayList<>();
        while (rs.next()) {
          cols.add(rs.getString("col_name"));
        }
        assertThat(cols).contains("touchpoint", "importance", "priority_rank");
      }
    }
  }

  @Test
  @Order(6)
  void sigterm_stopsCleanly_andSqlReadsTheWarehouseAfter() throws Exception {
    serve.destroy(); // SIGTERM
    assertThat(serve.waitFor(60, TimeUnit.SECONDS))
        .as("serve stops within a minute\n%s", serveLogs())
        .isTrue();
    assertThat(serve.exitValue()).as(serveLogs()).isZero();
    assertThat(read(serveOut)).contains("cxgap serve: stopped");

    Row worst = worstTouchpoint();
    String out =
        sql(
            "sql",
            "SELECT touchpoint FROM cx_gold.gap_segment_touchpoint WHERE as_of_date = DATE'"
                + D
                + "'"
                + " AND segment_dimension = 'total' AND NOT suppressed ORDER BY gap_mean LIMIT 1",
            "--format",
            "csv");
    assertThat(out).isEqualTo("touchpoint\n" + worst.getString(0) + "\n");
    assertThat(read(dir.resolve("sql.err")))
        .as("the first sql call says it writes the class archive")
        .contains("saves the classes it loads to " + sqlArchive());
    assertThat(sqlArchive()).as("written whole at the JVM's exit").isNotEmptyFile();
    assertThat(warehouse.resolve("_metastore/metastore_db"))
        .as("a query that names only the warehouse's tables opens no metastore")
        .doesNotExist();
  }

  /** The worst unsuppressed touchpoint of D, read from the Delta table directly. */
  private Row worstTouchpoint() {
    return table(warehouse, "gold", "gap_segment_touchpoint")
        .where("as_of_date = DATE'" + D + "' AND segment_dimension = 'total' AND NOT suppressed")
        .orderBy("gap_mean")
        .select("touchpoint")
        .head();
  }

  /** The class archive of the {@code sql} calls here: the first writes it, the later map it. */
  private Path sqlArchive() {
    return dir.resolve("cxgap-sql.jsa");
  }

  /** Runs {@code bin/cxgap sql args...} to the end; returns its stdout. */
  private String sql(String name, String... args) throws Exception {
    List<String> a = new ArrayList<>(List.of("sql"));
    a.addAll(List.of(args));
    Process p =
        ServeProcess.cxgap(
                dir,
                warehouse,
                name,
                Map.of("CXGAP_CDS_ARCHIVE", sqlArchive().toString()),
                a.toArray(new String[0]))
            .start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s finishes", name).isTrue();
    String out = read(dir.resolve(name + ".out"));
    assertThat(p.exitValue())
        .as("%s exit\n%s\n%s", name, out, read(dir.resolve(name + ".err")))
        .isZero();
    return out;
  }

  @Test
  @Order(7)
  void aViewMadeWithAllowWrites_lastsIntoALaterSql_andOtherQueriesLeaveTheMetastoreShut()
      throws Exception {
    sql(
        "sql-create-view",
        "CREATE VIEW cx_gold.worst_touchpoint AS SELECT touchpoint FROM"
            + " cx_gold.gap_segment_touchpoint WHERE as_of_date = DATE'"
            + D
            + "' AND segment_dimension = 'total' AND NOT suppressed ORDER BY gap_mean LIMIT 1",
        "--allow-writes");
    Path ms = warehouse.resolve("_metastore");
    assertThat(read(ms.resolve(UserObjects.FILE)))
        .as("the metastore's list of the user's objects")
        .isEqualTo("table cx_gold.worst_touchpoint\n");
    Path derbyLog = ms.resolve("derby.log");
    long booted = Files.getLastModifiedTime(derbyLog).toMillis();

    String other =
        sql("sql-other", "SELECT count(*) AS n FROM cx_gold.touchpoint_driver", "--format", "csv");
    long drivers = table(warehouse, "gold", "touchpoint_driver").count();
    assertThat(other).isEqualTo("n\n" + drivers + "\n");
    assertThat(Files.getLastModifiedTime(derbyLog).toMillis())
        .as(
            "Derby (which rewrites derby.log when it starts) was not started for a query not naming the view")
        .isEqualTo(booted);

    FileTime archived = Files.getLastModifiedTime(sqlArchive());
    String view =
        sql("sql-view", "SELECT touchpoint FROM cx_gold.worst_touchpoint", "--format", "csv");
    assertThat(view).isEqualTo("touchpoint\n" + worstTouchpoint().getString(0) + "\n");
    assertThat(Files.getLastModifiedTime(sqlArchive()))
        .as("the class archive an earlier sql call wrote is mapped, not written again")
        .isEqualTo(archived);
    assertThat(read(dir.resolve("sql-view.err"))).doesNotContain("saves the classes");
  }
}

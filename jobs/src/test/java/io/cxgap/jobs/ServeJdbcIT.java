package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.gold.GoldDocs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * driver lists the cx_gold tables, runs a query checked against the Delta table read directly,
 * and sees the column comments. SIGTERM stops the server with exit 0, and a later {@code
 * bin/cxgap sql} process sees a view created over JDBC: the catalog is persisted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeJdbcIT extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  Path dir;
  Path warehouse;
  int port;
  Process serve;
  Path serveOut;
  Path serveErr;

  static Path launcher() {
    return Path.of(System.getProperty("cx.jobs.target")).getParent().getParent().resolve("bin/cxgap");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  ProcessBuilder cxgap(String name, String... args) {
    List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--set", "cx.warehouse=" + warehouse, "--set", "spark.sql.shuffle.partitions=2"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("CXGAP_JAVA_OPTS", "-Xmx1g");
    pb.redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
    return pb;
  }

  String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  String serveLogs() {
    return "--- serve stdout\n" + read(serveOut) + "\n--- serve stderr\n" + read(serveErr);
  }

  @BeforeAll
  void nightlyThenServe() throws Exception {
    dir = Files.createTempDirectory("cxgap-serve");
    Path landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 120, 40, D, 11, 0.0));
    Outcome nightly =
        cli(args(landing, warehouse, repoCatalog(), "nightly", "--date", D.toString(), "--set", "cx.clusters.k-max=4"));
    assertThat(nightly.code()).as(nightly.toString()).isZero();

    port = freePort();
    serveOut = dir.resolve("serve.out");
    serveErr = dir.resolve("serve.err");
    serve = cxgap("serve", "serve", "--port", Integer.toString(port), "--refresh", "0").start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!read(serveOut).contains("JDBC URL")) {
      assertThat(serve.isAlive()).as("serve exited early with %s\n%s", serve.isAlive() ? "" : serve.exitValue(), serveLogs()).isTrue();
      assertThat(System.nanoTime()).as("serve did not start in time\n%s", serveLogs()).isLessThan(deadline);
      Thread.sleep(250);
    }
  }

  @AfterAll
  void stopServe() throws InterruptedException {
    if (serve != null && serve.isAlive()) {
      serve.destroy();
      if (!serve.waitFor(30, TimeUnit.SECONDS)) {
        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:hive2://127.0.0.1:" + port + "/cx_gold", "analyst", "");
  }

  @Test
  @Order(1)
  void printsTheJdbcUrl_andListsTheGoldTables_bySqlAndByJdbcMetadata() throws Exception {
    assertThat(read(serveOut)).contains("jdbc:hive2://127.0.0.1:" + port + "/cx_gold");
    List<String> written = new ArrayList<>();
    try (var s = Files.list(warehouse.resolve("gold"))) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(written::add);
    }
    assertThat(written).as("gold tables nightly wrote").containsExactlyInAnyOrderElementsOf(GoldDocs.tables());
    try (Connection c = connect(); Statement st = c.createStatement()) {
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
      assertThat(schemas).contains("cx_bronze", "cx_silver", "cx_gold");
    }
  }

  @Test
  @Order(2)
  void aQueryOverJdbc_matchesTheDeltaTableReadDirectly() throws Exception {
    String cols = "segment_dimension, segment_value, touchpoint, respondents, responses, gap_mean, suppressed";
    List<String> expected = new ArrayList<>();
    for (Row r :
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where("as_of_date = DATE'" + D + "'")
            .selectExpr(cols.split(", "))
            .collectAsList()) {
      expected.add(line(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4), r.isNullAt(5) ? null : r.getDouble(5), r.getBoolean(6)));
    }
    assertThat(expected).as("cells in the Delta table").hasSizeGreaterThan(10);
    List<String> got = new ArrayList<>();
    try (Connection c = connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT " + cols + " FROM gap_segment_touchpoint WHERE as_of_date = DATE'" + D + "'")) {
      assertThat(rs.getMetaData().getColumnTypeName(6)).isEqualToIgnoringCase("double");
      while (rs.next()) {
        double g = rs.getDouble(6);
        Double gap = rs.wasNull() ? null : g;
        got.add(line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), gap, rs.getBoolean(7)));
      }
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static String line(String dim, String value, String tp, long respondents, long responses, Double gap, boolean suppressed) {
    return String.format(Locale.ROOT, "%s|%s|%s|%d|%d|%s|%s", dim, value, tp, respondents, responses, gap == null ? "null" : Double.toString(gap), suppressed);
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

  @Test
  @Order(4)
  void sigterm_stopsCleanly_andTheCatalogOutlivesTheServer() throws Exception {
    try (Connection c = connect(); Statement st = c.createStatement()) {
      st.execute(
          "CREATE VIEW cx_gold.worst_gap AS SELECT touchpoint, gap_mean FROM cx_gold.gap_segment_touchpoint"
              + " WHERE segment_dimension = 'total' AND NOT suppressed ORDER BY gap_mean LIMIT 1");
    }
    serve.destroy(); // SIGTERM
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("serve stops within a minute\n%s", serveLogs()).isTrue();
    assertThat(serve.exitValue()).as(serveLogs()).isZero();
    assertThat(read(serveOut)).contains("cxgap serve: stopped");

    Row worst =
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where("as_of_date = DATE'" + D + "' AND segment_dimension = 'total' AND NOT suppressed")
            .orderBy("gap_mean")
            .select("touchpoint")
            .head();
    Process sql = cxgap("sql", "sql", "SELECT touchpoint FROM cx_gold.worst_gap", "--format", "csv").start();
    assertThat(sql.waitFor(180, TimeUnit.SECONDS)).as("sql finishes").isTrue();
    String out = read(dir.resolve("sql.out"));
    assertThat(sql.exitValue()).as("sql exit\n%s\n%s", out, read(dir.resolve("sql.err"))).isZero();
    assertThat(out).isEqualTo("touchpoint\r\n" + worst.getString(0) + "\r\n");
  }
}

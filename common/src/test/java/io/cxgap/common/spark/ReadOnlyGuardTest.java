package io.cxgap.common.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The read-only guard (DESIGN.md §7) on a live session: every statement class that writes or
 * reaches past the exposed tables is refused with its rule named and leaves the tables as they
 * were; the queries a BI tool sends still run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings("try") // a guard handle is only opened and closed, never referenced in its block
class ReadOnlyGuardTest extends SparkTestBase {
  Path dir;
  Path gold;
  Path bronze;
  Path loose;

  @BeforeAll
  void tables() throws IOException {
    dir = Files.createTempDirectory("cxgap-guard");
    gold = dir.resolve("gold_t");
    bronze = dir.resolve("bronze_c");
    loose = dir.resolve("loose");
    SparkSession s = spark();
    s.sql("CREATE DATABASE IF NOT EXISTS g_gold");
    s.sql("CREATE DATABASE IF NOT EXISTS g_bronze");
    s.sql(
        "CREATE TABLE g_gold.t USING delta LOCATION '"
            + gold
            + "' AS SELECT * FROM VALUES ('a', 1), ('b', 2), ('c', 3) AS v(tp, n)");
    s.sql(
        "INSERT INTO g_gold.t VALUES ('d', 4)"); // version 1, so a RESTORE would have somewhere to
    // go
    s.sql(
        "CREATE TABLE g_gold.u USING delta LOCATION '"
            + dir.resolve("gold_u")
            + "' AS SELECT * FROM VALUES ('a', 10.0) AS v(tp, w)");
    s.sql(
        "CREATE TABLE g_bronze.c USING delta LOCATION '"
            + bronze
            + "' AS SELECT 'c1' AS customer_id, 'Ann Lee' AS full_name");
    s.range(2).write().format("delta").save(loose.toString());
  }

  @AfterAll
  void drop() {
    spark().sql("DROP DATABASE IF EXISTS g_gold CASCADE");
    spark().sql("DROP DATABASE IF EXISTS g_bronze CASCADE");
  }

  private static AutoCloseable guard() {
    return ReadOnlyGuard.install(
        new ReadOnlyGuard.Policy("read-only server", Set.of("g_gold"), ""));
  }

  /** The table's Delta version, counted from its log's commit files, and its rows sorted. */
  private String state(Path table) throws IOException {
    long commits = commitFiles(table);
    List<String> rows = new ArrayList<>();
    for (Row r : spark().read().format("delta").load(table.toString()).collectAsList()) {
      rows.add(r.toString());
    }
    rows.sort(String::compareTo);
    return "commits=" + commits + " rows=" + rows;
  }

  @Test
  void everyStatementThatWrites_isRefusedWithItsRule_andTheTablesStayAsTheyWere() throws Exception {
    String goldBefore = state(gold);
    String bronzeBefore = state(bronze);
    Map<String, String> attacks =
        Map.ofEntries(
            Map.entry("DELETE FROM g_gold.t WHERE tp = 'a'", "DELETE is not allowed"),
            Map.entry("delete  /* hidden */ from G_GOLD.T", "DELETE is not allowed"),
            Map.entry("UPDATE g_gold.t SET n = 0", "UPDATE is not allowed"),
            Map.entry("INSERT INTO g_gold.t VALUES ('x', 9)", "INSERT is not allowed"),
            Map.entry("INSERT OVERWRITE g_gold.t SELECT * FROM g_gold.t", "INSERT is not allowed"),
            Map.entry(
                "WITH x AS (SELECT 'y' AS tp, 1 AS n) INSERT INTO g_gold.t SELECT * FROM x",
                "INSERT is not allowed"),
            Map.entry(
                "MERGE INTO g_gold.t t USING g_gold.t s ON t.tp = s.tp WHEN MATCHED THEN DELETE",
                "MERGE is not allowed"),
            Map.entry(
                "CREATE TABLE g_gold.x USING delta AS SELECT 1 AS one",
                "CREATE TABLE is not allowed"),
            Map.entry(
                "CREATE TABLE g_gold.y USING delta LOCATION '"
                    + dir.resolve("y")
                    + "' AS SELECT 1 AS one",
                "CREATE TABLE is not allowed"),
            Map.entry("CREATE TABLE g_gold.z (a INT) USING delta", "CREATE TABLE is not allowed"),
            Map.entry("DROP TABLE g_gold.u", "DROP TABLE is not allowed"),
            Map.entry(
                "ALTER TABLE g_gold.t SET TBLPROPERTIES ('a' = 'b')", "ALTER TABLE is not allowed"),
            Map.entry("ALTER TABLE g_gold.t ADD COLUMNS (b INT)", "ALTER TABLE is not allowed"),
            Map.entry("TRUNCATE TABLE g_gold.t", "TRUNCATE TABLE is not allowed"),
            Map.entry("RESTORE TABLE g_gold.t TO VERSION AS OF 0", "RESTORE is not allowed"),
            Map.entry("VACUUM g_gold.t", "VACUUM is not allowed"),
            Map.entry("OPTIMIZE g_gold.t", "OPTIMIZE is not allowed"),
            Map.entry("CREATE DATABASE g_new", "CREATE DATABASE is not allowed"),
            Map.entry("DROP DATABASE g_gold CASCADE", "DROP DATABASE is not allowed"),
            Map.entry("CREATE FUNCTION f AS 'java.lang.String'", "CREATE FUNCTION is not allowed"),
            Map.entry(
                "CREATE TEMPORARY FUNCTION f AS 'java.lang.String'",
                "CREATE FUNCTION is not allowed"),
            Map.entry("ADD JAR " + dir.resolve("x.jar"), "ADD JAR is not allowed"),
            Map.entry("CACHE TABLE g_gold.t", "CACHE TABLE is not allowed"),
            Map.entry(
                "CREATE VIEW g_gold.v AS SELECT 1 AS one",
                "CREATE VIEW is not allowed; use CREATE TEMPORARY VIEW"),
            Map.entry(
                "CREATE GLOBAL TEMPORARY VIEW gv AS SELECT 1 AS one",
                "CREATE GLOBAL TEMPORARY VIEW is not allowed"),
            Map.entry(
                "INSERT OVERWRITE DIRECTORY '" + dir.resolve("out") + "' USING parquet SELECT 1",
                "INSERT OVERWRITE DIRECTORY is not allowed"),
            Map.entry(
                "SET spark.sql.runSQLOnFiles=true",
                "SET spark.sql.runSQLOnFiles is not allowed; settable: spark.sql.ansi.enabled, spark.sql.session.timeZone, spark.sql.thriftServer.incrementalCollect"),
            Map.entry("SET", "SET without a key is not allowed"),
            Map.entry("RESET", "RESET is not allowed"),
            Map.entry(
                "SELECT TRANSFORM(tp) USING 'cat' AS (x) FROM g_gold.t",
                "TRANSFORM ... USING (a program on the server) is not allowed"),
            Map.entry(
                "SELECT * FROM text.`/etc/hostname`",
                "direct file queries are not allowed (text.`/etc/hostname`)"),
            Map.entry(
                "CREATE TEMPORARY VIEW f USING text OPTIONS (path '/etc/hostname')",
                "CREATE TEMP VIEW USING is not allowed"),
            Map.entry("EXPLAIN DELETE FROM g_gold.t", "DELETE is not allowed"),
            Map.entry(
                "SELECT * FROM IDENTIFIER('g_bronze.c')", "an IDENTIFIER() clause is not allowed"),
            Map.entry("SELECT * FROM delta.`" + loose + "`", "direct file queries are not allowed"),
            Map.entry(
                "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
                "reflection functions (reflect, java_method) are not allowed"),
            Map.entry(
                "SELECT tp FROM g_gold.t WHERE tp = java_method('java.lang.String', 'valueOf', 'a')",
                "reflection functions (reflect, java_method) are not allowed"),
            Map.entry("SELECT full_name FROM g_bronze.c", "database g_bronze is not served"),
            Map.entry(
                "SELECT tp FROM g_gold.t WHERE tp IN (SELECT full_name FROM g_bronze.c)",
                "database g_bronze is not served"),
            Map.entry(
                "CREATE TEMPORARY VIEW leak AS SELECT * FROM g_bronze.c",
                "database g_bronze is not served"),
            Map.entry("SHOW TABLES IN g_bronze", "database g_bronze is not served"),
            Map.entry("DESCRIBE g_bronze.c", "database g_bronze is not served"));
    try (AutoCloseable g = guard()) {
      for (Map.Entry<String, String> a : attacks.entrySet()) {
        assertThatThrownBy(() -> spark().sql(a.getKey()).collectAsList())
            .as(a.getKey())
            .isInstanceOf(ReadOnlyGuard.Refused.class)
            .hasMessageStartingWith("cxgap: read-only server: " + a.getValue());
      }
    }
    assertThat(state(gold)).isEqualTo(goldBefore);
    assertThat(state(bronze)).isEqualTo(bronzeBefore);
    assertThat(spark().catalog().tableExists("g_gold.u")).isTrue();
    assertThat(spark().catalog().tableExists("g_gold.x")).isFalse();
    assertThat(Files.exists(dir.resolve("y"))).isFalse();
    assertThat(Files.exists(dir.resolve("out"))).isFalse();
  }

  @Test
  void settingsFromAClientsConnection_cannotTurnTheGuardOff() throws Exception {
    SparkSession client = spark().newSession();
    client.conf().set("spark.sql.runSQLOnFiles", "true"); // what a JDBC URL's hive settings do
    try (AutoCloseable g = guard()) {
      assertThatThrownBy(() -> client.sql("SELECT * FROM parquet.`" + loose + "`").collectAsList())
          .hasMessageContaining("direct file queries are not allowed");
      assertThatThrownBy(() -> client.sql("DELETE FROM g_gold.t").collectAsList())
          .hasMessageContaining("DELETE is not allowed");
    }
  }

  @Test
  void theQueriesABiToolSends_stillRun() throws Exception {
    SparkSession client = spark().newSession();
    try (AutoCloseable g = guard()) {
      client.sql("USE g_gold");
      client.sql("SET TIME ZONE 'UTC'");
      client.sql("SET spark.sql.session.timeZone = UTC");
      assertThat(client.sql("SHOW TABLES").collectAsList())
          .extracting(r -> r.getString(1))
          .containsExactlyInAnyOrder("t", "u");
      assertThat(client.sql("DESCRIBE t").collectAsList())
          .extracting(r -> r.getString(0))
          .contains("tp", "n");
      // join + aggregate: a = 1 with w = 10.0
      assertThat(
              client
                  .sql(
                      "SELECT t.tp, sum(n) AS n, max(w) AS w FROM t JOIN u USING (tp) GROUP BY t.tp")
                  .collectAsList())
          .extracting(Row::toString)
          .containsExactly("[a,1,10.0]");
      // window: running totals of 1..4 in tp order are 1, 3, 6, 10
      assertThat(
              client
                  .sql("SELECT sum(n) OVER (ORDER BY tp) AS run FROM t ORDER BY tp")
                  .collectAsList())
          .extracting(r -> r.getLong(0))
          .containsExactly(1L, 3L, 6L, 10L);
      client.sql("CREATE TEMPORARY VIEW big AS SELECT tp FROM g_gold.t WHERE n >= 3");
      assertThat(
              client
                  .sql(
                      "WITH b AS (SELECT * FROM big) SELECT count(*) FROM b WHERE tp IN (SELECT tp FROM t)")
                  .head()
                  .getLong(0))
          .isEqualTo(2L);
      assertThat(client.sql("SELECT count(*) FROM g_gold.t VERSION AS OF 0").head().getLong(0))
          .isEqualTo(3L);
      assertThat(client.sql("EXPLAIN SELECT * FROM t").head().getString(0)).contains("Scan");
    }
  }

  @Test
  void theServersOwnWork_andEverySessionWithoutAPolicy_areNotGuarded() throws Exception {
    try (AutoCloseable g = guard()) {
      String name =
          ReadOnlyGuard.unguarded(
              () -> spark().sql("SELECT full_name FROM g_bronze.c").head().getString(0));
      assertThat(name).isEqualTo("Ann Lee");
      assertThatThrownBy(() -> spark().sql("SELECT full_name FROM g_bronze.c").collectAsList())
          .as("the same thread after the unguarded work")
          .isInstanceOf(ReadOnlyGuard.Refused.class);
    }
    spark().sql("CREATE OR REPLACE TEMPORARY VIEW unguarded AS SELECT full_name FROM g_bronze.c");
    assertThat(spark().sql("SELECT * FROM unguarded").head().getString(0)).isEqualTo("Ann Lee");
  }

  @Test
  void aHint_followsTheRule() throws Exception {
    try (AutoCloseable g =
        ReadOnlyGuard.install(
            new ReadOnlyGuard.Policy("read-only", Set.of(), "sql --allow-writes runs it"))) {
      assertThatThrownBy(() -> spark().sql("DROP TABLE g_gold.u"))
          .hasMessage("cxgap: read-only: DROP TABLE is not allowed (sql --allow-writes runs it)")
          .extracting(e -> ((ReadOnlyGuard.Refused) e).rule())
          .isEqualTo("read-only: DROP TABLE is not allowed (sql --allow-writes runs it)");
      // no database list: every catalog table may be read, files still not
      assertThat(spark().sql("SELECT full_name FROM g_bronze.c").head().getString(0))
          .isEqualTo("Ann Lee");
      assertThatThrownBy(() -> spark().sql("SELECT * FROM delta.`" + loose + "`").collectAsList())
          .hasMessageContaining("direct file queries are not allowed");
    }
  }

  @Test
  void everySessionOfCxgap_parsesThroughTheGuard() {
    ReadOnlyGuard.requireActive(spark());
    ReadOnlyGuard.requireActive(spark().newSession());
  }
}

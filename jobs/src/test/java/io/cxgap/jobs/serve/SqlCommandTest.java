package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code cxgap sql}: the catalog names, the three output formats, and a bad query's exit code. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlCommandTest extends JobsTestBase {
  Path landing;
  Path warehouse;

  @BeforeAll
  void run() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-sql");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("wh");
    SampleGenerator.generate(
        new GeneratorOptions(landing, 50, 20, LocalDate.of(2026, 10, 31), 9, 0.0));
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "ingest", "--date", "2026-10-31"));
    assertThat(o.code()).as(o.toString()).isZero();
  }

  private Outcome sql(String query, String... more) {
    List<String> a =
        new java.util.ArrayList<>(List.of(args(landing, warehouse, repoCatalog(), "sql", query)));
    a.addAll(List.of(more));
    return cli(a.toArray(new String[0]));
  }

  @Test
  void tablesAreNamedByLayer_andTheTableFormatAligns() {
    long expected = table(warehouse, "bronze", "customers").count();
    Outcome o = sql("SELECT count(*) AS n, 'a,b' AS s FROM cx_bronze.customers");
    assertThat(o.code()).as(o.toString()).isZero();
    String n = String.valueOf(expected);
    int w = Math.max(1, n.length());
    assertThat(o.out().lines().toList())
        .containsExactly(
            String.format("%-" + w + "s | s", "n"),
            "-".repeat(w) + "-+----",
            String.format("%-" + w + "s | a,b", n),
            "(1 row)");
  }

  @Test
  void csvFormat_quotesPerRfc4180() {
    Outcome o =
        sql("SELECT 'x,y' AS a, 'say \"hi\"' AS b, CAST(NULL AS STRING) AS c", "--format", "csv");
    assertThat(o.code()).as(o.toString()).isZero();
    // RFC 4180 quoting; lines end in LF as psql's and DuckDB's do on Unix, so shell pipes get no CR
    assertThat(o.out()).isEqualTo("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\n");
  }

  @Test
  void jsonFormat_isJsonLines() {
    Outcome o =
        sql(
            "SELECT source, count(*) AS n FROM cx_bronze.ingest_log WHERE status = 'committed' GROUP BY source ORDER BY source",
            "--format",
            "json");
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(o.out().lines().toList())
        .containsExactly(
            "{\"source\":\"customers\",\"n\":1}",
            "{\"source\":\"interactions\",\"n\":1}",
            "{\"source\":\"surveys\",\"n\":1}");
  }

  @Test
  void badQuery_exits1_withSparksMessageOnOneLine() {
    Outcome o = sql("SELECT nope FROM cx_bronze.customers");
    assertThat(o.code()).as(o.toString()).isEqualTo(1);
    assertThat(o.err().strip().lines().count()).isEqualTo(1);
    assertThat(o.err()).contains("query failed").contains("nope");
  }

  @Test
  void withoutAllowWrites_everyStatementThatWrites_exits2NamingItsRule_andTheTableStays()
      throws IOException {
    Path bronze = warehouse.resolve("bronze/customers");
    long commits = commitFiles(bronze);
    long rows = table(warehouse, "bronze", "customers").count();
    Path file = warehouse.resolve("secret.txt");
    Files.writeString(file, "a file on the machine", java.nio.charset.StandardCharsets.UTF_8);
    java.util.Map<String, String> attacks = new java.util.LinkedHashMap<>();
    attacks.put("DELETE FROM cx_bronze.customers", "DELETE");
    attacks.put("UPDATE cx_bronze.customers SET segment = 'x'", "UPDATE");
    attacks.put("INSERT INTO cx_bronze.customers SELECT * FROM cx_bronze.customers", "INSERT");
    attacks.put(
        "MERGE INTO cx_bronze.customers t USING cx_bronze.customers s ON t.customer_id = s.customer_id WHEN MATCHED THEN DELETE",
        "MERGE");
    attacks.put("CREATE TABLE cx_gold.x USING delta AS SELECT 1 AS one", "CREATE TABLE");
    attacks.put(
        "CREATE TABLE cx_gold.x USING delta LOCATION '"
            + warehouse.resolve("x")
            + "' AS SELECT 1 AS one",
        "CREATE TABLE");
    attacks.put("DROP TABLE cx_bronze.customers", "DROP TABLE");
    attacks.put("ALTER TABLE cx_bronze.customers ADD COLUMNS (x INT)", "ALTER TABLE");
    attacks.put("CREATE FUNCTION f AS 'java.lang.String'", "CREATE FUNCTION");
    attacks.put("ADD JAR " + warehouse.resolve("x.jar"), "ADD JAR");
    attacks.put("SET spark.sql.runSQLOnFiles=true", "SET spark.sql.runSQLOnFiles");
    attacks.put("SELECT * FROM text.`" + file + "`", "direct file queries");
    attacks.put(
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        "reflection functions (reflect, java_method)");
    attacks.put(
        "SELECT java_method('java.lang.System', 'getenv', 'HOME')",
        "reflection functions (reflect, java_method)");
    for (java.util.Map.Entry<String, String> a : attacks.entrySet()) {
      Outcome o = sql(a.getKey());
      assertThat(o.code()).as("%s\n%s", a.getKey(), o).isEqualTo(2);
      assertThat(o.err().strip().lines().count()).as("one line: %s", o.err()).isEqualTo(1);
      assertThat(o.err())
          .as(a.getKey())
          .startsWith("cxgap: read-only: " + a.getValue())
          .contains("(cxgap sql --allow-writes runs statements that write)");
    }
    assertThat(commitFiles(bronze)).isEqualTo(commits);
    assertThat(table(warehouse, "bronze", "customers").count()).isEqualTo(rows);
    assertThat(Files.exists(warehouse.resolve("x"))).isFalse();
  }

  @Test
  void withAllowWrites_theSameStatementsRun() {
    Path scratch = warehouse.getParent().resolve("scratch");
    String create =
        "CREATE TABLE cx_gold.scratch USING delta LOCATION '" + scratch + "' AS SELECT 1 AS one";
    assertThat(sql(create).code()).isEqualTo(2);
    Outcome created = sql(create, "--allow-writes");
    assertThat(created.code()).as(created.toString()).isZero();
    assertThat(table(warehouse.getParent(), "", "scratch").count()).isEqualTo(1);
    Outcome dropped = sql("DROP TABLE cx_gold.scratch", "--allow-writes");
    assertThat(dropped.code()).as(dropped.toString()).isZero();
    Outcome after = sql("SELECT one FROM cx_gold.scratch");
    assertThat(after.code()).as("dropped from the catalog: %s", after).isEqualTo(1);
  }
}

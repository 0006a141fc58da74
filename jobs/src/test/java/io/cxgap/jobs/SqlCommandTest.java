package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
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
    SampleGenerator.generate(new GeneratorOptions(landing, 50, 20, LocalDate.of(2026, 10, 31), 9, 0.0));
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "ingest", "--date", "2026-10-31"));
    assertThat(o.code()).as(o.toString()).isZero();
  }

  private Outcome sql(String query, String... more) {
    List<String> a = new java.util.ArrayList<>(List.of(args(landing, warehouse, repoCatalog(), "sql", query)));
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
            String.format("%-" + w + "s | s", "n"), "-".repeat(w) + "-+----", String.format("%-" + w + "s | a,b", n), "(1 row)");
  }

  @Test
  void csvFormat_quotesPerRfc4180() {
    Outcome o = sql("SELECT 'x,y' AS a, 'say \"hi\"' AS b, CAST(NULL AS STRING) AS c", "--format", "csv");
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(o.out()).isEqualTo("a,b,c\r\n\"x,y\",\"say \"\"hi\"\"\",\r\n");
  }

  @Test
  void jsonFormat_isJsonLines() {
    Outcome o = sql("SELECT source, count(*) AS n FROM cx_bronze.ingest_log WHERE status = 'committed' GROUP BY source ORDER BY source", "--format", "json");
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(o.out().lines().toList())
        .containsExactly("{\"source\":\"customers\",\"n\":1}", "{\"source\":\"interactions\",\"n\":1}", "{\"source\":\"surveys\",\"n\":1}");
  }

  @Test
  void badQuery_exits1_withSparksMessageOnOneLine() {
    Outcome o = sql("SELECT nope FROM cx_bronze.customers");
    assertThat(o.code()).as(o.toString()).isEqualTo(1);
    assertThat(o.err().strip().lines().count()).isEqualTo(1);
    assertThat(o.err()).contains("query failed").contains("nope");
  }
}

package io.cxgap.bench;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.bench.results.BenchCsv;
import io.cxgap.bench.results.BenchRow;
import io.cxgap.jobs.JobsTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --jvm new}: the full nightly runs in a JVM of its own, which writes the step rows to
 * the CSV; the bench adds the JVM's start-to-exit time as step "process".
 */
class BenchNewJvmTest extends JobsTestBase {
  @TempDir Path tmp;

  @Test
  void fullNightlyInANewJvm_recordsStepsAndStartToExitTime() throws Exception {
    Path out = tmp.resolve("results");
    Outcome o =
        run(
            BenchMain::run,
            "--jvm",
            "new",
            "--cases",
            "full",
            "--scale",
            "0.003",
            "--work",
            tmp.resolve("work").toString(),
            "--out",
            out.toString(),
            "--label",
            "-Xmx3g, 2 cores",
            "--set",
            "cx.catalog=" + repoCatalog(),
            "--set",
            "spark.sql.shuffle.partitions=2",
            "--set",
            "spark.databricks.delta.snapshotPartitions=2");
    assertThat(o.code()).as(o.toString()).isZero();
    // the child's rows carry the bench's label intact, leading '-' and comma included
    assertThat(BenchCsv.read(out.resolve("bench-runs.csv")))
        .allSatisfy(r -> assertThat(r.label()).isEqualTo("-Xmx3g, 2 cores"));
    // the child's own output reaches the bench's: its step lines, then the bench's line for the JVM
    assertThat(o.out())
        .contains("ingest   ok")
        .contains("report   ok")
        .contains("bench: full nightly in a new JVM");

    List<BenchRow> rows = BenchCsv.read(out.resolve("bench-runs.csv"));
    assertThat(rows)
        .extracting(BenchRow::step)
        .containsExactly(
            "ingest",
            "conform",
            "gaps",
            "trends",
            "drivers",
            "clusters",
            "monitor",
            "report",
            "total",
            "process");
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.kase()).isEqualTo("full"))
        .allSatisfy(r -> assertThat(r.customers()).isEqualTo(300));
    BenchRow total = rows.get(rows.size() - 2);
    BenchRow process = rows.get(rows.size() - 1);
    // the JVM's start and its SparkSession's are in the process time, not in the steps'
    assertThat(process.wallS()).isGreaterThan(total.wallS());
    assertThat(process.rowsIn()).isEqualTo(total.rowsIn()).isEqualTo(rows.get(0).rowsIn());

    // the child wrote the warehouse: its run log's ingest row read what the CSV says
    Path warehouse = tmp.resolve("work/sf-0.003/warehouse-full");
    Row ingest =
        table(warehouse, "gold", "pipeline_run").where(col("job").equalTo("ingest")).head();
    assertThat(ingest.<Long>getAs("rows_read")).isEqualTo(rows.get(0).rowsIn()).isPositive();
    assertThat(ingest.<String>getAs("status")).isEqualTo("succeeded");

    String md = Files.readString(out.resolve("bench-summary.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains("(`--jvm new`)")
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "- As a scheduler runs it, a JVM from its start to its exit: full %.1f s.",
                process.wallS()));
  }
}

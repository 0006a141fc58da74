package io.cxgap.bench;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.bench.results.BenchCsv;
import io.cxgap.bench.results.BenchRow;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.jobs.JobsTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --jvm new --cases full,duckdb}, as a user runs the benchmark: the full nightly runs
 * in a JVM of its own, which writes the step rows to the CSV; the bench adds the JVM's
 * start-to-exit time as step "process". Then its peer, DuckDB running {@code bench/duckdb_gaps.sql}
 * over the same landing files (the generator's, planted bad rows and duplicates included), must
 * give the same {@code gold.gap_segment_touchpoint} as that nightly, value by value, doubles within
 * 1e-9: the bench exits non-zero on any difference.
 */
class BenchNewJvmTest extends JobsTestBase {
  static final LocalDate D = GeneratorOptions.DEFAULT_END_DATE;

  @TempDir Path tmp;

  @Test
  void fullNightlyInANewJvm_recordsStepsAndStartToExitTime_andDuckDbsGapTableEqualsItsOwn()
      throws Exception {
    Path out = tmp.resolve("results");
    Outcome o =
        run(
            BenchMain::run,
            "--jvm",
            "new",
            "--cases",
            "full,duckdb",
            "--scale",
            "0.004",
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

    List<BenchRow> all = BenchCsv.read(out.resolve("bench-runs.csv"));
    // the full nightly's rows, then the peer's one
    List<BenchRow> rows = all.subList(0, all.size() - 1);
    BenchRow peer = all.get(all.size() - 1);
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
        .allSatisfy(r -> assertThat(r.customers()).isEqualTo(400));
    BenchRow total = rows.get(rows.size() - 2);
    BenchRow process = rows.get(rows.size() - 1);
    // the JVM's start and its SparkSession's are in the process time, not in the steps'
    assertThat(process.wallS()).isGreaterThan(total.wallS());
    assertThat(process.rowsIn()).isEqualTo(total.rowsIn()).isEqualTo(rows.get(0).rowsIn());

    // the child wrote the warehouse: its run log's ingest row read what the CSV says
    Path warehouse = tmp.resolve("work/sf-0.004/warehouse-full");
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

    // the peer: its row in the CSV says it equals ours in every cell (the bench exited 0, so no
    // difference was found) ...
    List<Map<String, Object>> ours =
        GapTableDiff.ours(spark(), warehouse.resolve("gold/gap_segment_touchpoint").toString(), D);
    assertThat(peer.kase()).isEqualTo("duckdb");
    assertThat(peer.note()).isEqualTo("equal to ours in all " + ours.size() + " cells (1e-9)");
    assertThat(o.out()).contains("bench: DuckDB");
    // ... and the comparison had something to compare: every cut, shown and suppressed cells,
    // friction values
    assertThat(ours.stream().map(r -> r.get("segment_dimension")).distinct())
        .containsExactlyInAnyOrder("total", "segment", "region", "tier");
    assertThat(ours).anyMatch(r -> Boolean.TRUE.equals(r.get("suppressed")));
    assertThat(
            ours.stream()
                .filter(
                    r ->
                        r.get("p90_wait_s") != null
                            && r.get("gap_ci95_low") != null
                            && (Long) r.get("contacts") > 0)
                .count())
        .isGreaterThan(50);
    // and the comparison is not blind: one mean moved by 1e-7 is one difference
    List<Map<String, Object>> moved = new ArrayList<>();
    for (Map<String, Object> r : ours) {
      moved.add(new LinkedHashMap<>(r));
    }
    Map<String, Object> shown =
        moved.stream().filter(r -> r.get("gap_mean") != null).findFirst().orElseThrow();
    shown.put("gap_mean", (Double) shown.get("gap_mean") + 1e-7);
    assertThat(GapTableDiff.diff(ours, moved, 1e-9))
        .hasSize(1)
        .allMatch(d -> d.contains("gap_mean"));
  }
}

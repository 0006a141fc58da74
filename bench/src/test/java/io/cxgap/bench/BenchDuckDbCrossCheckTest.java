package io.cxgap.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.JobsTestBase;
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
 * The benchmark's peer at small scale: DuckDB running {@code bench/duckdb_gaps.sql} over the same
 * landing files (the generator's, planted bad rows and duplicates included) produces the same
 * {@code gold.gap_segment_touchpoint} as our ingest → conform → gaps, value by value, doubles
 * within 1e-9.
 */
class BenchDuckDbCrossCheckTest extends JobsTestBase {
  static final LocalDate D = GeneratorOptions.DEFAULT_END_DATE;

  @TempDir Path tmp;

  @Test
  void duckDbGapTable_equalsOurs_valueByValue() {
    Path landing = tmp.resolve("landing");
    Path warehouse = tmp.resolve("warehouse");
    SampleGenerator.generate(GeneratorOptions.defaults(landing).withCustomers(400));
    for (String step : List.of("ingest", "conform", "gaps")) {
      Outcome o = cli(args(landing, warehouse, repoCatalog(), step, "--date", D.toString()));
      assertThat(o.code()).as(o.toString()).isZero();
    }
    List<Map<String, Object>> ours = ours(warehouse);

    DuckDbPeer.Result peer =
        DuckDbPeer.run(
            new DuckDbPeer.Params(
                landing,
                TouchpointCatalog.load(repoCatalog()),
                D,
                90,
                5,
                List.of("segment", "region", "tier"),
                "expectation_",
                "experience_"),
            tmp.resolve("scratch"));

    assertThat(GapTableDiff.diff(ours, peer.rows(), 1e-9))
        .as("differences between ours and DuckDB's")
        .isEmpty();
    // the comparison had something to compare: every cut, shown and suppressed cells, friction
    // values
    assertThat(peer.rows()).hasSameSizeAs(ours);
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
    for (Map<String, Object> r : peer.rows()) {
      moved.add(new LinkedHashMap<>(r));
    }
    Map<String, Object> shown =
        moved.stream().filter(r -> r.get("gap_mean") != null).findFirst().orElseThrow();
    shown.put("gap_mean", (Double) shown.get("gap_mean") + 1e-7);
    assertThat(GapTableDiff.diff(ours, moved, 1e-9))
        .hasSize(1)
        .allMatch(d -> d.contains("gap_mean"));
  }

  private static List<Map<String, Object>> ours(Path warehouse) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r :
        table(warehouse, "gold", "gap_segment_touchpoint")
            .where(col("as_of_date").equalTo(lit(D.toString()).cast("date")))
            .collectAsList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      GapTableDiff.COLUMNS.forEach(c -> m.put(c, r.getAs(c)));
      out.add(m);
    }
    return out;
  }
}

package io.cxgap.bench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's growth and ratio maths, on hand-worked numbers. */
class BenchSummaryTest {

  @Test
  void growthExponent_isLogOfTimeRatioOverLogOfScaleRatio() {
    // 10 s at SF0.1, 100 s at SF1: ten times the data, ten times the time
    assertThat(BenchSummary.growthExponent(0.1, 10, 1, 100)).isCloseTo(1.0, within(1e-12));
    // 10 s → 40 s: ln 4 / ln 10 = 1.386294 / 2.302585 = 0.602060
    assertThat(BenchSummary.growthExponent(0.1, 10, 1, 40)).isCloseTo(0.602060, within(1e-6));
    // 10 s → 200 s: ln 20 / ln 10 = 2.995732 / 2.302585 = 1.301030
    assertThat(BenchSummary.growthExponent(0.1, 10, 1, 200)).isCloseTo(1.301030, within(1e-6));
    // 30 s at SF1 → 600 s at SF10: ln 20 / ln 10 again
    assertThat(BenchSummary.growthExponent(1, 30, 10, 600)).isCloseTo(1.301030, within(1e-6));
  }

  @Test
  void verdict_linearUpTo1point1_subLinearBelow0point9() {
    assertThat(BenchSummary.verdict(0.602)).isEqualTo("sub-linear");
    assertThat(BenchSummary.verdict(1.0)).isEqualTo("linear");
    assertThat(BenchSummary.verdict(1.1)).isEqualTo("linear");
    assertThat(BenchSummary.verdict(1.301)).isEqualTo("super-linear");
  }

  @Test
  void summary_takesTheNewestRunPerScale_andReportsRatios(@TempDir Path dir) {
    List<BenchRow> rows = new ArrayList<>();
    // an older SF0.1 run that the summary must ignore
    rows.addAll(run("r0", "2026-11-29T10:00:00Z", 0.1, 10_000, 99, 99, 99, 99, 99, 99));
    // SF0.1: full 20 s of which ingest 3 + conform 4 + gaps 5 = 12 s; incremental 6 s; DuckDB 4 s
    rows.addAll(run("r1", "2026-11-30T10:00:00Z", 0.1, 10_000, 20, 3, 4, 5, 6, 4));
    // SF1: full 80 s (ingest 10 + conform 12 + gaps 14 = 36 s), incremental 12 s, DuckDB 9 s
    rows.addAll(run("r2", "2026-11-30T11:00:00Z", 1, 100_000, 80, 10, 12, 14, 12, 9));
    Path csv = dir.resolve("bench-runs.csv");
    BenchCsv.append(csv, rows);
    List<BenchRow> back = BenchCsv.read(csv);
    // the label with a comma and quotes, and the machine with commas, survive the CSV
    assertThat(back).isEqualTo(rows);

    String md = BenchSummary.markdown(back);
    assertThat(md)
        .contains(
            "load average at start 0.10 on 2 cores of AMD EPYC (family 25, model 1, 2445 MHz)");
    // SF0.1: 6 / 20 = 0.30 of the full run; 12 / 4 = 3.0× DuckDB
    assertThat(md).contains("- Incremental next day: 6.0 s = 0.30 of the full run (20.0 s).");
    assertThat(md).contains("ours (ingest + conform + gaps) 12.0 s, DuckDB 4.0 s: 3.0× DuckDB");
    // SF1: 12 / 80 = 0.15; 36 / 9 = 4.0×
    assertThat(md).contains("- Incremental next day: 12.0 s = 0.15 of the full run (80.0 s).");
    assertThat(md).contains("ours (ingest + conform + gaps) 36.0 s, DuckDB 9.0 s: 4.0× DuckDB");
    // growth of the full run: ln(80/20)/ln(10) = 0.60; incremental ln(12/6)/ln(10) = 0.30
    assertThat(md).contains("| 1 | 80.0 | 0.60 | 12.0 | 0.30 | 9.0 | 4.0× |");
    assertThat(md).contains("SF0.1 → SF1: full run sub-linear (0.60)");
    assertThat(md).doesNotContain("99.0");
  }

  @Test
  void aLaterDuckDbOnlyRun_replacesOnlyTheDuckDbRows() {
    List<BenchRow> rows =
        new ArrayList<>(run("r1", "2026-11-30T10:00:00Z", 0.1, 10_000, 20, 3, 4, 5, 6, 4));
    rows.add(
        new BenchRow(
            "r3",
            "2026-11-30T12:00:00Z",
            "",
            "1.00 on 2 cores",
            0.1,
            10_000,
            "duckdb",
            "gap_segment_touchpoint",
            2,
            1000,
            140,
            null,
            "equal"));
    String md = BenchSummary.markdown(rows);
    // the full run of r1 (12 s for the three steps) against r3's DuckDB (2 s): 6.0×
    assertThat(md).contains("ours (ingest + conform + gaps) 12.0 s, DuckDB 2.0 s: 6.0× DuckDB");
    assertThat(md).contains("- Incremental next day: 6.0 s = 0.30 of the full run (20.0 s).");
    assertThat(md).doesNotContain("DuckDB 4.0 s");
  }

  @Test
  void aCaseThatDidNotRun_isNotMeasured_notNaN() {
    List<BenchRow> rows =
        new ArrayList<>(run("r1", "2026-11-30T10:00:00Z", 1, 100_000, 80, 10, 12, 14, 12, 9));
    // SF10: a full run of 800 s and no incremental or DuckDB case
    rows.addAll(
        run("r2", "2026-11-30T11:00:00Z", 10, 1_000_000, 800, 100, 120, 140, 0, 0).subList(0, 4));
    String md = BenchSummary.markdown(rows);
    // 80 s → 800 s over ten times the data: exponent ln 10 / ln 10 = 1.00
    assertThat(md)
        .contains(
            "| 10 | 800.0 | 1.00 | not measured | not measured | not measured | not measured |");
    assertThat(md).doesNotContain("NaN");
  }

  @Test
  void aRunInNewJvms_saysSo_andReportsStartToExitTimes() {
    List<BenchRow> rows =
        new ArrayList<>(run("r1", "2026-11-30T10:00:00Z", 1, 100_000, 80, 10, 12, 14, 40, 9));
    String load = "0.10 on 2 cores";
    // the same run's JVMs took 120 s (full) and 90 s (next day) from start to exit: 90 / 120 = 0.75
    rows.add(
        new BenchRow(
            "r1",
            "2026-11-30T10:00:00Z",
            "",
            load,
            1,
            100_000,
            "full",
            BenchRow.PROCESS,
            120,
            1000,
            2000,
            700L,
            ""));
    rows.add(
        new BenchRow(
            "r1",
            "2026-11-30T10:00:00Z",
            "",
            load,
            1,
            100_000,
            "incremental",
            BenchRow.PROCESS,
            90,
            10,
            200,
            400L,
            ""));
    String md = BenchSummary.markdown(rows);
    assertThat(md).contains("; each nightly in a JVM of its own (`--jvm new`)");
    assertThat(md)
        .contains(
            "- As a scheduler runs it, a JVM from its start to its exit: full 120.0 s, next day 90.0 s = 0.75 of the full run.");
    // the in-JVM totals are still reported: 40 / 80 = 0.50
    assertThat(md).contains("- Incremental next day: 40.0 s = 0.50 of the full run (80.0 s).");
    assertThat(md).contains("| full | process | 120.0 |");

    String same =
        BenchSummary.markdown(run("r2", "2026-11-30T10:00:00Z", 1, 100_000, 80, 10, 12, 14, 40, 9));
    assertThat(same)
        .contains("; every nightly in the bench's JVM, warm after its first (`--jvm same`)")
        .doesNotContain("As a scheduler");
  }

  private static List<BenchRow> run(
      String id,
      String at,
      double sf,
      long customers,
      double full,
      double ingest,
      double conform,
      double gaps,
      double incr,
      double duck) {
    String label = "idle, \"quiet\" box";
    String load = "0.10 on 2 cores of AMD EPYC (family 25, model 1, 2445 MHz)";
    return List.of(
        new BenchRow(
            id, at, label, load, sf, customers, "full", "ingest", ingest, 1000, 900, 512L, ""),
        new BenchRow(
            id, at, label, load, sf, customers, "full", "conform", conform, 900, 900, 600L, ""),
        new BenchRow(id, at, label, load, sf, customers, "full", "gaps", gaps, 900, 140, 700L, ""),
        new BenchRow(
            id, at, label, load, sf, customers, "full", "total", full, 1000, 2000, 700L, ""),
        new BenchRow(
            id, at, label, load, sf, customers, "incremental", "total", incr, 10, 200, 400L, ""),
        new BenchRow(
            id,
            at,
            label,
            load,
            sf,
            customers,
            "duckdb",
            "gap_segment_touchpoint",
            duck,
            1000,
            140,
            null,
            "equal"));
  }
}

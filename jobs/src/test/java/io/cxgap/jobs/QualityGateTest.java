package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityGateTest extends JobsTestBase {
  @TempDir Path dir;

  @Test
  void quarantinedShareAboveTheGate_exits3_logsTheFailure_andKeepsTheRowsForInspection() {
    Path landing = dir.resolve("landing");
    Path warehouse = dir.resolve("wh");
    SampleGenerator.generate(
        new GeneratorOptions(landing, 60, 30, LocalDate.of(2026, 10, 31), 3, 0.2));
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "nightly", "--date", "2026-10-31"));
    assertThat(o.code()).as(o.toString()).isEqualTo(3);
    assertThat(o.err().strip().lines().count()).as("one line on stderr: " + o.err()).isEqualTo(1);
    assertThat(o.err()).contains("quality gate").contains("cx.quality.max-quarantine-share");
    Row run = table(warehouse, "gold", "pipeline_run").where("job = 'ingest'").head();
    assertThat(run.<String>getAs("status")).isEqualTo("failed");
    assertThat(run.<String>getAs("message")).contains("quality gate");
    assertThat(table(warehouse, "bronze", "quarantine").count())
        .isEqualTo(run.<Long>getAs("rows_quarantined"));
    assertThat(table(warehouse, "gold", "pipeline_run").where("job = 'conform'").count())
        .as("the run stops at the gate")
        .isZero();
  }
}

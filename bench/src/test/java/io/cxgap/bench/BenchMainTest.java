package io.cxgap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.jobs.JobsTestBase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * bin/cxgap-bench's command line: help, version and usage errors as the product's commands give
 * them.
 */
class BenchMainTest {
  static JobsTestBase.Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        BenchMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new JobsTestBase.Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void bench_answersHelpAndVersion_withItsOwnUsage() {
    JobsTestBase.Outcome o = run("--help");
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(o.out())
        .startsWith("Usage: cxgap-bench ")
        .contains("--help")
        .contains("--scale")
        .contains("--jvm")
        .as("the generator's options, shared with cxgap generate")
        .contains("--days=N             days of data (default 180)")
        .contains("--messy-rate=R       share of rows broken on purpose (default 0.02)");
    assertThat(o.out())
        .as("bench-nightly is started by bench only")
        .doesNotContain("bench-nightly");
    assertThat(run("--version").out()).contains("cxgap 0.1.0");
  }

  @Test
  void badOption_pointsToTheBenchsHelp() {
    JobsTestBase.Outcome o = run("--frobnicate");
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err().strip().lines().count()).as("one line: " + o.err()).isEqualTo(1);
    assertThat(o.err()).contains("--frobnicate").contains("see cxgap-bench --help");
  }
}

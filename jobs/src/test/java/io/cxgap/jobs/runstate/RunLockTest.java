package io.cxgap.jobs.runstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock's rules, without Spark (the cross-process case is in KillRecoveryTest). */
class RunLockTest {
  static final LocalDate D = LocalDate.parse("2026-10-31");

  @TempDir Path dir;

  private CxConfig config(String warehouse) {
    return ConfigLoader.load(dir, null, List.of("cx.warehouse=" + warehouse));
  }

  @Test
  void secondHolder_isRefusedWithExit4_namingTheFirst_andTheLockIsFreeAfterClose() {
    CxConfig c = config(dir.resolve("wh").toString());
    try (RunLock first = RunLock.acquire(c, "nightly", D, "run-1")) {
      first.step("gaps", java.time.Instant.parse("2026-11-01T02:00:00Z"));
      assertThatThrownBy(() -> RunLock.acquire(c, "gaps", D, "run-2"))
          .isInstanceOf(CxException.class)
          .satisfies(e -> assertThat(((CxException) e).exitCode()).isEqualTo(CxException.LOCKED))
          .hasMessageContaining("is in use by another run")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .hasMessageContaining("nightly --date 2026-10-31, run run-1")
          .hasMessageContaining("step gaps");
    }
    assertThat(dir.resolve("wh/_cxgap/holder.properties")).doesNotExist();
    try (RunLock again = RunLock.acquire(c, "nightly", D, "run-3")) {
      assertThat(again.interrupted()).as("a clean exit leaves no interrupted run").isEmpty();
    }
  }

  @Test
  void holderFileLeftBehind_isAnInterruptedRun() throws IOException {
    Path cx = Files.createDirectories(dir.resolve("wh/_cxgap"));
    Files.writeString(
        cx.resolve("holder.properties"),
        "pid=77\nrun_id=run-dead\nstep=conform\ncommand=nightly\n",
        StandardCharsets.UTF_8);
    try (RunLock lock =
        RunLock.acquire(config(dir.resolve("wh").toString()), "nightly", D, "run-4")) {
      assertThat(lock.interrupted())
          .get()
          .satisfies(
              p -> {
                assertThat(p.getProperty("run_id")).isEqualTo("run-dead");
                assertThat(p.getProperty("step")).isEqualTo("conform");
              });
    }
  }

  @Test
  void objectStoreWarehouse_getsNoLock_localAndFileUrisDo() {
    assertThat(RunLock.localFolder("s3a://bucket/wh")).isEmpty();
    assertThat(RunLock.localFolder("abfss://c@a.dfs.core.windows.net/wh")).isEmpty();
    assertThat(RunLock.localFolder("file:/data/wh")).contains(Path.of("/data/wh"));
    assertThat(RunLock.localFolder("/data/wh")).contains(Path.of("/data/wh"));
    try (RunLock none = RunLock.acquire(config("s3a://bucket/wh"), "nightly", D, "run-5");
        RunLock other = RunLock.acquire(config("s3a://bucket/wh"), "nightly", D, "run-6")) {
      assertThat(none.interrupted()).isEmpty();
      assertThat(other.runId()).isEqualTo("run-6");
    }
  }
}

package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.jobs.runstate.FaultPoints;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a child JVM, on the test classpath, optionally told to pause at a fault
 * point ({@link FaultPoints}); the test then SIGKILLs it ({@link Process#destroyForcibly}) or
 * releases it. C1 only and the serial collector: a child starts in about half the CPU time.
 */
final class ChildCli implements AutoCloseable {
  static final Duration REACH_TIMEOUT = Duration.ofMinutes(5);

  final Process process;
  final Path log;
  final Path pauseDir;
  final String point;

  private ChildCli(Process process, Path log, Path pauseDir, String point) {
    this.process = process;
    this.log = log;
    this.pauseDir = pauseDir;
    this.point = point;
  }

  /** Starts {@code cxgap args...}; with {@code pausePoint} non-null, the child pauses there. */
  static ChildCli start(Path workDir, String pausePoint, String... args) throws IOException {
    Path pauseDir = Files.createDirectories(workDir.resolve("pause"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC"));
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")) {
        cmd.add(a);
      }
    }
    if (pausePoint != null) {
      cmd.add("-D" + FaultPoints.PAUSE + "=" + pausePoint);
      cmd.add("-D" + FaultPoints.PAUSE_DIR + "=" + pauseDir);
    }
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    cmd.addAll(List.of("-cp", cp, Cli.class.getName()));
    cmd.addAll(List.of(args));
    Path log = Files.createTempFile(workDir, "child-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().remove("CXGAP_PAUSE");
    pb.environment().remove("CXGAP_FAULT");
    return new ChildCli(pb.start(), log, pauseDir, pausePoint);
  }

  /** Waits until the child reports the pause point, failing with its output if it exits first. */
  ChildCli awaitPause() throws Exception {
    Path reached = pauseDir.resolve(point + ".reached");
    long deadline = System.nanoTime() + REACH_TIMEOUT.toNanos();
    while (!Files.exists(reached)) {
      assertThat(process.isAlive())
          .as("child exited before reaching %s:%n%s", point, output())
          .isTrue();
      assertThat(System.nanoTime())
          .as("child did not reach %s in time:%n%s", point, output())
          .isLessThan(deadline);
      Thread.sleep(50);
    }
    assertThat(Files.readString(reached, StandardCharsets.UTF_8).trim())
        .isEqualTo(Long.toString(process.pid()));
    return this;
  }

  /** SIGKILL, as a scheduler's hard kill: no shutdown hook, no finally block runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  void release() throws IOException {
    Files.writeString(pauseDir.resolve(point + ".release"), "go", StandardCharsets.UTF_8);
  }

  int awaitExit() throws InterruptedException {
    assertThat(process.waitFor(REACH_TIMEOUT.toMinutes(), TimeUnit.MINUTES))
        .as("child finished")
        .isTrue();
    return process.exitValue();
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}

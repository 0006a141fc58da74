package io.cxgap.bench;

import io.cxgap.common.CxErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark command ({@link BenchMain}) in a JVM of its own, started as this one was: the same
 * java, JVM flags (heap, --add-opens, -D and -XX settings) and class path, so that it measures what
 * a scheduler's {@code bin/cxgap} run would. A debugger agent or a flight recording of this JVM is
 * not copied.
 */
final class ChildJvm {
  private ChildJvm() {}

  /** The command line up to and including {@code subcommand}. */
  static List<String> command(String subcommand) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:jdwp")
          && !a.startsWith("-XX:StartFlightRecording")
          && !a.startsWith("-XX:FlightRecorderOptions")) {
        cmd.add(a);
      }
    }
    cmd.addAll(
        List.of(
            "-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), subcommand));
    return cmd;
  }

  /**
   * Runs {@code cmd}, copying its standard output and error to {@code out}, and returns its wall
   * time in seconds, from start to exit; a non-zero exit is a failure of {@code job} for {@code
   * date}.
   */
  static double run(List<String> cmd, PrintStream out, String job, String date) {
    long t0 = System.nanoTime();
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      // a bench stopped by a signal stops its nightly too, instead of leaving it running alone
      Thread stop = new Thread(p::destroy, "cxgap-stop-child");
      Runtime.getRuntime().addShutdownHook(stop);
      int code;
      try {
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            out.println(line);
          }
        }
        code = p.waitFor();
      } finally {
        if (p.isAlive()) {
          p.destroy();
        }
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or has run: nothing to remove
        }
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        throw CxErrors.jobFailed(
            job,
            date,
            new IllegalStateException("its JVM exited with " + code + "; the output is above"));
      }
      return wall;
    } catch (IOException e) {
      throw new UncheckedIOException(job + ": cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(job + ": interrupted", e);
    }
  }
}

package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/cxgap} run as its own process, as a scheduler or a user starts it, with its output in
 * {@code <dir>/<name>.out} and {@code .err}; {@link #serve} starts {@code serve} on a free loopback
 * port and waits until it prints its JDBC URL.
 */
final class ServeProcess implements AutoCloseable {
  final Process process;
  final Path out;
  final Path err;
  final int port;

  private ServeProcess(Process process, Path out, Path err, int port) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.port = port;
  }

  static Path launcher() {
    return Path.of(System.getProperty("cx.jobs.target"))
        .getParent()
        .getParent()
        .resolve("bin/cxgap");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** {@code bin/cxgap args... --set cx.warehouse=W}, in {@code dir}, not yet started. */
  static ProcessBuilder cxgap(
      Path dir, Path warehouse, String name, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of(launcher().toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(
        List.of("--set", "cx.warehouse=" + warehouse, "--set", "spark.sql.shuffle.partitions=2"));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("CXGAP_JAVA_OPTS", "-Xmx1g");
    pb.environment().putAll(env);
    pb.redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile());
    return pb;
  }

  /** Starts {@code serve --port <free> --refresh 0 extra...} and waits for its JDBC URL line. */
  static ServeProcess serve(Path dir, Path warehouse, Map<String, String> env, String... extra)
      throws Exception {
    int port = freePort();
    List<String> args =
        new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--refresh", "0"));
    args.addAll(List.of(extra));
    Process p = cxgap(dir, warehouse, "serve", env, args.toArray(new String[0])).start();
    ServeProcess s = new ServeProcess(p, dir.resolve("serve.out"), dir.resolve("serve.err"), port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (!read(s.out).contains("JDBC URL")) {
      assertThat(p.isAlive())
          .as("serve exited early with %s\n%s", p.isAlive() ? "" : p.exitValue(), s.logs())
          .isTrue();
      assertThat(System.nanoTime())
          .as("serve did not start in time\n%s", s.logs())
          .isLessThan(deadline);
      Thread.sleep(250);
    }
    return s;
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  String logs() {
    return "--- serve stdout\n" + read(out) + "\n--- serve stderr\n" + read(err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}

package io.cxgap.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Spark standalone cluster for integration tests: a master and one worker, each in its own
 * JVM, started from the Spark jars in {@code <sparkHome>/jars} and bound to 127.0.0.1 only
 * (DESIGN.md §8). {@link #close()} stops them and every JVM the worker started.
 */
final class StandaloneCluster implements AutoCloseable {
  /** Small, quick-starting JVMs: the test's data is tiny and the machine is shared. */
  static final List<String> SMALL_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.timezone=UTC");

  private static final String LOOPBACK = "127.0.0.1";

  private final Path sparkHome;
  private final Path dir;
  private final List<String> jvmFlags;
  private final int masterPort = freePort();
  private final int masterUiPort = freePort();
  private final List<Process> processes = new ArrayList<>();

  private StandaloneCluster(Path sparkHome, Path dir, List<String> jvmFlags) {
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.jvmFlags = List.copyOf(jvmFlags);
  }

  /**
   * Starts the master and a worker with the given cores and memory, and waits until the worker has
   * registered.
   *
   * @param sparkHome a folder whose {@code jars/} holds Spark's runtime jars
   * @param dir where the logs and the worker's work folder go
   * @param jvmFlags the flags Spark needs on Java 17 (DESIGN.md §8)
   */
  static StandaloneCluster start(
      Path sparkHome, Path dir, List<String> jvmFlags, int cores, String memory)
      throws IOException, InterruptedException {
    // The launcher code the worker uses to build driver and executor commands takes a folder
    // with a RELEASE file as a Spark distribution and then uses its jars/ as the classpath.
    Files.writeString(
        sparkHome.resolve("RELEASE"),
        "Spark 3.5.4 (jars from Maven, for tests)\n",
        StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("work"));
    StandaloneCluster c = new StandaloneCluster(sparkHome, dir, jvmFlags);
    try {
      c.processes.add(
          c.java(
              "master",
              "org.apache.spark.deploy.master.Master",
              "--host",
              LOOPBACK,
              "--port",
              String.valueOf(c.masterPort),
              "--webui-port",
              String.valueOf(c.masterUiPort)));
      c.awaitMaster(Duration.ofSeconds(60));
      c.processes.add(
          c.java(
              "worker",
              "org.apache.spark.deploy.worker.Worker",
              "--host",
              LOOPBACK,
              "--port",
              String.valueOf(freePort()),
              "--webui-port",
              String.valueOf(freePort()),
              "--cores",
              String.valueOf(cores),
              "--memory",
              memory,
              "--work-dir",
              dir.resolve("work").toString(),
              c.masterUrl()));
      c.awaitWorker(Duration.ofSeconds(60));
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://" + LOOPBACK + ":" + masterPort;
  }

  /**
   * Runs {@code spark-submit} (Spark's {@code SparkSubmit} in its own JVM, as the script does) and
   * returns its exit code; its output goes to {@code submit.log}.
   */
  int submit(List<String> args, Duration timeout) throws IOException, InterruptedException {
    List<String> a = new ArrayList<>(List.of("--master", masterUrl()));
    a.addAll(args);
    Process p = java("submit", "org.apache.spark.deploy.SparkSubmit", a.toArray(new String[0]));
    processes.add(p);
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "spark-submit did not return within " + timeout + "\n" + log("submit"));
    }
    return p.exitValue();
  }

  /** The master's state, as its web UI serves it at /json. */
  JsonNode state() throws IOException {
    try (InputStream in =
        URI.create("http://" + LOOPBACK + ":" + masterUiPort + "/json/").toURL().openStream()) {
      return new ObjectMapper().readTree(in);
    }
  }

  /**
   * Waits until the master lists a completed driver and none still active, and returns it. A
   * standalone cluster-mode spark-submit returns once the driver is accepted, with exit code 0
   * whatever the driver then does, so the driver's final state is the verdict.
   */
  JsonNode awaitDriver(Duration timeout) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      JsonNode s = state();
      if (s.path("completeddrivers").size() > 0 && s.path("activedrivers").size() == 0) {
        return s.path("completeddrivers").get(0);
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "no driver finished within " + timeout + "; master state:\n" + state().toPrettyString());
  }

  /** The end of a process's log, or of a driver's stdout and stderr in the worker's work folder. */
  String log(String name) {
    Path driver = dir.resolve("work").resolve(name);
    if (Files.isDirectory(driver)) {
      return "--- driver stdout\n"
          + tail(driver.resolve("stdout"))
          + "\n--- driver stderr\n"
          + tail(driver.resolve("stderr"));
    }
    return "--- " + name + ".log\n" + tail(dir.resolve(name + ".log"));
  }

  private static String tail(Path f) {
    try {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(" + f + ": " + e.getMessage() + ")";
    }
  }

  private Process java(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.addAll(SMALL_JVM);
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(name + ".log").toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    // The worker's command builder needs it outside a Spark distribution's scripts.
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", LOOPBACK);
    env.put("SPARK_CONF_DIR", dir.resolve("conf").toString());
    env.remove("SPARK_MASTER");
    return pb.start();
  }

  private void awaitMaster(Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      try {
        if ("ALIVE".equals(state().path("status").asText())) {
          return;
        }
      } catch (IOException notYet) {
        // the web UI is not up yet
      }
      requireAlive();
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        "master did not come up within " + timeout + "\n" + log("master"));
  }

  private void awaitWorker(Duration timeout) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (state().path("aliveworkers").asInt() >= 1) {
        return;
      }
      requireAlive();
      Thread.sleep(300);
    }
    throw new IllegalStateException(
        "worker did not register within " + timeout + "\n" + log("worker"));
  }

  private void requireAlive() {
    for (Process p : processes) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "a cluster JVM exited with "
                + p.exitValue()
                + "\n"
                + log("master")
                + "\n"
                + log("worker"));
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on " + LOOPBACK, e);
    }
  }

  /** Stops the worker's drivers and executors, then the worker and the master. */
  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).descendants().forEach(all::add);
      all.add(processes.get(i).toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(15, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        h.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        h.destroyForcibly();
      }
    }
  }
}

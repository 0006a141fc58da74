package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line a launcher in {@code bin/} gives its JVM: the launcher runs with a {@code
 * JAVA_HOME} whose {@code java} is a script that writes down its arguments, and {@code
 * CXGAP_JAVA_OPTS} unset unless {@code env} sets it. The jars must be built: an out-of-date jar
 * would make the launcher build them first.
 */
public final class LauncherArgs {
  private LauncherArgs() {}

  /** The repository's {@code bin/<name>}, from the jobs module's target folder. */
  public static Path launcher(String name) {
    return Path.of(System.getProperty("cx.jobs.target"))
        .toAbsolutePath()
        .normalize()
        .getParent()
        .getParent()
        .resolve("bin")
        .resolve(name);
  }

  /** Every argument {@code launcher} gives {@code java}, in order; fails unless it exits 0. */
  public static List<String> of(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("cxgap-java");
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path seen = home.resolve("args");
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + seen + "'\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", home.toString());
    pb.environment().remove("CXGAP_JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .as("the jars are built: the launcher builds nothing")
        .doesNotContain("building");
    return Files.readAllLines(seen, StandardCharsets.UTF_8);
  }

  /** The JVM options of {@link #of}: the arguments before {@code -cp}. */
  public static List<String> jvmOptions(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> all = of(launcher, env, args);
    return all.subList(0, all.indexOf("-cp"));
  }
}

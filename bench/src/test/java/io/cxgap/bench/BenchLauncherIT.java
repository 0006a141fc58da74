package io.cxgap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.jobs.LauncherArgs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/cxgap-bench} gives its JVM the options {@code bin/cxgap} gives a batch command (both
 * take them from {@code bin/lib/jvm.sh}), so that the benchmark, and the nightlies it starts with
 * its own options ({@code --jvm new}), measure the product as {@code bin/cxgap} runs it. The JVM
 * here is a script that writes down its arguments.
 */
class BenchLauncherIT {
  private static final Path BENCH = LauncherArgs.launcher("cxgap-bench");
  private static final Path CXGAP = LauncherArgs.launcher("cxgap");

  private static List<String> nightly(Map<String, String> env) throws Exception {
    return LauncherArgs.jvmOptions(CXGAP, env, "nightly", "--date", "2026-10-31");
  }

  @Test
  void benchJvm_hasTheOptionsOfANightly_withEachCxgapJavaOpts() throws Exception {
    List<String> defaults = LauncherArgs.jvmOptions(BENCH, Map.of(), "--help");
    assertThat(defaults)
        .isEqualTo(nightly(Map.of()))
        .contains(
            "-Xmx4g",
            "-XX:+UseParallelGC",
            "-XX:-DontCompileHugeMethods",
            "-XX:Tier4InvocationThreshold=50000",
            "-Duser.timezone=UTC",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    for (Map<String, String> env :
        List.of(
            Map.of("CXGAP_JAVA_OPTS", "-Xmx8g"),
            Map.of("CXGAP_JAVA_OPTS", "-Xmx8g -XX:+UseG1GC"))) {
      assertThat(LauncherArgs.jvmOptions(BENCH, env, "--help"))
          .as("%s", env)
          .isEqualTo(nightly(env));
    }
    assertThat(LauncherArgs.jvmOptions(BENCH, Map.of("CXGAP_JAVA_OPTS", "-XX:+UseG1GC"), "--help"))
        .as("a collector named in CXGAP_JAVA_OPTS wins")
        .contains("-XX:+UseG1GC")
        .doesNotContain("-XX:+UseParallelGC");
  }

  @Test
  void benchRunsItsOwnMainClass_onItsOwnClassPath() throws Exception {
    List<String> all = LauncherArgs.of(BENCH, Map.of(), "--help");
    int cp = all.indexOf("-cp");
    assertThat(all.get(cp + 1))
        .startsWith(BENCH.getParent().getParent().resolve("bench/target") + "/");
    assertThat(all.subList(cp + 2, all.size()))
        .containsExactly("io.cxgap.bench.BenchMain", "--help");
  }
}

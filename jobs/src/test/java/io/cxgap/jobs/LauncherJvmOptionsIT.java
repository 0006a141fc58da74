package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JVM options {@code bin/cxgap} gives each command (README, Launcher environment): the short
 * commands ({@code sql}, {@code alerts}, {@code runs}) run with C1 only and the serial collector,
 * and map sql's class archive, which only sql writes; {@code serve} runs with {@code -Xmx4g} and
 * the JVM's own collector, the batch commands with {@code -Xmx4g} and the parallel collector;
 * {@code CXGAP_JAVA_OPTS} replaces the heap and the short commands' options, and the batch commands
 * keep the parallel collector unless it names a collector itself. The JVM here is a script that
 * writes down its arguments.
 */
class LauncherJvmOptionsIT {
  private static final Path LAUNCHER = LauncherArgs.launcher("cxgap");

  private static List<String> jvmOptions(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return allJvmOptions(env, args).stream()
        .filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:TieredStop") || a.contains("GC"))
        .toList();
  }

  /** Every option the launcher gives the JVM, up to the class path. */
  private static List<String> allJvmOptions(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return LauncherArgs.jvmOptions(LAUNCHER, env, args);
  }

  private static List<String> cds(List<String> options) {
    return options.stream().filter(a -> a.contains("Archive") || a.contains("cds")).toList();
  }

  @Test
  void sql_writesAClassArchiveOnce_thenItAndTheOtherShortCommandsMapIt() throws Exception {
    Path dir = Files.createTempDirectory("cxgap-cds");
    Path archive = dir.resolve("sql.jsa");
    Map<String, String> env = Map.of("CXGAP_CDS_ARCHIVE", archive.toString());
    List<String> first = cds(allJvmOptions(env, "sql", "SELECT 1"));
    assertThat(first).hasSize(3);
    assertThat(first.get(0))
        .as("written under a name of its own, moved into place when whole")
        .startsWith("-XX:ArchiveClassesAtExit=" + archive + ".")
        .endsWith(".tmp");
    assertThat(first.subList(1, 3)).containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    assertThat(cds(allJvmOptions(env, "runs")))
        .as("runs and alerts write no archive: theirs would lack the classes sql needs")
        .isEmpty();
    assertThat(cds(allJvmOptions(env, "alerts", "--date", "2026-10-31"))).isEmpty();
    assertThat(archive).as("this JVM wrote none: nothing moved into place").doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left).as("no temporary file left").isEmpty();
    }

    Files.writeString(archive, "archive"); // newer than the jars
    List<String> mapped =
        List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    assertThat(cds(allJvmOptions(env, "sql", "SELECT 1"))).containsExactlyElementsOf(mapped);
    assertThat(cds(allJvmOptions(env, "runs"))).containsExactlyElementsOf(mapped);
    assertThat(cds(allJvmOptions(env, "alerts", "--date", "2026-10-31")))
        .containsExactlyElementsOf(mapped);
    assertThat(cds(allJvmOptions(env, "nightly", "--date", "2026-10-31"))).isEmpty();
    Map<String, String> off = Map.of("CXGAP_CDS_ARCHIVE", archive.toString(), "CXGAP_CDS", "off");
    assertThat(cds(allJvmOptions(off, "sql", "SELECT 1"))).isEmpty();
  }

  @Test
  void shortCommandsRunWithC1AndTheSerialCollector_serveWithTheHeapOnly_batchWithTheParallelOne()
      throws Exception {
    assertThat(jvmOptions(Map.of(), "sql", "SELECT 1"))
        .containsExactly("-Xmx4g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(jvmOptions(Map.of(), "serve", "--help")).containsExactly("-Xmx4g");
    for (String[] shortCommand :
        List.of(new String[] {"runs"}, new String[] {"alerts", "--date", "2026-10-31"})) {
      assertThat(jvmOptions(Map.of(), shortCommand))
          .as(shortCommand[0])
          .containsExactly("-Xmx4g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }
    assertThat(jvmOptions(Map.of(), "forget", "--help"))
        .containsExactly("-Xmx4g", "-XX:+UseParallelGC");
    assertThat(jvmOptions(Map.of(), "nightly", "--date", "2026-10-31"))
        .containsExactly("-Xmx4g", "-XX:+UseParallelGC");
  }

  @Test
  void cxgapJavaOpts_replacesTheDefaults_butABatchCommandKeepsTheParallelCollector()
      throws Exception {
    assertThat(jvmOptions(Map.of("CXGAP_JAVA_OPTS", "-Xmx2g"), "sql", "SELECT 1"))
        .containsExactly("-Xmx2g");
    assertThat(jvmOptions(Map.of("CXGAP_JAVA_OPTS", "-Xmx8g"), "nightly", "--date", "2026-10-31"))
        .containsExactly("-Xmx8g", "-XX:+UseParallelGC");
    assertThat(jvmOptions(Map.of("CXGAP_JAVA_OPTS", "-Xmx8g -XX:+UseG1GC"), "generate", "--help"))
        .as("a collector named in CXGAP_JAVA_OPTS wins")
        .containsExactly("-Xmx8g", "-XX:+UseG1GC");
  }
}

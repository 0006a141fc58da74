package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The spark-submit jar (DESIGN.md §7): our code and relocated libraries, no Spark, Scala or Delta.
 */
class SparkJarIT {
  static Path jar() {
    return Path.of(
        System.getProperty("cx.jobs.target"),
        "cxgap-jobs-" + System.getProperty("cx.version") + "-spark.jar");
  }

  @Test
  void sparkJar_holdsNoSparkScalaOrDeltaClasses_andRelocatesItsLibraries() throws IOException {
    try (JarFile jar = new JarFile(jar().toFile())) {
      List<String> classes =
          jar.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
      assertThat(classes).as("classes in the jar").isNotEmpty();
      assertThat(classes)
          .as("classes a cluster provides")
          .noneMatch(
              n ->
                  n.startsWith("org/apache/spark/")
                      || n.startsWith("scala/")
                      || n.startsWith("io/delta/")
                      || n.startsWith("org/apache/hadoop/")
                      || n.startsWith("com/fasterxml/"));
      assertThat(classes)
          .as("DuckDB, the benchmark's peer, stays out of the cluster jar")
          .noneMatch(n -> n.startsWith("org/duckdb/"));
      assertThat(jar.stream().map(ZipEntry::getName))
          .as("nor its native library")
          .noneMatch(n -> n.contains("libduckdb"));
      assertThat(classes)
          .as("libraries that could clash with a cluster's classpath are relocated")
          .noneMatch(
              n ->
                  n.startsWith("com/typesafe/")
                      || n.startsWith("picocli/")
                      || n.startsWith("org/apache/commons/math3/"));
      assertThat(classes)
          .as("every class is cxgap's own or a library relocated under io/cxgap/shaded/")
          .allMatch(n -> n.startsWith("io/cxgap/"));
      assertThat(jar.stream().map(ZipEntry::getName))
          .as("no module descriptor: the jar is a plain classpath jar")
          .noneMatch(n -> n.endsWith("module-info.class"));
      assertThat(classes)
          .contains("io/cxgap/jobs/Cli.class", "io/cxgap/common/gaps/GapCells.class");
      assertThat(classes)
          .anyMatch(n -> n.startsWith("io/cxgap/shaded/picocli/"))
          .anyMatch(n -> n.startsWith("io/cxgap/shaded/commons/math3/"));
      assertThat(classes).anyMatch(n -> n.startsWith("io/cxgap/shaded/typesafe/config/"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.cxgap.jobs.Cli");
      assertThat(jar.getEntry("cxgap/application.conf"))
          .as("the built-in config defaults")
          .isNotNull();
    }
  }

  @Test
  void theProduct_holdsNoBenchmark_andNoDuckDb() throws IOException {
    // DESIGN.md §2: the benchmark and its DuckDB peer live beside the product (the bench module)
    Path target = Path.of(System.getProperty("cx.jobs.target"));
    List<String> classpath =
        List.of(
            Files.readString(target.resolve("classpath.txt"), StandardCharsets.UTF_8)
                .strip()
                .split(java.io.File.pathSeparator));
    assertThat(classpath)
        .as("bin/cxgap's class path")
        .isNotEmpty()
        .noneMatch(p -> p.contains("duckdb"));
    for (Path p :
        List.of(jar(), target.resolve("cxgap-jobs-" + System.getProperty("cx.version") + ".jar"))) {
      try (JarFile jar = new JarFile(p.toFile())) {
        assertThat(jar.stream().map(ZipEntry::getName))
            .as("entries of " + p.getFileName())
            .isNotEmpty()
            .noneMatch(
                n ->
                    n.startsWith("io/cxgap/bench/")
                        || n.startsWith("io/cxgap/jobs/bench/")
                        || n.startsWith("org/duckdb/")
                        || n.contains("libduckdb")
                        || n.endsWith("duckdb_gaps.sql"));
      }
    }
  }
}

package io.cxgap.jobs;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.pipeline.Steps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code nightly} submitted with spark-submit, in cluster deploy mode, to a real standalone master
 * and worker (DESIGN.md §7): the -spark.jar with Delta given as {@code --jars}, {@code
 * conf/cluster.conf}, landing and warehouse as file:// URIs. Every silver and gold table must
 * equal, value by value, what a local run on the same landing zone writes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneClusterIT extends JobsTestBase {
  static final LocalDate DATE = LocalDate.of(2026, 10, 31);
  static final String APP_NAME = "cxgap-standalone-it";
  static final String[][] COMPARED = {
    {"silver", "customers"}, {"silver", "survey_items"}, {"silver", "interactions"},
    {"gold", "gap_segment_touchpoint"}, {"gold", "gap_trend"}, {"gold", "touchpoint_driver"},
    {"gold", "customer_pain_cluster"}, {"gold", "pain_cluster_profile"}
  };

  /** Columns that identify the run rather than the data: a fresh id every run. */
  static final Set<String> RUN_COLUMNS = Set.of("run_id");

  Path landing;
  Path clusterWarehouse;
  Path localWarehouse;
  int submitExit;
  JsonNode driver;
  JsonNode master;
  String driverLog;
  Outcome local;

  @BeforeAll
  void runOnTheClusterAndLocally() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("cxgap-cluster-it");
    landing = dir.resolve("landing");
    clusterWarehouse = dir.resolve("cluster-warehouse");
    localWarehouse = dir.resolve("local-warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 150, 60, DATE, 11, 0.02));

    Path target = Path.of(System.getProperty("cx.jobs.target"));
    Path sparkHome = Path.of(System.getProperty("cx.spark.home"));
    List<String> sparkFlags =
        Arrays.asList(System.getProperty("cx.spark.jvm.flags").trim().split("\\s+"));
    long t0 = System.nanoTime();
    // 3 cores: the cluster-mode driver takes one of the worker's cores, the executor two.
    try (StandaloneCluster cluster =
        StandaloneCluster.start(sparkHome, dir.resolve("cluster"), sparkFlags, 3, "3g")) {
      long t1 = System.nanoTime();
      submitExit = cluster.submit(submitArgs(target, sparkFlags), Duration.ofSeconds(120));
      // The local run goes while the cluster's driver works: both spend much of their time
      // waiting on small jobs and Delta commits rather than on the CPU.
      long t2 = System.nanoTime();
      local =
          cli(args(landing, localWarehouse, repoCatalog(), "nightly", "--date", DATE.toString()));
      long t3 = System.nanoTime();
      driver = cluster.awaitDriver(Duration.ofMinutes(10));
      master = cluster.state();
      driverLog = cluster.log(driver.path("id").asText()) + "\n" + cluster.log("submit");
      System.out.printf(
          Locale.ROOT,
          "cluster up %.1fs, spark-submit %.1fs, local nightly %.1fs, cluster driver done %.1fs after submit%n",
          (t1 - t0) / 1e9,
          (t2 - t1) / 1e9,
          (t3 - t2) / 1e9,
          (System.nanoTime() - t1) / 1e9);
    }
  }

  private List<String> submitArgs(Path target, List<String> sparkFlags) {
    Path repo = repoRoot();
    String jvm = String.join(" ", sparkFlags) + " " + String.join(" ", StandaloneCluster.SMALL_JVM);
    String deltaJars;
    try (var files = Files.list(Path.of(System.getProperty("cx.delta.jars")))) {
      deltaJars = files.map(Path::toString).sorted().collect(Collectors.joining(","));
    } catch (IOException e) {
      throw new IllegalStateException("the Delta jars (mvn pre-integration-test copies them)", e);
    }
    return List.of(
        "--deploy-mode",
        "cluster",
        "--name",
        APP_NAME,
        "--class",
        "io.cxgap.jobs.Cli",
        "--jars",
        deltaJars,
        "--driver-memory",
        "1g",
        "--driver-cores",
        "1",
        "--executor-memory",
        "1g",
        "--executor-cores",
        "2",
        "--total-executor-cores",
        "2",
        "--conf",
        "spark.driver.extraJavaOptions=" + jvm,
        "--conf",
        "spark.executor.extraJavaOptions=" + jvm,
        // What the local run uses: k-means' seeded sampling follows the partitioning. cluster.conf
        // says 200 and 50; these --conf values must win over it.
        "--conf",
        "spark.sql.shuffle.partitions=2",
        "--conf",
        "spark.default.parallelism=2",
        "--conf",
        "spark.databricks.delta.snapshotPartitions=2",
        "--conf",
        "spark.ui.enabled=false",
        target.resolve("cxgap-jobs-" + System.getProperty("cx.version") + "-spark.jar").toString(),
        "nightly",
        "--date",
        DATE.toString(),
        // The driver reads config and catalog from its own disk; its working folder is the
        // worker's.
        "--config",
        repo.resolve("conf/cluster.conf").toString(),
        "--set",
        "cx.landing=" + landing.toUri(),
        "--set",
        "cx.warehouse=" + clusterWarehouse.toUri(),
        "--set",
        "cx.catalog=" + repo.resolve("conf/touchpoints.conf"));
  }

  @Test
  void nightly_finishesOnTheCluster_underTheNameSparkSubmitGave() {
    assertThat(submitExit).as("spark-submit exit code\n" + driverLog).isZero();
    assertThat(driver.path("state").asText())
        .as("driver state\n" + driverLog)
        .isEqualTo("FINISHED");
    List<JsonNode> apps =
        StreamSupport.stream(master.path("completedapps").spliterator(), false).toList();
    assertThat(apps).as("applications the master ran\n" + master.toPrettyString()).hasSize(1);
    assertThat(apps.get(0).path("name").asText())
        .as("--name wins over application.conf's spark.app.name")
        .isEqualTo(APP_NAME);
    assertThat(apps.get(0).path("state").asText()).isEqualTo("FINISHED");
    assertThat(apps.get(0).path("cores").asInt()).as("executor cores granted").isEqualTo(2);

    List<Row> steps =
        table(clusterWarehouse, "gold", "pipeline_run")
            .select("job", "status")
            .orderBy("job")
            .collectAsList();
    assertThat(steps.stream().map(r -> r.getString(0) + " " + r.getString(1)).toList())
        .as("the cluster run's log")
        .containsExactlyInAnyOrderElementsOf(
            Steps.names().stream().map(s -> s + " succeeded").toList());
  }

  @Test
  void everySilverAndGoldTable_equalsTheLocalRuns_valueByValue() {
    assertThat(local.code()).as(local.toString()).isZero();
    List<String> differences = new ArrayList<>();
    for (String[] t : COMPARED) {
      String name = t[0] + "." + t[1];
      List<Row> onCluster = sorted(table(clusterWarehouse, t[0], t[1]));
      List<Row> onLocal = sorted(table(localWarehouse, t[0], t[1]));
      assertThat(onLocal)
          .as(name + " is empty in the local run, so it would prove nothing")
          .isNotEmpty();
      if (onCluster.size() != onLocal.size()) {
        differences.add(
            name
                + ": "
                + onCluster.size()
                + " rows on the cluster, "
                + onLocal.size()
                + " locally");
        continue;
      }
      int shown = 0;
      for (int i = 0; i < onLocal.size() && shown < 3; i++) {
        if (!RowValues.same(onCluster.get(i), onLocal.get(i))) {
          differences.add(
              name
                  + " row "
                  + i
                  + ":\n  cluster "
                  + onCluster.get(i)
                  + "\n  local   "
                  + onLocal.get(i));
          shown++;
        }
      }
    }
    assertThat(differences).as("tables that differ\n" + driverLog).isEmpty();
  }

  /**
   * The table without its run columns, collected in a fixed order: first by every column of a plain
   * type other than floating point, then by the floating-point ones.
   */
  private static List<Row> sorted(Dataset<Row> df) {
    List<Column> keys = new ArrayList<>();
    List<Column> floats = new ArrayList<>();
    List<Column> kept = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (RUN_COLUMNS.contains(f.name())) {
        continue;
      }
      kept.add(col(f.name()));
      DataType type = f.dataType();
      if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
        floats.add(col(f.name()));
      } else if (!type.typeName().matches("map|array|struct")) {
        keys.add(col(f.name()));
      }
    }
    keys.addAll(floats);
    return df.select(kept.toArray(new Column[0]))
        .orderBy(keys.toArray(new Column[0]))
        .collectAsList();
  }
}

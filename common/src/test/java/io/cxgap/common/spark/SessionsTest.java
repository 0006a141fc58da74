package io.cxgap.common.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which settings a session ends up with (DESIGN.md §3): spark-submit's win over the config file's.
 * The effective conf is assembled the way {@code SparkSession.Builder.getOrCreate} does it: the
 * driver's SparkConf (spark-submit's settings), then every builder setting set over it.
 */
class SessionsTest {
  @TempDir Path dir;

  private static Path repoRoot() {
    String p = System.getProperty("cx.repo.root");
    return p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
  }

  private static SparkConf effective(Map<String, String> fromFile, SparkConf submitted) {
    SparkConf conf = submitted.clone();
    Sessions.fromConfigFile(fromFile, submitted).forEach(conf::set);
    return conf;
  }

  @Test
  void submittedMasterAndShufflePartitions_winOverTheConfigFiles() {
    CxConfig defaults = ConfigLoader.load(dir, null, List.of());
    assertThat(defaults.spark())
        .as("application.conf's own values, so the test below shows them being overridden")
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.sql.shuffle.partitions", "8")
        .containsEntry("spark.ui.enabled", "false");
    SparkConf submitted =
        new SparkConf(false)
            .setMaster("spark://10.0.0.5:7077")
            .setAppName("cxgap-nightly-2026-10-31")
            .set("spark.sql.shuffle.partitions", "64");

    SparkConf conf = effective(defaults.spark(), submitted);

    assertThat(conf.get("spark.master")).isEqualTo("spark://10.0.0.5:7077");
    assertThat(conf.get("spark.app.name")).isEqualTo("cxgap-nightly-2026-10-31");
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("64");
    assertThat(conf.get("spark.ui.enabled"))
        .as("a key spark-submit did not set comes from the file")
        .isEqualTo("false");
    assertThat(conf.get("spark.databricks.delta.snapshotPartitions")).isEqualTo("4");
  }

  @Test
  void clusterConf_leavesTheMasterToSparkSubmit_andSuppliesWhatSparkSubmitDidNotSet() {
    CxConfig cluster = ConfigLoader.load(dir, repoRoot().resolve("conf/cluster.conf"), List.of());
    assertThat(cluster.spark()).doesNotContainKey("spark.master");
    assertThat(cluster.warehouse()).matches("^[a-z0-9]+://.+");
    assertThat(cluster.landing()).matches("^[a-z0-9]+://.+");
    SparkConf submitted =
        new SparkConf(false).setMaster("yarn").set("spark.submit.deployMode", "cluster");

    SparkConf conf = effective(cluster.spark(), submitted);

    assertThat(conf.get("spark.master")).isEqualTo("yarn");
    assertThat(conf.get("spark.sql.shuffle.partitions")).isEqualTo("200");
    assertThat(conf.get("spark.databricks.delta.snapshotPartitions")).isEqualTo("50");
    assertThat(conf.get("spark.sql.files.maxPartitionBytes"))
        .as("Spark's default, not application.conf's one-machine setting")
        .isEqualTo("128m");
    assertThat(conf.get("spark.sql.inMemoryColumnarStorage.compressed")).isEqualTo("true");
    assertThat(conf.get("spark.sql.codegen.hugeMethodLimit"))
        .as("executors have bin/cxgap's -XX:-DontCompileHugeMethods only where given it")
        .isEqualTo("8000");
  }

  @Test
  void noMasterAnywhere_runsLocally() {
    Map<String, String> applied =
        Sessions.fromConfigFile(Map.of("spark.ui.enabled", "false"), new SparkConf(false));
    assertThat(applied)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("spark.ui.enabled", "false", "spark.master", "local[*]"));
  }

  @Test
  void aMasterInTheFile_isUsedWhenSparkSubmitGaveNone() {
    Map<String, String> applied =
        Sessions.fromConfigFile(Map.of("spark.master", "local[2]"), new SparkConf(false));
    assertThat(applied).containsExactlyEntriesOf(Map.of("spark.master", "local[2]"));
  }
}

package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The catalog registration of {@code sql} and {@code serve} (DESIGN.md §7), on the shared test
 * session's in-memory catalog; the embedded Derby metastore's persistence across processes is
 * checked by ServeJdbcIT with real processes.
 */
class MetastoreTest extends JobsTestBase {
  private static CxConfig config(Path warehouse) {
    return ConfigLoader.load(repoRoot(), null, List.of("cx.warehouse=" + warehouse));
  }

  private static void write(Path warehouse, String layer, String table, int rows) {
    Dataset<Row> df = spark().range(rows).selectExpr("id", "cast(id * 2 as double) AS x");
    df.write()
        .format("delta")
        .mode("overwrite")
        .save(warehouse.resolve(layer).resolve(table).toString());
  }

  private static String location(String db, String table) {
    return WarehouseCatalog.location(spark(), db, table)
        .map(u -> Path.of(u).toString())
        .orElse(null);
  }

  @Test
  void register_namesEachDeltaTableByLayer_atItsAbsolutePath_andIsIdempotent() throws IOException {
    Path wh = Files.createTempDirectory("cxgap-ms").resolve("wh");
    write(wh, "gold", "ms_alpha", 3);
    write(wh, "silver", "ms_beta", 2);
    Files.createDirectories(wh.resolve("gold").resolve("not_delta"));

    List<String> names = WarehouseCatalog.register(spark(), config(wh));
    List<String> again = WarehouseCatalog.register(spark(), config(wh));

    assertThat(names)
        .contains("cx_gold.ms_alpha", "cx_silver.ms_beta")
        .doesNotContain("cx_gold.not_delta");
    assertThat(again).isEqualTo(names);
    assertThat(location("cx_gold", "ms_alpha")).isEqualTo(wh.resolve("gold/ms_alpha").toString());
    assertThat(spark().sql("SELECT sum(x) FROM cx_gold.ms_alpha").head().getDouble(0))
        .isEqualTo(0 + 2 + 4);
    assertThat(spark().sql("SELECT count(*) FROM cx_silver.ms_beta").head().getLong(0))
        .isEqualTo(2);
  }

  @Test
  void register_ofAQuery_namesOnlyTheTablesItReads() throws IOException {
    Path wh = Files.createTempDirectory("cxgap-ms5").resolve("wh");
    write(wh, "gold", "ms_read", 3);
    write(wh, "gold", "ms_unread", 2);
    write(wh, "silver", "ms_other", 1);

    List<String> names =
        WarehouseCatalog.register(
            spark(),
            config(wh),
            WarehouseCatalog.LAYERS,
            StatementTables.of(
                "SELECT count(*) FROM cx_gold.ms_read JOIN cx_gold.ms_missing ON true"));

    assertThat(names).containsExactly("cx_gold.ms_read");
    assertThat(spark().catalog().tableExists("cx_gold.ms_unread")).isFalse();
    assertThat(spark().catalog().tableExists("cx_silver.ms_other")).isFalse();
    assertThat(spark().catalog().databaseExists("cx_bronze")).isTrue();
    assertThat(spark().sql("SELECT count(*) FROM cx_gold.ms_read").head().getLong(0)).isEqualTo(3);
  }

  @Test
  void register_repointsAMovedWarehouse_dropsAVanishedTable_andKeepsUserViews() throws IOException {
    Path root = Files.createTempDirectory("cxgap-ms2");
    Path first = root.resolve("first");
    write(first, "gold", "ms_moved", 4);
    write(first, "gold", "ms_gone", 1);
    WarehouseCatalog.register(spark(), config(first));
    spark().sql("CREATE OR REPLACE VIEW cx_gold.ms_user_view AS SELECT 7 AS seven");
    Path second = root.resolve("second");
    write(second, "gold", "ms_moved", 5);

    WarehouseCatalog.register(spark(), config(second));

    assertThat(location("cx_gold", "ms_moved"))
        .isEqualTo(second.resolve("gold/ms_moved").toString());
    assertThat(spark().sql("SELECT count(*) FROM cx_gold.ms_moved").head().getLong(0)).isEqualTo(5);
    assertThat(location("cx_gold", "ms_gone"))
        .as("still pointing into the first warehouse, which is not this one")
        .isNotNull();

    deleteTree(first.resolve("gold/ms_gone"));
    WarehouseCatalog.register(spark(), config(first));
    assertThat(spark().catalog().tableExists("cx_gold.ms_gone"))
        .as("its Delta table is gone")
        .isFalse();
    assertThat(spark().sql("SELECT seven FROM cx_gold.ms_user_view").head().getInt(0)).isEqualTo(7);
    assertThat(DeltaIO.exists(spark(), second.resolve("gold/ms_moved").toString()))
        .as("dropping an entry keeps the data")
        .isTrue();
  }

  @Test
  void embeddedMetastore_livesUnderTheWarehouse_inItsOwnDerbyFolder() throws IOException {
    Path wh = Files.createTempDirectory("cxgap-ms3").resolve("wh");
    Path dir = Metastore.folder(config(wh));
    Map<String, String> s = Metastore.embedded(dir);
    assertThat(dir).isEqualTo(wh.resolve("_metastore"));
    assertThat(s.get("spark.hadoop.javax.jdo.option.ConnectionURL"))
        .isEqualTo("jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
    assertThat(System.getProperty("derby.system.home")).isEqualTo(dir.toString());
    assertThat(s.get("spark.sql.warehouse.dir"))
        .isEqualTo(dir.resolve("warehouse").toUri().toString());
    assertThat(Metastore.besides(dir))
        .as(
            "an in-memory catalog in its place keeps its folders there too, not in the working directory")
        .containsExactly(
            Map.entry("spark.sql.warehouse.dir", dir.resolve("warehouse").toUri().toString()));
    assertThat(Metastore.localWarehouse(config(wh))).isTrue();
    CxConfig s3 = ConfigLoader.load(repoRoot(), null, List.of("cx.warehouse=s3a://bucket/wh"));
    assertThat(Metastore.localWarehouse(s3))
        .as("a remote warehouse gets no Derby folder")
        .isFalse();
  }

  @Test
  void inUse_onlyWhileSomeoneHoldsDerbysLock() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-ms4");
    assertThat(Metastore.inUse(dir)).as("no database yet").isFalse();
    Path lock = Files.createDirectories(dir.resolve("metastore_db")).resolve("dbex.lck");
    Files.writeString(lock, "");
    assertThat(Metastore.inUse(dir)).as("a lock file left by a crash, held by no one").isFalse();
    try (RandomAccessFile f = new RandomAccessFile(lock.toFile(), "rw");
        FileChannel ch = f.getChannel();
        FileLock held = ch.lock()) {
      assertThat(held.isValid()).isTrue();
      assertThat(Metastore.inUse(dir)).as("held").isTrue();
    }
    assertThat(Metastore.inUse(dir)).as("released").isFalse();
  }

  private static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}

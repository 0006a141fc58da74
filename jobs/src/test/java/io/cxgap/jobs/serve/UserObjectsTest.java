package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import io.cxgap.jobs.JobsTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user's objects in {@code sql}'s catalog, and when a statement needs the embedded metastore
 * for them (DESIGN.md §7). The catalog here is the shared test session's; ServeJdbcIT checks the
 * same with the embedded Derby metastore and real processes.
 */
class UserObjectsTest extends JobsTestBase {
  private static CxConfig config(Path warehouse) {
    return ConfigLoader.load(repoRoot(), null, List.of("cx.warehouse=" + warehouse));
  }

  @Test
  void list_holdsViewsTablesElsewhereAndOtherDatabases_butNotTheWarehousesTables()
      throws IOException {
    Path wh = Files.createTempDirectory("cxgap-uo").resolve("wh");
    spark()
        .range(2)
        .write()
        .format("delta")
        .save(wh.resolve("gold").resolve("uo_table").toString());
    WarehouseCatalog.register(spark(), config(wh));
    spark().sql("CREATE OR REPLACE VIEW cx_gold.uo_view AS SELECT 1 AS one");
    spark().sql("CREATE DATABASE IF NOT EXISTS uo_own");
    spark()
        .sql(
            "CREATE TABLE IF NOT EXISTS cx_silver.uo_elsewhere USING delta LOCATION '"
                + wh.getParent().resolve("elsewhere")
                + "' AS SELECT 1 AS one");

    List<String> objects = UserObjects.list(spark(), config(wh));

    assertThat(objects)
        .contains("table cx_gold.uo_view", "database uo_own", "table cx_silver.uo_elsewhere")
        .doesNotContain("table cx_gold.uo_table");
    spark().sql("DROP VIEW cx_gold.uo_view");
    spark().sql("DROP TABLE cx_silver.uo_elsewhere");
    spark().sql("DROP DATABASE uo_own");
  }

  @Test
  void usedBy_onlyAStatementThatNamesAnObject_orWhoseNamesAreNotKnown() {
    List<String> objects = List.of("table cx_gold.my_view", "database mine", "table default.t");
    assertThat(UserObjects.usedBy(StatementTables.of("SELECT * FROM cx_gold.alert"), objects))
        .isFalse();
    assertThat(UserObjects.usedBy(StatementTables.of("SELECT * FROM cx_gold.my_view"), objects))
        .isTrue();
    assertThat(UserObjects.usedBy(StatementTables.of("SELECT * FROM mine.x"), objects)).isTrue();
    assertThat(UserObjects.usedBy(StatementTables.of("SELECT * FROM t"), objects))
        .as("a name without a database is default's")
        .isTrue();
    assertThat(UserObjects.usedBy(StatementTables.of("SHOW TABLES"), objects)).isTrue();
    assertThat(UserObjects.usedBy(StatementTables.of("SHOW TABLES"), List.of()))
        .as("nothing kept")
        .isFalse();
    assertThat(
            UserObjects.usedBy(
                StatementTables.of("SELECT * FROM cx_gold.alert"), List.of("function default.f")))
        .as("a query's functions are not looked at")
        .isTrue();
  }

  @Test
  void kept_isNoneWithoutAMetastore_theWrittenList_orNotKnown() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-uo2").resolve("_metastore");
    assertThat(Metastore.kept(dir)).as("no metastore yet").contains(List.of());
    Files.createDirectories(dir.resolve("metastore_db"));
    assertThat(Metastore.kept(dir)).as("a metastore without a list").isEmpty();
    UserObjects.write(dir, List.of("table cx_gold.v", "database mine"));
    assertThat(Metastore.kept(dir)).contains(List.of("table cx_gold.v", "database mine"));
    assertThat(Files.readString(dir.resolve(UserObjects.FILE)))
        .isEqualTo("table cx_gold.v\ndatabase mine\n");
    UserObjects.forget(dir);
    assertThat(Metastore.kept(dir)).isEmpty();
    UserObjects.write(dir, List.of());
    assertThat(Metastore.kept(dir)).contains(List.of());
  }
}

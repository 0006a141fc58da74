package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which tables a {@code sql} statement names, from Spark's parse alone (DESIGN.md §7). */
class StatementTablesTest {
  private static Optional<Set<String>> names(String sql) {
    return StatementTables.of(sql).names();
  }

  @Test
  void aQuery_namesEveryTableItReads_inJoinsCtesSubqueriesAndTimeTravel() {
    assertThat(
            names(
                "WITH w AS (SELECT * FROM cx_gold.gap_trend) "
                    + "SELECT * FROM w JOIN CX_Gold.Alert a ON true "
                    + "WHERE a.x IN (SELECT x FROM cx_silver.customers) "
                    + "AND EXISTS (SELECT 1 FROM spark_catalog.cx_bronze.quarantine) "
                    + "UNION ALL SELECT * FROM cx_gold.nps_segment VERSION AS OF 1"))
        .contains(
            Set.of(
                "w",
                "cx_gold.gap_trend",
                "cx_gold.alert",
                "cx_silver.customers",
                "cx_bronze.quarantine",
                "cx_gold.nps_segment"));
  }

  @Test
  void aQueryWithoutTables_namesNone() {
    assertThat(names("SELECT 'x,y' AS a, 1 + 2 AS b")).contains(Set.of());
    assertThat(names("VALUES (1), (2)")).contains(Set.of());
    assertThat(names("SELECT sum(id) FROM range(3)")).contains(Set.of());
  }

  @Test
  void anythingButAQuery_isNotKnown_soEveryTableIsRegistered() {
    for (String sql :
        List.of(
            "SHOW TABLES IN cx_gold",
            "DESCRIBE cx_gold.alert",
            "EXPLAIN SELECT * FROM cx_gold.alert",
            "SELECT * FROM IDENTIFIER('cx_gold.alert')",
            "DELETE FROM cx_gold.alert",
            "INSERT INTO cx_gold.alert SELECT * FROM cx_gold.alert",
            "CREATE TEMPORARY VIEW v AS SELECT * FROM cx_gold.alert",
            "VACUUM cx_gold.alert",
            "SELEKT * FROM cx_gold.alert")) {
      assertThat(names(sql)).as(sql).isEmpty();
    }
  }

  @Test
  void in_givesADatabasesTables_orEmptyWhenNotKnown() {
    StatementTables s =
        StatementTables.of("SELECT * FROM cx_gold.alert, cx_gold.gap_trend, cx_silver.customers");
    assertThat(s.in("cx_gold")).contains(Set.of("alert", "gap_trend"));
    assertThat(s.in("cx_bronze")).contains(Set.of());
    assertThat(StatementTables.of("SHOW TABLES").in("cx_gold")).isEmpty();
  }
}

package io.cxgap.common.delta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxgap.common.SparkTestBase;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DeltaIOTest extends SparkTestBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Dataset<Row> rows(long batch) {
    return spark().sql("SELECT " + batch + "L AS batch_id, id AS n, concat('c', id) AS customer_id FROM range(4)");
  }

  /** The column names in the {@code minValues} of every file added to the table, per file. */
  private static List<List<String>> statsColumns(Path table) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (Stream<Path> logs = Files.list(table.resolve("_delta_log"))) {
      for (Path log : logs.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(log)) {
          JsonNode add = JSON.readTree(line).get("add");
          if (add != null) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = JSON.readTree(add.get("stats").asText()).get("minValues").fieldNames();
            it.forEachRemaining(names::add);
            out.add(names);
          }
        }
      }
    }
    return out;
  }

  @Test
  void aNewTable_getsTheTableProperties_andDeltaKeepsStatsForTheNamedColumnsOnly() throws IOException {
    Path table = Files.createTempDirectory("cxgap-deltaio").resolve("t");
    Map<String, String> props = Map.of(DeltaIO.STATS_COLUMNS, "batch_id");
    DeltaIO.appendOnce(rows(1), table.toString(), "test", 1, props);
    DeltaIO.appendOnce(rows(2), table.toString(), "test", 2, props);

    assertThat(DeltaTable.forPath(spark(), table.toString()).detail().select("properties").head().<String, String>getJavaMap(0))
        .containsEntry(DeltaIO.STATS_COLUMNS, "batch_id");
    List<List<String>> stats = statsColumns(table);
    assertThat(stats).isNotEmpty().allSatisfy(cols -> assertThat(cols).containsExactly("batch_id"));
    assertThat(DeltaIO.read(spark(), table.toString()).count()).isEqualTo(8);
  }

  @Test
  void withoutProperties_deltaKeepsStatsForEveryColumn_andARepeatedBatchAddsNothing() throws IOException {
    Path table = Files.createTempDirectory("cxgap-deltaio").resolve("t");
    DeltaIO.appendOnce(rows(1), table.toString(), "test", 1);
    DeltaIO.appendOnce(rows(1), table.toString(), "test", 1);

    assertThat(statsColumns(table)).isNotEmpty().allSatisfy(cols -> assertThat(cols).containsExactly("batch_id", "n", "customer_id"));
    assertThat(DeltaIO.read(spark(), table.toString()).count()).isEqualTo(4);
  }
}

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
    return spark()
        .sql(
            "SELECT "
                + batch
                + "L AS batch_id, id AS n, concat('c', id) AS customer_id FROM range(4)");
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
            Iterator<String> it =
                JSON.readTree(add.get("stats").asText()).get("minValues").fieldNames();
            it.forEachRemaining(names::add);
            out.add(names);
          }
        }
      }
    }
    return out;
  }

  /** Descriptions of the Spark jobs that {@code action} starts. */
  private static List<String> jobsOf(Runnable action) {
    List<String> jobs = java.util.Collections.synchronizedList(new ArrayList<>());
    org.apache.spark.scheduler.SparkListener listener =
        new org.apache.spark.scheduler.SparkListener() {
          @Override
          public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) {
            String d =
                start.properties() == null
                    ? null
                    : start.properties().getProperty("spark.job.description");
            jobs.add(d == null ? "" : d);
          }
        };
    listening(
        listener,
        () -> {
          action.run();
          return null;
        });
    return new ArrayList<>(jobs);
  }

  @Test
  void aNewTable_getsTheTableProperties_andDeltaKeepsStatsForTheNamedColumnsOnly()
      throws IOException {
    Path table = Files.createTempDirectory("cxgap-deltaio").resolve("t");
    Map<String, String> props = Map.of(DeltaIO.STATS_COLUMNS, "batch_id");
    DeltaIO.append(rows(1), table.toString(), props);
    DeltaIO.append(rows(2), table.toString(), props);

    assertThat(
            DeltaTable.forPath(spark(), table.toString())
                .detail()
                .select("properties")
                .head()
                .<String, String>getJavaMap(0))
        .containsEntry(DeltaIO.STATS_COLUMNS, "batch_id");
    List<List<String>> stats = statsColumns(table);
    assertThat(stats).isNotEmpty().allSatisfy(cols -> assertThat(cols).containsExactly("batch_id"));
    assertThat(DeltaIO.read(spark(), table.toString()).count()).isEqualTo(8);
  }

  @Test
  void withoutProperties_deltaKeepsStatsForEveryColumnButThePersonalOnes() throws IOException {
    Path table = Files.createTempDirectory("cxgap-deltaio").resolve("t");
    DeltaIO.append(rows(1), table.toString());

    // customer_id is personal (DESIGN.md §6): its minimum and maximum would name customers in the
    // transaction log
    assertThat(statsColumns(table))
        .isNotEmpty()
        .allSatisfy(cols -> assertThat(cols).containsExactly("batch_id", "n"));
    assertThat(DeltaIO.read(spark(), table.toString()).count()).isEqualTo(4);
  }

  @Test
  void anAppendToAnExistingTable_isOneCommit_andDoesNotRebuildTheTablesState() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    DeltaIO.append(rows(1), table);
    DeltaIO.append(rows(2), table);

    List<String> jobs = jobsOf(() -> DeltaIO.append(rows(3), table));
    // the control, before anything reads version 2: with a transaction id, Delta looks the id up
    // in the table's state, and builds that state first
    List<String> withTxn =
        jobsOf(
            () ->
                rows(4)
                    .write()
                    .format("delta")
                    .mode(org.apache.spark.sql.SaveMode.Append)
                    .option("txnAppId", "test")
                    .option("txnVersion", 4L)
                    .save(table));

    assertThat(jobs)
        .as("jobs of the third append")
        .noneMatch(d -> d.contains("Compute snapshot"))
        .hasSizeLessThanOrEqualTo(1);
    assertThat(withTxn)
        .as("jobs of the fourth append, with a transaction id")
        .anyMatch(d -> d.contains("Compute snapshot for version: 2"));
    assertThat(DeltaTable.forPath(spark(), table).history().count()).isEqualTo(4);
    assertThat(DeltaIO.read(spark(), table).groupBy("batch_id").count().count()).isEqualTo(4);
  }

  @Test
  void version_isTheNewestCommit_withoutASparkJob() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    assertThat(DeltaIO.version(spark(), table)).isEqualTo(-1);
    DeltaIO.append(rows(1), table);
    DeltaIO.append(rows(2), table);
    DeltaIO.append(rows(3), table);

    long[] version = new long[1];
    List<String> jobs = jobsOf(() -> version[0] = DeltaIO.version(spark(), table));

    // commits 0, 1 and 2, as the table's history (another reader of the log) lists them
    assertThat(version[0]).isEqualTo(2);
    assertThat(DeltaTable.forPath(spark(), table).history(1).head().<Long>getAs("version"))
        .isEqualTo(2L);
    assertThat(jobs).isEmpty();
  }

  @Test
  void document_addsWhatIsMissing_andOnATableThatHasItRunsNoSparkJob() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    DeltaIO.append(rows(1), table);
    Map<String, String> columns =
        Map.of("batch_id", "the ingest batch", "no_such_column", "skipped");

    int changes = DeltaIO.document(spark(), table, "a test table", columns);
    int[] again = new int[1];
    List<String> jobs =
        jobsOf(() -> again[0] = DeltaIO.document(spark(), table, "a test table", columns));

    assertThat(changes).as("the batch_id comment and the description").isEqualTo(2);
    // read back another way: the table's detail and a new reader's schema
    assertThat(
            DeltaTable.forPath(spark(), table).detail().select("description").head().getString(0))
        .isEqualTo("a test table");
    assertThat(DeltaIO.read(spark(), table).schema().apply("batch_id").getComment().get())
        .isEqualTo("the ingest batch");
    assertThat(again[0]).as("second call").isZero();
    assertThat(jobs).as("jobs of the second call").isEmpty();
    assertThat(DeltaTable.forPath(spark(), table).history().count())
        .as("the append and two changes")
        .isEqualTo(3);
  }

  /** Rows {@code ids} of one as_of_date, each tagged with that date. */
  private static Dataset<Row> dated(String date, int ids) {
    return spark()
        .sql(
            "SELECT DATE'"
                + date
                + "' AS as_of_date, id AS n, '"
                + date
                + "' AS tag FROM range("
                + ids
                + ")");
  }

  @Test
  void readDate_givesOneDatesSlice_andReplaceDateReplacesOnlyThatSlice() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    DeltaIO.replaceDate(dated("2026-10-30", 2), table, java.time.LocalDate.of(2026, 10, 30));
    DeltaIO.replaceDate(dated("2026-10-31", 3), table, java.time.LocalDate.of(2026, 10, 31));
    DeltaIO.replaceDate(dated("2026-10-31", 1), table, java.time.LocalDate.of(2026, 10, 31));

    List<Row> d30 =
        DeltaIO.readDate(spark(), table, java.time.LocalDate.of(2026, 10, 30)).collectAsList();
    List<Row> d31 =
        DeltaIO.readDate(spark(), table, java.time.LocalDate.of(2026, 10, 31)).collectAsList();

    assertThat(d30)
        .extracting(r -> r.<String>getAs("tag"))
        .containsExactly("2026-10-30", "2026-10-30");
    assertThat(d31).as("the second write of 10-31 replaced its 3 rows").hasSize(1);
    assertThat(DeltaIO.readDate(spark(), table, java.time.LocalDate.of(2026, 11, 1)).count())
        .isZero();
  }

  @Test
  void readDateIfExists_isEmptyWithoutATable() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("none").toString();
    assertThat(DeltaIO.readDateIfExists(spark(), table, java.time.LocalDate.of(2026, 10, 31)))
        .isEmpty();
  }

  @Test
  void replaceDate_onATableWrittenWithoutANewColumn_addsTheColumn_olderSlicesReadItAsNull()
      throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    DeltaIO.replaceDate(dated("2026-10-30", 2), table, java.time.LocalDate.of(2026, 10, 30));
    Dataset<Row> wider = dated("2026-10-31", 1).selectExpr("*", "CAST(7.5 AS DOUBLE) AS msa_mean");

    DeltaIO.replaceDate(wider, table, java.time.LocalDate.of(2026, 10, 31));

    Dataset<Row> all = DeltaIO.read(spark(), table);
    assertThat(all.columns()).as("new column appended").endsWith("msa_mean");
    assertThat(all.where("as_of_date = DATE'2026-10-31'").head().<Double>getAs("msa_mean"))
        .isEqualTo(7.5);
    assertThat(all.where("as_of_date = DATE'2026-10-30'").select("msa_mean").collectAsList())
        .extracting(r -> r.isNullAt(0))
        .containsExactly(true, true);
  }

  @Test
  void append_ofAFrameWithANewColumn_addsTheColumnToTheTable() throws IOException {
    String table = Files.createTempDirectory("cxgap-deltaio").resolve("t").toString();
    DeltaIO.append(rows(1), table);

    DeltaIO.append(rows(2).selectExpr("*", "CAST(NULL AS DOUBLE) AS adequate"), table);

    assertThat(DeltaIO.read(spark(), table).columns()).contains("adequate");
    assertThat(DeltaIO.read(spark(), table).count()).isEqualTo(8);
  }
}

package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.landing.LandingFile;
import io.cxgap.common.landing.Source;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BatchSplitTest extends SparkTestBase {
  static final String LONG_RAW = "y".repeat(1030);

  /** A batch as RowRules and the duplicate mark leave it: 2 accepted, 2 quarantined, 2 dups. */
  private static Dataset<Row> marked() {
    List<String> cols = List.of("event_id", "file", "raw", "reason", "detail", "duplicate");
    return strings(
            cols,
            new String[] {"E1", "a.jsonl", null, null, null, "false"},
            new String[] {"E1", "b.jsonl", null, null, null, "true"},
            new String[] {"E2", "a.jsonl", null, null, null, "true"},
            new String[] {"E3", "a.jsonl", "{bad", "out_of_range", "wait_s", "false"},
            new String[] {"E4", "a.jsonl", null, null, null, "false"},
            new String[] {"E5", "b.jsonl", LONG_RAW, "oversized_field", "channel", "false"})
        .withColumn("duplicate", col("duplicate").cast("boolean"));
  }

  private static List<String> rendered(Dataset<Row> df, String... order) {
    return df
        .orderBy(Arrays.stream(order).map(c -> col(c)).toArray(Column[]::new))
        .collectAsList()
        .stream()
        .map(Row::toString)
        .toList();
  }

  @Test
  void keys_areTheColumnsThatIdentifyARecordOfEachSource() {
    assertThat(BatchSplit.keys(Source.CUSTOMERS)).containsExactly("customer_id", "updated_at");
    assertThat(BatchSplit.keys(Source.SURVEYS)).containsExactly("response_id", "touchpoint");
    assertThat(BatchSplit.keys(Source.INTERACTIONS)).containsExactly("event_id");
  }

  @Test
  void spread_keepsTheReadPartitions_unlessACsvFileIsOverAGibibyte() {
    Dataset<Row> df = strings(List.of("event_id"), new String[] {"E1"}).repartition(2);
    long gib = 1L << 30;
    List<LandingFile> small =
        List.of(new LandingFile("a.csv", gib, 0), new LandingFile("b.jsonl", 5 * gib, 0));
    assertThat(BatchSplit.spread(df, small, 3).rdd().getNumPartitions())
        .as("JSON lines are read in slices; a CSV file of 1 GiB is one partition")
        .isEqualTo(2);
    List<LandingFile> large =
        List.of(new LandingFile("a.csv", gib + 1, 0), new LandingFile("b.jsonl", 5 * gib, 0));
    // 6 GiB + 1 byte of landing data in slices of 128 MiB: 48 + 1
    assertThat(BatchSplit.spread(df, large, 3).rdd().getNumPartitions()).isEqualTo(49);
    assertThat(BatchSplit.spread(df, large, 64).rdd().getNumPartitions()).isEqualTo(64);
  }

  @Test
  void count_readIsAcceptedPlusQuarantinedPlusDuplicates() {
    // 6 read: E5 and E3 have reasons (2), E1 in b.jsonl and E2 are duplicates (2), 6-2-2 = 2
    assertThat(BatchSplit.count(marked())).isEqualTo(new BatchCounts(6, 2, 2, 2));
  }

  @Test
  void count_ofAnEmptyBatch_isAllZero() {
    assertThat(BatchSplit.count(marked().limit(0))).isEqualTo(new BatchCounts(0, 0, 0, 0));
  }

  @Test
  void accepted_areRowsWithoutReasonOrDuplicate_withoutLineage_taggedWithBatchAndRun() {
    Dataset<Row> good = BatchSplit.accepted(marked(), 7, "run-1");
    assertThat(good.columns()).containsExactly("event_id", "file", "batch_id", "run_id");
    assertThat(rendered(good, "event_id"))
        .containsExactly("[E1,a.jsonl,7,run-1]", "[E4,a.jsonl,7,run-1]");
  }

  @Test
  void quarantined_areRowsWithAReason_inTheQuarantineShape_withOversizedRawCut() {
    Dataset<Row> bad = BatchSplit.quarantined(marked(), Source.INTERACTIONS, 7, "run-1");
    assertThat(bad.columns())
        .containsExactly("source", "reason", "detail", "raw", "file", "run_id", "batch_id");
    assertThat(rendered(bad, "reason"))
        .containsExactly(
            "[interactions,out_of_range,wait_s,{bad,a.jsonl,run-1,7]",
            "[interactions,oversized_field,channel,"
                + "y".repeat(1024)
                + " ... (truncated: 1030 characters),b.jsonl,run-1,7]");
  }

  @Test
  void rawOfQuarantinedOnly_keepsTheTextOfRowsWithAReason_andNullsTheRest() {
    Dataset<Row> classified =
        strings(
            List.of("event_id", "raw", "reason"),
            new String[] {"E1", "{\"event_id\":\"E1\"}", null},
            new String[] {"E2", "{\"event_id\":\"E2\",\"wait_s\":-1}", "out_of_range"},
            new String[] {"E3", "{broken", "malformed"});
    Dataset<Row> kept = BatchSplit.rawOfQuarantinedOnly(classified);
    assertThat(kept.columns()).containsExactly("event_id", "raw", "reason");
    assertThat(rendered(kept, "event_id"))
        .containsExactly(
            "[E1,null,null]",
            "[E2,{\"event_id\":\"E2\",\"wait_s\":-1},out_of_range]",
            "[E3,{broken,malformed]");
  }
}

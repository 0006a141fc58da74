package io.cxgap.common.transform;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DuplicatesTest extends SparkTestBase {
  static final List<String> COLS = List.of("event_id", "file", "raw", "reason");

  @Test
  void firstCopyByFileIsKept_laterCopiesAndKnownKeysAreDuplicates_quarantinedRowsNever() {
    Dataset<Row> rows =
        strings(
            COLS,
            new String[] {"E1", "b.jsonl", "{1}", null},
            new String[] {"E1", "a.jsonl", "{1}", null}, // kept: a < b
            new String[] {"E2", "a.jsonl", "{2}", null},
            new String[] {"E3", "a.jsonl", "{3}", null}, // E3 already in bronze
            new String[] {"E2", "a.jsonl", "{2x}", "out_of_range"}); // quarantined, not a duplicate
    // E3 twice (the mark must not multiply rows) and E9, a key this batch does not have
    Dataset<Row> existing =
        strings(List.of("event_id"), new String[] {"E3"}, new String[] {"E3"}, new String[] {"E9"});
    List<Row> got =
        Duplicates.mark(rows, List.of("event_id"), existing)
            .orderBy(col("event_id"), col("file"), col("raw"))
            .select("event_id", "file", "raw", "duplicate")
            .collectAsList();
    assertThat(got.stream().map(Row::toString).toList())
        .containsExactlyInAnyOrder(
            "[E1,a.jsonl,{1},false]",
            "[E1,b.jsonl,{1},true]",
            "[E2,a.jsonl,{2},false]",
            "[E2,a.jsonl,{2x},false]",
            "[E3,a.jsonl,{3},true]");
  }
}

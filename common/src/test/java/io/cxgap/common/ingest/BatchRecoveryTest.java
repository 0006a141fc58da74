package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.landing.LandingFile;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class BatchRecoveryTest extends SparkTestBase {
  private static LandingFile file(String path, long size) {
    return new LandingFile(path, size, 0);
  }

  @Test
  void gone_areTheBatchsFilesNoLongerListed_matchedByPathAlone() {
    List<LandingFile> batch =
        List.of(file("l/a.csv", 10), file("l/b.csv", 20), file("l/c.csv", 30));
    // a.csv has grown since it was planned: it is still there
    List<LandingFile> listed =
        List.of(file("l/c.csv", 30), file("l/a.csv", 99), file("l/d.csv", 5));
    assertThat(BatchRecovery.gone(batch, listed)).containsExactly("l/b.csv");
    assertThat(BatchRecovery.gone(batch, List.of()))
        .containsExactly("l/a.csv", "l/b.csv", "l/c.csv");
  }

  @Test
  void aPendingBatchWithAllItsFiles_isResumed_withoutAskingWhatLanded() {
    assertThat(
            BatchRecovery.action(
                List.of(),
                () -> {
                  throw new AssertionError("landed asked although no file is gone");
                }))
        .isEqualTo(BatchRecovery.Action.RESUME);
  }

  @Test
  void aPendingBatchMissingAFile_isAbandonedIfNothingLanded_elseItFails() {
    assertThat(BatchRecovery.action(List.of("l/b.csv"), () -> false))
        .isEqualTo(BatchRecovery.Action.ABANDON);
    assertThat(BatchRecovery.action(List.of("l/b.csv"), () -> true))
        .isEqualTo(BatchRecovery.Action.FAIL);
  }

  @Test
  void fresh_areTheListedFilesNoBatchHasTaken_inListedOrder() {
    List<LandingFile> listed = List.of(file("l/a.csv", 1), file("l/b.csv", 1), file("l/c.csv", 1));
    assertThat(BatchRecovery.fresh(listed, Set.of("l/b.csv", "l/z.csv")))
        .containsExactly(file("l/a.csv", 1), file("l/c.csv", 1));
    assertThat(BatchRecovery.fresh(listed, Set.of("l/a.csv", "l/b.csv", "l/c.csv"))).isEmpty();
  }

  @Test
  void holds_findsARowOfTheBatch_inABronzeTable() {
    Dataset<Row> bronze =
        strings(
                List.of("event_id", "batch_id"),
                new String[] {"E1", "1"},
                new String[] {"E2", "1"},
                new String[] {"E3", "2"})
            .withColumn("batch_id", col("batch_id").cast("long"));
    assertThat(BatchRecovery.holds(bronze, 2)).isTrue();
    assertThat(BatchRecovery.holds(bronze, 3)).isFalse();
  }

  @Test
  void holds_findsARowOfTheSourcesBatch_inTheQuarantine() {
    Dataset<Row> quarantine =
        strings(
                List.of("source", "batch_id"),
                new String[] {"surveys", "1"},
                new String[] {"interactions", "2"})
            .withColumn("batch_id", col("batch_id").cast("long"));
    assertThat(BatchRecovery.holds(quarantine, "surveys", 1)).isTrue();
    assertThat(BatchRecovery.holds(quarantine, "surveys", 2))
        .as("batch 2 is the interactions' batch 2, not the surveys'")
        .isFalse();
    assertThat(BatchRecovery.holds(quarantine, "interactions", 2)).isTrue();
  }
}

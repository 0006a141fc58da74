package io.cxgap.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchCountsTest {
  @Test
  void quarantineOver_comparesTheQuarantinedShareOfRowsRead() {
    BatchCounts c = new BatchCounts(10, 7, 2, 1); // 2 of 10 = 0.2
    assertThat(c.quarantineOver(0.1)).isTrue();
    assertThat(c.quarantineOver(0.2)).as("a share equal to the limit passes").isFalse();
    assertThat(c.quarantineOver(0.25)).isFalse();
  }

  @Test
  void quarantineOver_isNeverTrue_forABatchOfNoRows() {
    assertThat(BatchCounts.NONE.quarantineOver(0.0)).isFalse();
  }

  @Test
  void equation_writesTheRowAccounting_withPlainDigits() {
    assertThat(new BatchCounts(1234567, 1234000, 500, 67).equation())
        .isEqualTo("read 1234567 = accepted 1234000 + quarantined 500 + duplicates 67");
  }
}

package io.cxgap.common.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPartitionsTest {
  static final long MIB = 1L << 20;

  @Test
  void aSmallBatch_keepsTheConfiguredPartitions() {
    assertThat(BatchSplit.partitions(0, 8)).isEqualTo(8);
    assertThat(BatchSplit.partitions(300 * MIB, 8)).isEqualTo(8); // 3 slices of 128 MiB
  }

  @Test
  void aLargeBatch_getsOnePartitionPer128MiB_roundedUp() {
    assertThat(BatchSplit.partitions(1024 * MIB, 8)).isEqualTo(8);
    assertThat(BatchSplit.partitions(1024 * MIB + 1, 8)).isEqualTo(9);
    assertThat(BatchSplit.partitions(5L * 1024 * MIB, 8))
        .isEqualTo(40); // the SF10 survey landing is about 1.9 GB
    assertThat(BatchSplit.partitions(5L * 1024 * MIB, 200)).isEqualTo(200);
  }

  @Test
  void thePartitionCount_isCappedAtTenThousand() {
    assertThat(BatchSplit.partitions(Long.MAX_VALUE / 2, 8)).isEqualTo(10_000);
  }
}

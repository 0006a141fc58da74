package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Exact fixed-point replicate sums (DESIGN.md §5, uncertainty of driver importance). */
class ReplicateSumsTest {
  /*
   * Two variables, two replicates. Customer A: d = (1.5, -2), weights (2, 0); customer B:
   * d = (0.25, 4), weights (1, 3).
   * Replicate 0: Σw = 3, Σw·d0 = 3 + 0.25 = 3.25, Σw·d1 = -4 + 4 = 0,
   *   Σw·d0² = 4.5 + 0.0625 = 4.5625, Σw·d0·d1 = -6 + 1 = -5, Σw·d1² = 8 + 16 = 24.
   * Replicate 1: Σw = 3, Σw·d0 = 0.75, Σw·d1 = 12, Σw·d0² = 0.1875, Σw·d0·d1 = 3, Σw·d1² = 48.
   * (All are multiples of 2^-24, so the fixed point holds them exactly.)
   */
  @Test
  void twoCustomers_giveTheHandWorkedSumsOfEachReplicate() {
    ReplicateSums s = new ReplicateSums(2, 2);
    s.add(ReplicateSums.terms(new double[] {1.5, -2}), new int[] {2, 0});
    s.add(ReplicateSums.terms(new double[] {0.25, 4}), new int[] {1, 3});
    assertThat(s.weight(0)).isEqualTo(3);
    assertThat(new double[] {s.sum(0, 0), s.sum(0, 1)}).containsExactly(3.25, 0);
    assertThat(new double[] {s.product(0, 0, 0), s.product(0, 0, 1), s.product(0, 1, 1)})
        .containsExactly(4.5625, -5, 24);
    assertThat(s.product(0, 1, 0)).as("symmetric").isEqualTo(-5);
    assertThat(s.weight(1)).isEqualTo(3);
    assertThat(new double[] {s.sum(1, 0), s.sum(1, 1)}).containsExactly(0.75, 12);
    assertThat(new double[] {s.product(1, 0, 0), s.product(1, 0, 1), s.product(1, 1, 1)})
        .containsExactly(0.1875, 3, 48);
  }

  @Test
  void mergedPartitions_equalOneRun_andCarriesKeepLongRunsExact() {
    long[] a = ReplicateSums.terms(new double[] {-0.1, 33.3});
    long[] b = ReplicateSums.terms(new double[] {7.7, -0.9});
    ReplicateSums one = new ReplicateSums(1, 2);
    ReplicateSums left = new ReplicateSums(1, 2);
    ReplicateSums right = new ReplicateSums(1, 2);
    for (int i = 0; i < 1000; i++) {
      one.add(i % 3 == 0 ? a : b, new int[] {1 + i % 4});
      (i < 377 ? left : right).add(i % 3 == 0 ? a : b, new int[] {1 + i % 4});
    }
    // an empty partition's sums (as Spark ships them: nothing allocated) change nothing
    ReplicateSums merged =
        new ReplicateSums(1, 2).merge(right.merge(left).merge(new ReplicateSums(1, 2)));
    for (int i = 0; i < 2; i++) {
      assertThat(merged.sum(0, i)).isEqualTo(one.sum(0, i));
      for (int j = 0; j < 2; j++) {
        assertThat(merged.product(0, i, j)).isEqualTo(one.product(0, i, j));
      }
    }
    // Σw over i = 0..999 of 1 + i mod 4: 250 · (1 + 2 + 3 + 4)
    assertThat(merged.weight(0)).isEqualTo(2500);
  }

  @Test
  void aTermOutsideTheFixedPoint_failsNamingTheScale() {
    assertThatThrownBy(() -> ReplicateSums.terms(new double[] {5000, 1}))
        .hasMessageContaining("0..100 scale");
    assertThatThrownBy(() -> ReplicateSums.terms(new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

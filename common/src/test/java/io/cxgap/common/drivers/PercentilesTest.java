package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The bootstrap's percentiles (DESIGN.md §5): type 7, linear between order statistics. */
class PercentilesTest {
  @Test
  void fiveValues_unsorted_interpolateBetweenOrderStatistics() {
    double[] v = {4, 1, 5, 3, 2};
    // sorted 1 2 3 4 5; q = 0.025: h = 4 · 0.025 = 0.1 → 1 + 0.1 · (2 − 1) = 1.1
    assertThat(Percentiles.of(v, 0.025)).isCloseTo(1.1, within(1e-12));
    // q = 0.975: h = 3.9 → 4 + 0.9 · (5 − 4) = 4.9
    assertThat(Percentiles.of(v, 0.975)).isCloseTo(4.9, within(1e-12));
    assertThat(Percentiles.of(v, 0.5)).isEqualTo(3.0);
    assertThat(Percentiles.of(v, 1.0)).isEqualTo(5.0);
    assertThat(v).as("input untouched").containsExactly(4, 1, 5, 3, 2);
  }

  @Test
  void twoHundredReplicates_givePositionsFourPoint975And194Point025() {
    double[] v = new double[200];
    for (int i = 0; i < 200; i++) {
      v[i] = 10.0 * (200 - i); // 2000, 1990, …, 10
    }
    // sorted 10, 20, …, 2000: x[j] = 10 (j + 1). h = 199 · 0.025 = 4.975 → 50 + 0.975 · 10
    assertThat(Percentiles.of(v, 0.025)).isCloseTo(59.75, within(1e-9));
    // h = 199 · 0.975 = 194.025 → 1950 + 0.025 · 10
    assertThat(Percentiles.of(v, 0.975)).isCloseTo(1950.25, within(1e-9));
  }
}

package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Seeded Poisson(1) weights and N(0,1) noise of the driver bootstrap (DESIGN.md §5). */
class BootstrapDrawsTest {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  @Test
  void poisson_invertsTheCdf() {
    // P(0) = e^-1 = 0.36788; P(≤1) = 2e^-1 = 0.73576; P(≤2) = 2.5e^-1 = 0.91970;
    // P(≤3) = (8/3)e^-1 = 0.98101
    assertThat(BootstrapDraws.poisson(0.0)).isZero();
    assertThat(BootstrapDraws.poisson(0.3678)).isZero();
    assertThat(BootstrapDraws.poisson(0.3679)).isEqualTo(1);
    assertThat(BootstrapDraws.poisson(0.7357)).isEqualTo(1);
    assertThat(BootstrapDraws.poisson(0.7358)).isEqualTo(2);
    assertThat(BootstrapDraws.poisson(0.9196)).isEqualTo(2);
    assertThat(BootstrapDraws.poisson(0.9198)).isEqualTo(3);
    assertThat(BootstrapDraws.poisson(0.981)).isEqualTo(3);
    assertThat(BootstrapDraws.poisson(0.9811)).isEqualTo(4);
  }

  @Test
  void draws_dependOnSeedDateAndCustomerOnly_andHaveTheRightMoments() {
    int[] w1 = new int[200];
    int[] w2 = new int[200];
    double z1 = BootstrapDraws.draw(BootstrapDraws.seed(42, D, "C1"), w1);
    double z2 = BootstrapDraws.draw(BootstrapDraws.seed(42, D, "C1"), w2);
    assertThat(z2).isEqualTo(z1);
    assertThat(w2).containsExactly(w1);
    assertThat(BootstrapDraws.seed(42, D, "C2")).isNotEqualTo(BootstrapDraws.seed(42, D, "C1"));
    assertThat(BootstrapDraws.seed(43, D, "C1")).isNotEqualTo(BootstrapDraws.seed(42, D, "C1"));
    assertThat(BootstrapDraws.seed(42, D.plusDays(1), "C1"))
        .isNotEqualTo(BootstrapDraws.seed(42, D, "C1"));

    // 4,000 customers × 200 weights: Poisson(1) has mean 1 and variance 1 (sd of the mean of
    // 800,000 draws: 0.0011); the noise has mean 0 and variance 1 (sd of the mean: 0.016)
    double ws = 0;
    double ww = 0;
    double zs = 0;
    double zz = 0;
    int[] w = new int[200];
    for (int c = 0; c < 4000; c++) {
      double z = BootstrapDraws.draw(BootstrapDraws.seed(42, D, "C" + c), w);
      zs += z;
      zz += z * z;
      for (int x : w) {
        ws += x;
        ww += (double) x * x;
      }
    }
    double n = 800_000;
    assertThat(ws / n).isCloseTo(1.0, within(0.006));
    assertThat(ww / n - (ws / n) * (ws / n)).isCloseTo(1.0, within(0.02));
    assertThat(zs / 4000).isCloseTo(0.0, within(0.07));
    assertThat(zz / 4000).isCloseTo(1.0, within(0.1));
  }
}

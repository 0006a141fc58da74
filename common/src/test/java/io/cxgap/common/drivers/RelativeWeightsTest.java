package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Johnson's relative weights, the fallback above cx.drivers.max-exact-touchpoints. */
class RelativeWeightsTest {

  @Test
  void ranking_agreesWithLmg_onGeneratedCorrelatedData() {
    Random rnd = new Random(17);
    int n = 2000;
    double[] beta = {0.9, 0.6, 0.45, 0.3, 0.15, 0.0};
    int p = beta.length;
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double common = rnd.nextGaussian();
      for (int j = 0; j < p; j++) {
        x[i][j] = 0.5 * common + rnd.nextGaussian();
        y[i] += beta[j] * x[i][j];
      }
      y[i] += rnd.nextGaussian();
    }
    double[][] rxx = LmgTest.correlations(x);
    double[] rxy = LmgTest.outcomeCorrelations(x, y);
    double[] rw = RelativeWeights.importance(rxx, rxy);
    double[] lmg = Lmg.importance(rxx, rxy);
    assertThat(order(rw))
        .as("relative weights " + Arrays.toString(rw) + " vs LMG " + Arrays.toString(lmg))
        .isEqualTo(order(lmg));
    assertThat(order(lmg))
        .as("planted order by |beta|")
        .isEqualTo(new Integer[] {0, 1, 2, 3, 4, 5});
    double fullR2 = LmgTest.olsR2(x, y, List.of(0, 1, 2, 3, 4, 5));
    assertThat(LmgTest.sum(rw))
        .as("relative weights sum to the OLS R²")
        .isCloseTo(fullR2, within(1e-9));
  }

  @Test
  void twoUncorrelatedPredictors_getTheirSquaredCorrelations() {
    // With R = I every method gives r_jy²: 0.5² and 0.3².
    double[] rw =
        RelativeWeights.importance(new double[][] {{1, 0}, {0, 1}}, new double[] {0.5, -0.3});
    assertThat(rw[0]).isCloseTo(0.25, within(1e-12));
    assertThat(rw[1]).isCloseTo(0.09, within(1e-12));
  }

  @Test
  void duplicatedPredictor_doesNotFail_andSplitsItsShareEqually() {
    double[] rw =
        RelativeWeights.importance(new double[][] {{1, 1}, {1, 1}}, new double[] {0.6, 0.6});
    assertThat(rw[0]).isCloseTo(0.18, within(1e-9));
    assertThat(rw[1]).isCloseTo(0.18, within(1e-9));
  }

  private static Integer[] order(double[] v) {
    Integer[] idx = new Integer[v.length];
    Arrays.setAll(idx, i -> i);
    Arrays.sort(idx, Comparator.comparingDouble(i -> -v[i]));
    return idx;
  }
}

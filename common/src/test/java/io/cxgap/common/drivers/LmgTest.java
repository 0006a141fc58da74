package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

/** The exact LMG / Shapley decomposition of R² (DESIGN.md §5 gold.touchpoint_driver). */
class LmgTest {
  /*
   * Hand-made data, five customers:   x1 = 1 2 3 4 5,  x2 = 2 1 4 3 5,  y = 1 3 2 5 4.
   * Deviations from the means (3, 3, 3): x1 -2 -1 0 1 2, x2 -1 -2 1 0 2, y -2 0 -1 2 1.
   * Sums of squares 10, 10, 10; Σx1x2 = 8, Σx1y = 8, Σx2y = 3.
   * So r12 = 0.8, r1y = 0.8, r2y = 0.3, and
   * R² = (r1y² + r2y² - 2 r1y r2y r12) / (1 - r12²) = (0.64 + 0.09 - 0.384) / 0.36 = 173/180.
   * LMG closed form for two predictors: imp1 = (r1y² + R² - r2y²) / 2 = (99/180 + 173/180) / 2 = 272/360,
   * imp2 = (r2y² + R² - r1y²) / 2 = (173/180 - 99/180) / 2 = 74/360.
   */
  static final double[][] R2X2 = {{1, 0.8}, {0.8, 1}};
  static final double[] RY2 = {0.8, 0.3};
  static final double R2_HAND = 173.0 / 180;
  static final double IMP1_HAND = 272.0 / 360;
  static final double IMP2_HAND = 74.0 / 360;

  @Test
  void twoPredictors_matchTheClosedForm() {
    double[] imp = Lmg.importance(R2X2, RY2);
    assertThat(imp[0]).as("importance of x1").isCloseTo(IMP1_HAND, within(1e-12));
    assertThat(imp[1]).as("importance of x2").isCloseTo(IMP2_HAND, within(1e-12));
    assertThat(imp[0] + imp[1]).as("importances sum to R²").isCloseTo(R2_HAND, within(1e-12));
  }

  @Test
  void subsetR2_ofBothPredictors_isTheHandWorkedR2() {
    assertThat(SubsetR2.of(R2X2, RY2, new int[] {0, 1}, 2)).isCloseTo(R2_HAND, within(1e-12));
    assertThat(SubsetR2.of(R2X2, RY2, new int[] {1}, 1))
        .as("x2 alone: r2y²")
        .isCloseTo(0.09, within(1e-12));
  }

  @Test
  void fivePredictors_matchMarginalGainsAveragedOverAllOrderings_withAnIndependentOls() {
    Random rnd = new Random(5);
    int n = 200;
    int p = 5;
    double[][] x = new double[n][p];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double common = rnd.nextGaussian();
      for (int j = 0; j < p; j++) {
        x[i][j] = 0.6 * common + rnd.nextGaussian() * (1 + 0.3 * j);
      }
      y[i] = 1.5 * x[i][0] + 0.8 * x[i][1] - 0.5 * x[i][2] + 0.2 * x[i][3] + 2 * rnd.nextGaussian();
    }
    double[] expected = new double[p];
    List<int[]> orderings = permutations(p);
    for (int[] order : orderings) {
      List<Integer> entered = new ArrayList<>();
      double before = 0;
      for (int j : order) {
        entered.add(j);
        double after = olsR2(x, y, entered);
        expected[j] += (after - before) / orderings.size();
        before = after;
      }
    }
    double[] imp = Lmg.importance(correlations(x), outcomeCorrelations(x, y));
    for (int j = 0; j < p; j++) {
      assertThat(imp[j])
          .as("importance of x" + j + " vs 120 orderings")
          .isCloseTo(expected[j], within(1e-9));
    }
    assertThat(sum(imp))
        .as("importances sum to the full OLS R²")
        .isCloseTo(olsR2(x, y, List.of(0, 1, 2, 3, 4)), within(1e-9));
  }

  @Test
  void duplicatedPredictor_doesNotFail_andSplitsItsShareEqually() {
    // x2 is a copy of x1 (singular R), both correlate 0.6 with y: R² = 0.36, 0.18 each.
    double[] imp = Lmg.importance(new double[][] {{1, 1}, {1, 1}}, new double[] {0.6, 0.6});
    assertThat(imp[0]).isCloseTo(0.18, within(1e-9));
    assertThat(imp[1]).isCloseTo(0.18, within(1e-9));
  }

  @Test
  void shapleyWeights_ofThreePredictors_areAThirdASixthAndAThird() {
    // p = 3: a subset of size 0 precedes j in 2 of 6 orderings, a given one of size 1 in 1, of size
    // 2 in 2.
    double[] w = Lmg.shapleyWeights(3);
    assertThat(w[0]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(w[1]).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(w[2]).isCloseTo(1.0 / 3, within(1e-15));
  }

  static double olsR2(double[][] x, double[] y, List<Integer> columns) {
    double[][] sub = new double[x.length][columns.size()];
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < columns.size(); c++) {
        sub[i][c] = x[i][columns.get(c)];
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y, sub);
    return ols.calculateRSquared();
  }

  static List<int[]> permutations(int p) {
    List<int[]> out = new ArrayList<>();
    permute(new int[p], new boolean[p], 0, out);
    return out;
  }

  private static void permute(int[] cur, boolean[] used, int depth, List<int[]> out) {
    if (depth == cur.length) {
      out.add(cur.clone());
      return;
    }
    for (int j = 0; j < cur.length; j++) {
      if (!used[j]) {
        used[j] = true;
        cur[depth] = j;
        permute(cur, used, depth + 1, out);
        used[j] = false;
      }
    }
  }

  static double sum(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s;
  }

  // Pearson correlations of test data, written out plainly (test input, not code under test).

  static double[][] correlations(double[][] x) {
    int p = x[0].length;
    double[][] r = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        r[a][b] = pearson(column(x, a), column(x, b));
      }
    }
    return r;
  }

  static double[] outcomeCorrelations(double[][] x, double[] y) {
    double[] r = new double[x[0].length];
    for (int a = 0; a < r.length; a++) {
      r[a] = pearson(column(x, a), y);
    }
    return r;
  }

  static double[] column(double[][] x, int j) {
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i][j];
    }
    return c;
  }

  static double pearson(double[] a, double[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i] / a.length;
      mb += b[i] / b.length;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < a.length; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return sab / Math.sqrt(saa * sbb);
  }
}

package io.cxgap.common.drivers;

/**
 * The LMG decomposition of R² (Lindeman, Merenda and Gold 1980): each predictor's Shapley value in
 * the game whose worth of a subset S is R²(S), i.e. its R² gain averaged over all orderings in
 * which predictors can enter the regression. The values sum to the full model's R². Exact: it fits
 * all 2^p subsets, so p is bounded by the caller.
 */
final class Lmg {
  private Lmg() {}

  /**
   * Shapley shares of R² from the predictors' correlation matrix {@code rxx} (p × p, every
   * predictor varying) and their correlations with the outcome {@code rxy}.
   */
  static double[] importance(double[][] rxx, double[] rxy) {
    int p = rxy.length;
    double[] r2 = SubsetR2.all(rxx, rxy);
    double[] weight = shapleyWeights(p);
    double[] imp = new double[p];
    for (int mask = 0; mask < r2.length; mask++) {
      double w = weight[Integer.bitCount(mask)];
      for (int j = 0; j < p; j++) {
        int bit = 1 << j;
        if ((mask & bit) == 0) {
          imp[j] += w * (r2[mask | bit] - r2[mask]);
        }
      }
    }
    return imp;
  }

  /**
   * {@code w[s] = s! (p-s-1)! / p!}: the share of orderings in which a given S of size s precedes
   * j.
   */
  static double[] shapleyWeights(int p) {
    double[] w = new double[p + 1]; // w[p] unused: the full set precedes nothing
    for (int s = 0; s < p; s++) {
      double choose = 1; // C(p-1, s)
      for (int i = 1; i <= s; i++) {
        choose = choose * (p - s - 1 + i) / i;
      }
      w[s] = 1.0 / (p * choose);
    }
    return w;
  }
}

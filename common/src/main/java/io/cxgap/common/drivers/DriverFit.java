package io.cxgap.common.drivers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decomposition of R² over a matrix's touchpoints (DESIGN.md §5 gold.touchpoint_driver): exact
 * {@link Lmg} up to {@code maxExact} varying touchpoints, {@link RelativeWeights} above.
 * Touchpoints whose imputed gap is constant are left out of the regression and get importance 0.
 *
 * @param r2 R² of the regression of the outcome on every varying touchpoint's gap
 * @param importance per touchpoint of the moments, in their order; sums to r2
 * @param method {@link #LMG} or {@link #RELATIVE_WEIGHTS}
 */
record DriverFit(double r2, double[] importance, String method) {
  static final String LMG = "lmg";
  static final String RELATIVE_WEIGHTS = "relative_weights";

  /** Fewer customers than this: no fit. */
  static final int MIN_CUSTOMERS = 3;

  /**
   * Hard ceiling of the exact method whatever the config says: 2^p subset fits and a 2^p array of
   * R² values (2^24 doubles = 128 MiB).
   */
  static final int EXACT_CEILING = 24;

  /** A fit, or why there is none (then no rows are written). */
  record Result(DriverFit fit, String noFitReason) {
    static Result none(String format, Object... args) {
      return new Result(null, String.format(Locale.ROOT, format, args));
    }
  }

  /** Decomposes R² over the touchpoints of {@code m}. */
  static Result of(Moments m, int maxExact) {
    if (m.n() < MIN_CUSTOMERS) {
      return Result.none(
          "%d customers with an overall_nps in the window, fewer than %d", m.n(), MIN_CUSTOMERS);
    }
    if (m.outcomeConstant()) {
      return Result.none("every customer has the same mean overall_nps, so R² is undefined");
    }
    List<Integer> varying = new ArrayList<>();
    for (int i = 0; i < m.k(); i++) {
      if (!m.constant(i)) {
        varying.add(i);
      }
    }
    if (varying.isEmpty()) {
      return Result.none("no touchpoint gap varies across customers, so R² is undefined");
    }
    int p = varying.size();
    double[][] rxx = new double[p][p];
    double[] rxy = new double[p];
    for (int a = 0; a < p; a++) {
      rxy[a] = m.outcomeCorrelation(varying.get(a));
      for (int b = 0; b < p; b++) {
        rxx[a][b] = a == b ? 1.0 : m.correlation(varying.get(a), varying.get(b));
      }
    }
    boolean exact = p <= Math.min(maxExact, EXACT_CEILING);
    double[] shares = exact ? Lmg.importance(rxx, rxy) : RelativeWeights.importance(rxx, rxy);
    int[] all = new int[p];
    for (int a = 0; a < p; a++) {
      all[a] = a;
    }
    double r2 = SubsetR2.of(rxx, rxy, all, p);
    if (!(r2 > 0) || !Double.isFinite(r2)) {
      return Result.none("R² is %s: the gaps explain nothing, so shares are undefined", r2);
    }
    double[] importance = new double[m.k()];
    for (int a = 0; a < p; a++) {
      importance[varying.get(a)] = shares[a];
    }
    return new Result(new DriverFit(r2, importance, exact ? LMG : RELATIVE_WEIGHTS), null);
  }
}

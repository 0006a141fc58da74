package io.cxgap.common.drivers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bootstrap intervals and significance of driver importance (DESIGN.md §5): from the replicates'
 * sums, each replicate's moments with the noise predictor as one more column, the same
 * decomposition as the estimate, and per touchpoint the 2.5th and 97.5th percentiles.
 *
 * @param importanceLow per touchpoint of the moments, the 2.5th percentile of its importance
 * @param importanceHigh the 97.5th percentile of its importance
 * @param shareLow the 2.5th percentile of importance / (R² − the noise predictor's importance)
 * @param shareHigh the 97.5th percentile of that share
 * @param significant the 2.5th percentile of importance − the noise's importance is above 0
 * @param replicates the replicates that gave a fit (one whose outcome or gaps do not vary gives
 *     none and is left out)
 */
record DriverIntervals(
    double[] importanceLow,
    double[] importanceHigh,
    double[] shareLow,
    double[] shareHigh,
    boolean[] significant,
    int replicates) {

  static final String NOISE = "noise";

  /** The fewest customers for intervals: max(50, 10 · touchpoints). */
  static long minCustomers(int touchpoints) {
    return Math.max(50L, 10L * touchpoints);
  }

  /** Most subset regressions the exact (LMG) replicates may fit on the driver: 2^22. */
  static final long MAX_EXACT_SUBSETS = 1L << 22;

  /**
   * Whether {@code replicates} LMG refits over {@code touchpoints} and the noise predictor stay
   * within {@link #MAX_EXACT_SUBSETS} (200 replicates: up to 13 touchpoints).
   */
  static boolean exactAffordable(int replicates, int touchpoints) {
    return touchpoints + 1 < 40 && ((long) replicates << (touchpoints + 1)) <= MAX_EXACT_SUBSETS;
  }

  /**
   * The intervals of {@code full}'s touchpoints from the replicates' sums; null where no replicate
   * gives a fit.
   *
   * @param exact whether the estimate is LMG (else relative weights): the replicates use the same
   */
  static DriverIntervals of(ReplicateSums sums, Moments full, boolean exact) {
    int k = full.k();
    int b = sums.replicates();
    List<double[]> imp = new ArrayList<>(b);
    for (int r = 0; r < b; r++) {
      DriverFit.Result f =
          DriverFit.of(replicate(sums, r, full), exact ? DriverFit.EXACT_CEILING : 0);
      if (f.fit() != null) {
        // the touchpoints' importances, the noise's at k, the replicate's R² at k + 1
        double[] v = Arrays.copyOf(f.fit().importance(), k + 2);
        v[k + 1] = f.fit().r2();
        imp.add(v);
      }
    }
    int n = imp.size();
    if (n == 0) {
      return null;
    }
    double[] iLow = new double[k];
    double[] iHigh = new double[k];
    double[] sLow = new double[k];
    double[] sHigh = new double[k];
    boolean[] sig = new boolean[k];
    for (int t = 0; t < k; t++) {
      double[] v = new double[n];
      double[] s = new double[n];
      double[] diff = new double[n];
      for (int r = 0; r < n; r++) {
        double[] x = imp.get(r);
        double noise = x[k];
        v[r] = x[t];
        double explained = x[k + 1] - noise;
        s[r] = explained > 0 ? x[t] / explained : 0.0;
        diff[r] = x[t] - noise;
      }
      iLow[t] = Percentiles.of(v, 0.025);
      iHigh[t] = Percentiles.of(v, 0.975);
      sLow[t] = Percentiles.of(s, 0.025);
      sHigh[t] = Percentiles.of(s, 0.975);
      sig[t] = Percentiles.of(diff, 0.025) > 0;
    }
    return new DriverIntervals(iLow, iHigh, sLow, sHigh, sig, n);
  }

  /**
   * Replicate {@code r}'s moments: the touchpoints of {@code full} and the noise predictor last,
   * co-moments about the replicate's weighted means ({@code Σw·d_i·d_j − Σw·d_i · Σw·d_j / Σw}).
   */
  static Moments replicate(ReplicateSums sums, int r, Moments full) {
    int k = full.k();
    int p = k + 1; // predictors: touchpoints and noise
    int y = k + 1; // the outcome's variable
    long w = sums.weight(r);
    double[] s = new double[k + 2];
    for (int i = 0; i < k + 2; i++) {
      s[i] = w == 0 ? 0 : sums.sum(r, i);
    }
    double[][] cxx = new double[p][p];
    double[] cxy = new double[p];
    double[] means = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        cxx[i][j] = w == 0 ? 0 : sums.product(r, i, j) - s[i] * s[j] / w;
        cxx[j][i] = cxx[i][j];
      }
      cxy[i] = w == 0 ? 0 : sums.product(r, i, y) - s[i] * s[y] / w;
      means[i] = (i < k ? full.means()[i] : 0) + (w == 0 ? 0 : s[i] / w);
    }
    double cyy = w == 0 ? 0 : sums.product(r, y, y) - s[y] * s[y] / w;
    List<String> names = new ArrayList<>(full.touchpoints());
    names.add(NOISE);
    long[] respondents = Arrays.copyOf(full.respondents(), p);
    double outcomeMean = full.outcomeMean() + (w == 0 ? 0 : s[y] / w);
    return new Moments(names, w, full.items(), w, respondents, means, outcomeMean, cxx, cxy, cyy);
  }
}

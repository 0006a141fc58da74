package io.cxgap.common.drivers;

import java.util.List;

/**
 * The customer matrix of DESIGN.md §5 gold.touchpoint_driver reduced to its moments: everything the
 * regression needs, and nothing per customer. Touchpoints are those answered by at least one
 * customer of the matrix. Co-moments are sums of products of deviations from the means, with
 * unanswered cells imputed by the column mean (so they add nothing to a co-moment).
 *
 * @param touchpoints the matrix columns, in catalog order
 * @param customersWithResponse customers with at least one survey item in the window
 * @param items survey items in the window
 * @param n customers in the matrix (a response and an overall_nps in the window)
 * @param respondents per touchpoint, customers of the matrix who answered it
 * @param means per touchpoint, the mean of the answering customers' mean gaps
 * @param outcomeMean mean of the outcome (mean overall_nps × 10)
 * @param cxx co-moments of the imputed gaps, k × k
 * @param cxy co-moments of each imputed gap with the outcome
 * @param cyy sum of squared deviations of the outcome
 */
record Moments(
    List<String> touchpoints,
    long customersWithResponse,
    long items,
    long n,
    long[] respondents,
    double[] means,
    double outcomeMean,
    double[][] cxx,
    double[] cxy,
    double cyy) {

  /** Relative size below which a variance counts as zero (rounding noise of a constant column). */
  static final double ZERO_VARIANCE = 1e-12;

  Moments {
    touchpoints = List.copyOf(touchpoints);
  }

  int k() {
    return touchpoints.size();
  }

  /**
   * True when the touchpoint's imputed gap is constant over the matrix (it cannot explain
   * anything).
   */
  boolean constant(int i) {
    return n == 0 || cxx[i][i] / n <= ZERO_VARIANCE * (1 + means[i] * means[i]);
  }

  /** True when every customer of the matrix has the same outcome. */
  boolean outcomeConstant() {
    return n == 0 || cyy / n <= ZERO_VARIANCE * (1 + outcomeMean * outcomeMean);
  }

  /** Pearson correlation of two touchpoints' imputed gaps; both must vary. */
  double correlation(int i, int j) {
    return cxx[i][j] / Math.sqrt(cxx[i][i] * cxx[j][j]);
  }

  /** Pearson correlation of a touchpoint's imputed gap with the outcome; both must vary. */
  double outcomeCorrelation(int i) {
    return cxy[i] / Math.sqrt(cxx[i][i] * cyy);
  }
}

package io.cxgap.common.drivers;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Johnson's relative weights (Johnson 2000), the fallback to {@link Lmg} for many predictors: the
 * outcome is regressed on the orthogonal counterparts Z = X R^(-1/2) of the predictors, and each
 * predictor gets {@code ε_j = Σ_k Λ_jk² β_k²} with {@code Λ = R^(1/2)} and {@code β = Λ⁻¹ r_xy}.
 * The weights sum to R². One eigen-decomposition, so cheap for any p; close to LMG in practice.
 */
final class RelativeWeights {
  /** Eigenvalues below this share of the largest are treated as 0 (collinear predictors). */
  private static final double EIGEN_TOLERANCE = 1e-10;

  private RelativeWeights() {}

  static double[] importance(double[][] rxx, double[] rxy) {
    int p = rxy.length;
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(rxx, true));
    double[] lambda = e.getRealEigenvalues();
    double max = 0;
    for (double l : lambda) {
      max = Math.max(max, l);
    }
    RealMatrix v = e.getV();
    double[][] half = new double[p][p]; // Λ = V diag(√λ) V'
    double[][] halfPinv = new double[p][p]; // Λ⁺ = V diag(1/√λ) V', null space dropped
    for (int k = 0; k < p; k++) {
      if (lambda[k] <= EIGEN_TOLERANCE * Math.max(1, max)) {
        continue;
      }
      double root = Math.sqrt(lambda[k]);
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          double vv = v.getEntry(i, k) * v.getEntry(j, k);
          half[i][j] += vv * root;
          halfPinv[i][j] += vv / root;
        }
      }
    }
    double[] beta = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        beta[i] += halfPinv[i][j] * rxy[j];
      }
    }
    double[] eps = new double[p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        eps[j] += half[j][k] * half[j][k] * beta[k] * beta[k];
      }
    }
    return eps;
  }
}

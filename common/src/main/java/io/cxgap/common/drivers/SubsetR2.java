package io.cxgap.common.drivers;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * R² of the linear regression of the outcome on a subset S of predictors, from correlations: {@code
 * R²(S) = r_yS' R_SS⁻¹ r_yS}. A Cholesky solve; where R_SS is singular (collinear predictors) the
 * Moore–Penrose pseudo-inverse (eigenvalues below a tolerance dropped), which gives the R² of the
 * projection onto the predictors' span, i.e. what OLS with the redundant columns dropped gives.
 */
final class SubsetR2 {
  /** Cholesky pivot below which R_SS counts as singular (diagonal entries are 1). */
  private static final double PIVOT_TOLERANCE = 1e-10;

  private SubsetR2() {}

  /** R² of every subset, indexed by bit mask (bit j set: predictor j in S); R²(∅) = 0. */
  static double[] all(double[][] rxx, double[] rxy) {
    int p = rxy.length;
    double[] r2 = new double[1 << p];
    int[] idx = new int[p];
    for (int mask = 1; mask < r2.length; mask++) {
      int s = 0;
      for (int j = 0; j < p; j++) {
        if ((mask & (1 << j)) != 0) {
          idx[s++] = j;
        }
      }
      r2[mask] = of(rxx, rxy, idx, s);
    }
    return r2;
  }

  /** R² of the subset {@code idx[0..s)}. */
  static double of(double[][] rxx, double[] rxy, int[] idx, int s) {
    double[][] l = new double[s][s];
    double[] z = new double[s];
    for (int i = 0; i < s; i++) {
      for (int j = 0; j <= i; j++) {
        double v = rxx[idx[i]][idx[j]];
        for (int m = 0; m < j; m++) {
          v -= l[i][m] * l[j][m];
        }
        if (i == j) {
          if (v <= PIVOT_TOLERANCE) {
            return pseudoInverse(rxx, rxy, idx, s);
          }
          l[i][i] = Math.sqrt(v);
        } else {
          l[i][j] = v / l[j][j];
        }
      }
    }
    // R² = r' (L L')⁻¹ r = |L⁻¹ r|²
    double r2 = 0;
    for (int i = 0; i < s; i++) {
      double v = rxy[idx[i]];
      for (int m = 0; m < i; m++) {
        v -= l[i][m] * z[m];
      }
      z[i] = v / l[i][i];
      r2 += z[i] * z[i];
    }
    return r2;
  }

  private static double pseudoInverse(double[][] rxx, double[] rxy, int[] idx, int s) {
    double[][] sub = new double[s][s];
    double[] r = new double[s];
    for (int i = 0; i < s; i++) {
      r[i] = rxy[idx[i]];
      for (int j = 0; j < s; j++) {
        sub[i][j] = rxx[idx[i]][idx[j]];
      }
    }
    // R² = Σ (v_k' r)² / λ_k over the eigenpairs of R_SS, dropping the null space
    EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(sub, false));
    double[] lambda = e.getRealEigenvalues();
    double max = 0;
    for (double l : lambda) {
      max = Math.max(max, l);
    }
    RealVector rv = new ArrayRealVector(r, false);
    double r2 = 0;
    for (int k = 0; k < s; k++) {
      if (lambda[k] > PIVOT_TOLERANCE * Math.max(1, max)) {
        double proj = e.getEigenvector(k).dotProduct(rv);
        r2 += proj * proj / lambda[k];
      }
    }
    return r2;
  }
}

package io.cxgap.common.clusters;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns (the Hungarian method, Kuhn–Munkres with potentials,
 * O(n²·m)). Rectangular matrices are allowed: with more rows than columns some rows stay
 * unassigned; with fewer, some columns stay unused.
 */
final class Hungarian {
  private Hungarian() {}

  /**
   * The assignment that minimises the total cost: for each row, its column, or -1 when the row is
   * left out (more rows than columns). Every row of {@code cost} must have the same length, and
   * every value must be finite.
   */
  static int[] assign(double[][] cost) {
    int rows = cost.length;
    int cols = rows == 0 ? 0 : cost[0].length;
    int[] out = new int[rows];
    Arrays.fill(out, -1);
    if (rows == 0 || cols == 0) {
      return out;
    }
    for (double[] r : cost) {
      if (r.length != cols) {
        throw new IllegalArgumentException("cost matrix rows differ in length");
      }
      for (double v : r) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("cost matrix holds a non-finite value: " + v);
        }
      }
    }
    if (rows <= cols) {
      return solve(cost, rows, cols);
    }
    double[][] t = new double[cols][rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j][i] = cost[i][j];
      }
    }
    int[] colToRow = solve(t, cols, rows);
    for (int j = 0; j < cols; j++) {
      out[colToRow[j]] = j;
    }
    return out;
  }

  /** n ≤ m: every row gets a distinct column. */
  private static int[] solve(double[][] a, int n, int m) {
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] p = new int[m + 1]; // p[j]: the row (1-based) assigned to column j; 0 = none
    int[] way = new int[m + 1];
    for (int i = 1; i <= n; i++) {
      p[0] = i;
      int j0 = 0;
      double[] minv = new double[m + 1];
      Arrays.fill(minv, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[j0] = true;
        int i0 = p[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
            if (cur < minv[j]) {
              minv[j] = cur;
              way[j] = j0;
            }
            if (minv[j] < delta) {
              delta = minv[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[p[j]] += delta;
            v[j] -= delta;
          } else {
            minv[j] -= delta;
          }
        }
        j0 = j1;
      } while (p[j0] != 0);
      do {
        int j1 = way[j0];
        p[j0] = p[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] rowToCol = new int[n];
    Arrays.fill(rowToCol, -1);
    for (int j = 1; j <= m; j++) {
      if (p[j] != 0) {
        rowToCol[p[j] - 1] = j - 1;
      }
    }
    return rowToCol;
  }
}

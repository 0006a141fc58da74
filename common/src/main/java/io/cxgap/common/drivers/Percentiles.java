package io.cxgap.common.drivers;

import java.util.Arrays;

/** Sample percentiles for the bootstrap intervals (DESIGN.md §5). */
final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code q} quantile of {@code values} by linear interpolation between order statistics
   * (Hyndman and Fan's type 7, R's and NumPy's default): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ +
   * 1] − x[⌊h⌋]) over the sorted values. {@code values} is not changed.
   */
  static double of(double[] values, double q) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values for a percentile");
    }
    double[] x = values.clone();
    Arrays.sort(x);
    double h = (x.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= x.length - 1) {
      return x[x.length - 1];
    }
    return x[lo] + (h - lo) * (x[lo + 1] - x[lo]);
  }
}

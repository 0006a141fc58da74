package io.cxgap.common.drivers;

import java.io.Serializable;
import java.util.Locale;

/**
 * The weighted sums of every bootstrap replicate of the customer matrix (DESIGN.md §5, uncertainty
 * of driver importance): per replicate b, {@code Σ w}, {@code Σ w·d_i} and {@code Σ w·d_i·d_j} (i ≤
 * j) over the p matrix variables, w the customer's Poisson weight in b.
 *
 * <p>Sums are exact integers: each customer's terms are rounded once to multiples of 2^-{@value
 * #SCALE_BITS} and added as 104-bit fixed-point numbers (a {@code long} of high bits and a {@code
 * long} of the low {@value #LOW_BITS} bits), so the result is the same in whatever order and
 * partitioning the customers arrive: integer addition is associative, double addition is not.
 */
final class ReplicateSums implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Fixed-point fraction bits of the d and d·d terms. */
  static final int SCALE_BITS = 24;

  /** A term's fixed-point magnitude above this fails: 2^48, i.e. |d·d| up to 2^24 (1.7e7). */
  static final long MAX_TERM = 1L << 48;

  static final int LOW_BITS = 40;
  private static final long LOW_MASK = (1L << LOW_BITS) - 1;

  /**
   * Customers added between carries into the high words: 64 × weight (≤ {@link
   * BootstrapDraws#MAX_WEIGHT}) × {@link #MAX_TERM} plus a carried low word stays below 2^63.
   */
  private static final int CARRY_EVERY = 64;

  private static final double SCALE = 1L << SCALE_BITS;

  private final int replicates;
  private final int p;
  private final int width;
  // allocated on the first add or merge, so the empty sums that Spark ships in every task are small
  private long[] high;
  private long[] low;
  private int sinceCarry;

  ReplicateSums(int replicates, int p) {
    this.replicates = replicates;
    this.p = p;
    this.width = 1 + p + p * (p + 1) / 2;
  }

  private void allocate() {
    if (low == null) {
      high = new long[replicates * width];
      low = new long[replicates * width];
    }
  }

  int replicates() {
    return replicates;
  }

  /** Number of matrix variables. */
  int p() {
    return p;
  }

  /**
   * One customer's terms in fixed point: 1, then d_i, then d_i·d_j for i ≤ j (row by row).
   *
   * @throws IllegalArgumentException where a term is not finite or too large for the fixed point
   */
  static long[] terms(double[] d) {
    int p = d.length;
    long[] t = new long[1 + p + p * (p + 1) / 2];
    t[0] = 1;
    int at = 1;
    for (int i = 0; i < p; i++) {
      t[at++] = fixed(d[i]);
    }
    for (int i = 0; i < p; i++) {
      for (int j = i; j < p; j++) {
        t[at++] = fixed(d[i] * d[j]);
      }
    }
    return t;
  }

  private static long fixed(double x) {
    double v = Math.rint(x * SCALE);
    if (!(Math.abs(v) <= MAX_TERM)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "drivers bootstrap: a matrix term %s is outside ±2^%d; gaps and the outcome are"
                  + " expected on the 0..100 scale",
              x,
              48 - SCALE_BITS));
    }
    return (long) v;
  }

  /** Adds one customer's {@link #terms} with its weight in each replicate. */
  ReplicateSums add(long[] terms, int[] weights) {
    allocate();
    for (int b = 0; b < replicates; b++) {
      int w = weights[b];
      if (w == 0) {
        continue;
      }
      int base = b * width;
      for (int l = 0; l < width; l++) {
        low[base + l] += w * terms[l];
      }
    }
    if (++sinceCarry >= CARRY_EVERY) {
      carry();
    }
    return this;
  }

  /** Adds another partition's sums into these. */
  ReplicateSums merge(ReplicateSums other) {
    if (other.low == null) {
      return this;
    }
    allocate();
    carry();
    other.carry();
    for (int i = 0; i < low.length; i++) {
      high[i] += other.high[i];
      low[i] += other.low[i];
    }
    carry();
    return this;
  }

  /** Moves all but the low bits into the high word: the (high, low) pair stays the same number. */
  private void carry() {
    allocate();
    for (int i = 0; i < low.length; i++) {
      high[i] += low[i] >> LOW_BITS;
      low[i] &= LOW_MASK;
    }
    sinceCarry = 0;
  }

  /** Σ w in replicate b. */
  long weight(int b) {
    carry();
    return high[b * width] * (1L << LOW_BITS) + low[b * width];
  }

  /** Σ w·d_i in replicate b. */
  double sum(int b, int i) {
    return value(b * width + 1 + i);
  }

  /** Σ w·d_i·d_j in replicate b. */
  double product(int b, int i, int j) {
    int lo = Math.min(i, j);
    int hi = Math.max(i, j);
    // row lo of the upper triangle starts after the rows 0..lo-1, of p, p-1, … entries
    int offset = lo * p - lo * (lo - 1) / 2 + (hi - lo);
    return value(b * width + 1 + p + offset);
  }

  private double value(int at) {
    carry();
    return ((double) high[at] * (1L << LOW_BITS) + low[at]) / SCALE;
  }
}

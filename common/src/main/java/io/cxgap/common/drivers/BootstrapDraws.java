package io.cxgap.common.drivers;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * A customer's random draws for the driver bootstrap (DESIGN.md §5): a Poisson(1) weight per
 * replicate and one N(0,1) noise value. They depend only on {@code cx.seed}, the date and the
 * customer id, never on partitioning or order, so the same run gives the same replicates.
 */
final class BootstrapDraws {
  /** Largest weight drawn (P(Poisson(1) > 20) is about 1e-20). */
  static final int MAX_WEIGHT = 20;

  /** P(X ≤ k) of Poisson(1), k = 0..MAX_WEIGHT-1. */
  private static final double[] CDF = new double[MAX_WEIGHT];

  static {
    double pk = StrictMath.exp(-1);
    double c = 0;
    for (int k = 0; k < MAX_WEIGHT; k++) {
      c += pk;
      CDF[k] = c;
      pk /= k + 1;
    }
  }

  private BootstrapDraws() {}

  /** The customer's generator seed: a 64-bit mix of the run seed, the date and the id's bytes. */
  static long seed(long runSeed, LocalDate date, String customerId) {
    long h = mix(runSeed ^ 0x9E3779B97F4A7C15L);
    h = mix(h ^ date.toEpochDay());
    for (byte x : customerId.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (x & 0xff));
    }
    return h;
  }

  /** The draws of one customer: noise first, then one weight per replicate. */
  static double draw(long customerSeed, int[] weights) {
    SplittableRandom r = new SplittableRandom(customerSeed);
    double noise = gaussian(r);
    for (int b = 0; b < weights.length; b++) {
      weights[b] = poisson(r.nextDouble());
    }
    return noise;
  }

  /** Poisson(1) by inversion of its CDF. */
  static int poisson(double u) {
    for (int k = 0; k < MAX_WEIGHT; k++) {
      if (u < CDF[k]) {
        return k;
      }
    }
    return MAX_WEIGHT;
  }

  /** Box–Muller with StrictMath, so every JVM gives the same bits. */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }

  /** Stafford's mix13 finaliser (as in SplittableRandom). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

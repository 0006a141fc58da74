package io.cxgap.common.generate.random;

import java.util.SplittableRandom;

/**
 * Deterministic random streams: one {@link SplittableRandom} per (seed, purpose, customer), so a
 * customer's data does not depend on how many rows came before it and the clean data does not
 * depend on the messy rate. Uses {@link StrictMath} so the numbers are the same on every JVM.
 */
public final class Rng {
  public static final long PROFILE = 1;
  public static final long SURVEYS = 2;
  public static final long INTERACTIONS = 3;
  public static final long GAP_OFFSETS = 4;
  public static final long ADEQUATE = 5;
  public static final long MESS_CUSTOMERS = 11;
  public static final long MESS_SURVEYS = 12;
  public static final long MESS_INTERACTIONS = 13;
  public static final long MESS_ADEQUATE = 14;

  private Rng() {}

  public static SplittableRandom stream(long seed, long purpose, long index) {
    return new SplittableRandom(mix(seed ^ mix(purpose * 0x9E3779B97F4A7C15L + index)));
  }

  /** SplitMix64 finaliser. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Normal draw by Box-Muller (one of the pair). */
  public static double gaussian(SplittableRandom r, double mean, double sd) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    double z =
        StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    return mean + sd * z;
  }

  /** Exponential waiting time with the given mean. */
  public static double exponential(SplittableRandom r, double mean) {
    return -mean * StrictMath.log(1.0 - r.nextDouble());
  }

  /** Rounds up with probability equal to the fraction, so the expected value is {@code x}. */
  public static long stochasticRound(SplittableRandom r, double x) {
    double f = StrictMath.floor(x);
    return (long) f + (r.nextDouble() < x - f ? 1 : 0);
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  public static int weighted(SplittableRandom r, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = r.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  public static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  public static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }
}

package io.cxgap.common.generate;

import java.util.SplittableRandom;

/**
 * The planted score model on the 0..100 normalised scale (DESIGN.md §5): expectation ~ 75 ± 8; gap
 * ~ -35 ± 8 on the customer's pain touchpoints and +3 ± 8 elsewhere; an extra -15 on billing for
 * SMB customers in the latest 90 days; overall NPS from the weighted gaps. Values map to a survey's
 * scale with stochastic rounding, so their means stay unbiased.
 */
final class LatentModel {
  static final double EXPECTATION_MEAN = 75;
  static final double EXPECTATION_SD = 8;
  static final double PAIN_GAP_MEAN = -35;
  static final double OTHER_GAP_MEAN = 3;
  static final double GAP_SD = 8;
  static final double NPS_INTERCEPT = 8;
  static final double NPS_NOISE_SD = 0.5;
  static final double TREND_DELTA = -15;
  static final int TREND_TOUCHPOINT = Touchpoints.BILLING;
  static final String TREND_SEGMENT = "SMB";
  static final int WINDOW_DAYS = 90;

  /** Chance that a response covers each of the customer's pain touchpoints. */
  static final double PAIN_ANSWER_PROB = 0.85;

  /** Driver weights in catalog order: support_call .40, billing .25, delivery .15, app .08. */
  static final double[] WEIGHTS = new double[Touchpoints.COUNT];

  static {
    java.util.Arrays.fill(WEIGHTS, 0.02);
    WEIGHTS[Touchpoints.SUPPORT_CALL] = 0.40;
    WEIGHTS[Touchpoints.BILLING] = 0.25;
    WEIGHTS[Touchpoints.DELIVERY] = 0.15;
    WEIGHTS[Touchpoints.APP] = 0.08;
  }

  private LatentModel() {}

  /** Mean latent gap of a customer on a touchpoint, trend included. */
  static double meanGap(PainGroup g, int tp, boolean trended) {
    double m = g.isPain(tp) ? PAIN_GAP_MEAN : OTHER_GAP_MEAN;
    return trended && tp == TREND_TOUCHPOINT ? m + TREND_DELTA : m;
  }

  static double expectation(SplittableRandom r) {
    return Rng.clamp(Rng.gaussian(r, EXPECTATION_MEAN, EXPECTATION_SD), 0, 100);
  }

  static double gap(SplittableRandom r, PainGroup g, int tp, boolean trended) {
    return Rng.gaussian(r, meanGap(g, tp, trended), GAP_SD);
  }

  /**
   * {@code clamp(round(8 + Σ w_t · gap_t / 10 + noise), 0, 10)}; {@code gaps[t]} is the drawn gap
   * where the response covers t, NaN elsewhere (then the customer's mean gap is used).
   */
  static int nps(SplittableRandom r, double[] gaps, PainGroup g, boolean trended) {
    double x = NPS_INTERCEPT;
    for (int t = 0; t < Touchpoints.COUNT; t++) {
      double gap = Double.isNaN(gaps[t]) ? meanGap(g, t, trended) : gaps[t];
      x += WEIGHTS[t] * gap / 10.0;
    }
    x += Rng.gaussian(r, 0, NPS_NOISE_SD);
    return (int) Rng.clamp(StrictMath.floor(x + 0.5), 0, 10);
  }

  /** A 0..100 latent value on the scale [min, max], stochastically rounded. */
  static int toScale(SplittableRandom r, double latent, int min, int max) {
    double v = min + Rng.clamp(latent, 0, 100) / 100.0 * (max - min);
    return (int) Rng.clamp(Rng.stochasticRound(r, v), min, max);
  }
}

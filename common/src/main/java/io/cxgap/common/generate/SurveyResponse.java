package io.cxgap.common.generate;

import io.cxgap.common.generate.random.FakeText;
import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One planted survey submission: 3–6 items drawn from the latent model, and the landing format it
 * goes to (each response goes to exactly one of long CSV, JSON lines, wide export). Responses to
 * {@link #THREE_COLUMN_SURVEY} also carry an adequate level per item (the zone of tolerance).
 */
record SurveyResponse(
    String responseId,
    String customerId,
    String surveyId,
    long respondedAt,
    String respondedText,
    Integer scaleMin,
    Integer scaleMax,
    int nps,
    Format format,
    List<Item> items) {

  enum Format {
    LONG,
    JSON,
    WIDE
  }

  /**
   * One answered touchpoint; {@code touchpointText} is the id, name or alias as written, {@code
   * adequate} null outside three-column surveys. {@code latentGap} is the gap the written scores
   * have in expectation on the 0..100 scale (stochastic rounding is unbiased): clamp(e + g) - e.
   */
  record Item(
      int touchpoint,
      String touchpointText,
      int expectation,
      int experience,
      String comment,
      Integer adequate,
      double latentGap) {}

  /** The survey whose responses are three-column (S-10, scale 0..10). */
  static final int THREE_COLUMN_SURVEY = 2;

  static final String[] SURVEY_IDS = {"S-7", "S-5", "S-10"};
  static final int[] SCALE_MIN = {1, 1, 0};
  static final int[] SCALE_MAX = {7, 5, 10};
  static final double[] SURVEY_SHARES = {0.50, 0.25, 0.25};
  static final double[] FORMAT_SHARES = {0.65, 0.25, 0.10};

  /** Share of S-7 responses written without scale columns (the default 1..7 applies). */
  static final double BLANK_SCALE_PROB = 0.30;

  static final double MEAN_DAYS_BETWEEN = 45;

  /** Scale bounds that apply to the response, blank columns included. */
  int effectiveMax() {
    return scaleMax == null ? 7 : scaleMax;
  }

  /**
   * The customer's responses in the period, oldest first: a renewal process with gaps uniform in
   * 15..75 days (mean 45), so every 90-day window holds at least one response of an active
   * customer.
   */
  static List<SurveyResponse> plan(
      CustomerPlan c, double[] offsets, Period p, SplittableRandom r, SplittableRandom z) {
    List<SurveyResponse> out = new ArrayList<>();
    double t = c.activeFrom(p) + r.nextDouble() * MEAN_DAYS_BETWEEN * Timestamps.DAY;
    int seq = 1;
    while (t < p.end()) {
      out.add(one(c, offsets, p, r, z, (long) t, seq++));
      t += (15 + r.nextDouble() * 60) * Timestamps.DAY;
    }
    return out;
  }

  /**
   * @param z the customer's adequate stream: the three-column answers draw only from it, so the
   *     other values are those a two-column generator drew
   */
  private static SurveyResponse one(
      CustomerPlan c,
      double[] offsets,
      Period p,
      SplittableRandom r,
      SplittableRandom z,
      long at,
      int seq) {
    int s = Rng.weighted(r, SURVEY_SHARES);
    Format format = Format.values()[Rng.weighted(r, FORMAT_SHARES)];
    boolean blankScale = s == 0 && r.nextDouble() < BLANK_SCALE_PROB;
    boolean trended = c.trendSegment() && at >= p.windowStart();
    boolean[] chosen = chooseTouchpoints(r, c.group());
    double[] gaps = new double[Touchpoints.COUNT];
    List<Item> items = new ArrayList<>();
    for (int tp = 0; tp < Touchpoints.COUNT; tp++) {
      gaps[tp] = Double.NaN;
      if (!chosen[tp]) {
        continue;
      }
      double e = LatentModel.expectation(r);
      double planted = PlantedInitiatives.shift(c, p, tp, at);
      double g = LatentModel.gap(r, c.group(), offsets[tp] + planted, tp, trended);
      gaps[tp] = g;
      int exp = LatentModel.toScale(r, e, SCALE_MIN[s], SCALE_MAX[s]);
      int xp = LatentModel.toScale(r, e + g, SCALE_MIN[s], SCALE_MAX[s]);
      Integer adq =
          s == THREE_COLUMN_SURVEY
              ? LatentModel.toScale(z, LatentModel.adequate(z, e), SCALE_MIN[s], SCALE_MAX[s])
              : null;
      double latentGap = Rng.clamp(e + g, 0, 100) - e;
      items.add(
          new Item(tp, Touchpoints.render(r, tp), exp, xp, FakeText.comment(r, g), adq, latentGap));
    }
    int nps = LatentModel.nps(r, gaps, c.group(), offsets, trended);
    String rid = Timestamps.id("R" + c.id().substring(1) + "-", seq, 3);
    return new SurveyResponse(
        rid,
        c.id(),
        SURVEY_IDS[s],
        at,
        Timestamps.mixed(r, at),
        blankScale ? null : SCALE_MIN[s],
        blankScale ? null : SCALE_MAX[s],
        nps,
        format,
        items);
  }

  /** 3–6 touchpoints: each pain touchpoint with probability 0.85, the rest at random. */
  static boolean[] chooseTouchpoints(SplittableRandom r, PainGroup g) {
    int k = 3 + r.nextInt(4);
    boolean[] chosen = new boolean[Touchpoints.COUNT];
    int n = 0;
    for (int tp : g.painTouchpoints()) {
      if (r.nextDouble() < LatentModel.PAIN_ANSWER_PROB) {
        chosen[tp] = true;
        n++;
      }
    }
    int[] rest = new int[Touchpoints.COUNT - n];
    int m = 0;
    for (int tp = 0; tp < Touchpoints.COUNT; tp++) {
      if (!chosen[tp] && !g.isPain(tp)) {
        rest[m++] = tp;
      }
    }
    for (int i = 0; n < k && i < m; i++, n++) {
      int j = i + r.nextInt(m - i);
      int tmp = rest[i];
      rest[i] = rest[j];
      rest[j] = tmp;
      chosen[rest[i]] = true;
    }
    return chosen;
  }
}

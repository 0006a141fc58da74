package io.cxgap.common.generate;

import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The planted channel friction: about 5 contacts per customer per 90 days; {@code billing_support}
 * customers have 4 more per 90 days on billing and phone support, and their phone contacts wait
 * ~900 ± 300 s, are abandoned 40% of the time and repeated within 7 days half of the time; every
 * other contact waits ~60 ± 40 s, is abandoned 5% of the time and repeated 8% of the time.
 */
final class Contacts {
  static final double CONTACTS_PER_90_DAYS = 5;
  static final double EXTRA_PAIN_CONTACTS_PER_90_DAYS = 4;
  static final double PAIN_WAIT_MEAN = 900;
  static final double PAIN_WAIT_SD = 300;
  static final double PAIN_ABANDON_PROB = 0.40;
  static final double PAIN_REPEAT_PROB = 0.50;
  static final double WAIT_MEAN = 60;
  static final double WAIT_SD = 40;
  static final double ABANDON_PROB = 0.05;
  static final double REPEAT_PROB = 0.08;
  static final String[] OUTCOMES = {"resolved", "unresolved", "escalated", "failed", null};
  private static final double[] OUTCOME_WEIGHTS = {0.70, 0.10, 0.07, 0.05, 0.08};

  /** One contact; {@code outcome} null is blank. */
  record Contact(
      long at, int touchpoint, String channel, int waitS, int durationS, String outcome) {}

  private Contacts() {}

  /** The customer's contacts in the period, oldest first. */
  static List<Contact> plan(CustomerPlan c, Period p, SplittableRandom r) {
    boolean painGroup = c.group() == PainGroup.BILLING_SUPPORT;
    List<long[]> starts = new ArrayList<>(); // {at, touchpoint, forcePhone}
    long from = c.activeFrom(p);
    double gap = 90.0 / CONTACTS_PER_90_DAYS * Timestamps.DAY;
    for (double t = from + Rng.exponential(r, gap); t < p.end(); t += Rng.exponential(r, gap)) {
      starts.add(new long[] {(long) t, Rng.weighted(r, Touchpoints.CONTACT_WEIGHTS), 0});
    }
    if (painGroup) {
      double extra = 90.0 / EXTRA_PAIN_CONTACTS_PER_90_DAYS * Timestamps.DAY;
      for (double t = from + Rng.exponential(r, extra);
          t < p.end();
          t += Rng.exponential(r, extra)) {
        int tp = r.nextBoolean() ? Touchpoints.BILLING : Touchpoints.SUPPORT_CALL;
        starts.add(new long[] {(long) t, tp, 1});
      }
    }
    List<Contact> out = new ArrayList<>();
    for (long[] s : starts) {
      int tp = (int) s[1];
      String channel = s[2] == 1 ? "phone" : Touchpoints.channel(r, tp);
      boolean pain = painGroup && channel.equals("phone");
      out.add(contact(r, s[0], tp, channel, pain));
      if (r.nextDouble() < (pain ? PAIN_REPEAT_PROB : REPEAT_PROB)) {
        long again = s[0] + (long) ((0.5 + 6 * r.nextDouble()) * Timestamps.DAY);
        if (again < p.end()) {
          out.add(contact(r, again, tp, channel, pain));
        }
      }
    }
    out.sort(Comparator.comparingLong(Contact::at));
    return out;
  }

  private static Contact contact(
      SplittableRandom r, long at, int tp, String channel, boolean pain) {
    double wait =
        pain ? Rng.gaussian(r, PAIN_WAIT_MEAN, PAIN_WAIT_SD) : Rng.gaussian(r, WAIT_MEAN, WAIT_SD);
    boolean abandoned = r.nextDouble() < (pain ? PAIN_ABANDON_PROB : ABANDON_PROB);
    String outcome = abandoned ? "abandoned" : OUTCOMES[Rng.weighted(r, OUTCOME_WEIGHTS)];
    double duration = abandoned ? Rng.gaussian(r, 25, 10) : Rng.gaussian(r, 300, 150);
    return new Contact(
        at,
        tp,
        channel,
        (int) Math.round(Math.max(0, wait)),
        (int) Math.round(Math.max(abandoned ? 1 : 10, duration)),
        outcome);
  }
}

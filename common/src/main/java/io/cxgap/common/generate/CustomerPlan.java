package io.cxgap.common.generate;

import io.cxgap.common.generate.random.FakeText;
import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import java.util.SplittableRandom;

/**
 * One customer's planted profile: pain group, PII, and CRM versions (signup, an optional later
 * change inside the period, an optional version dated after the end date that a run must ignore).
 * SMB customers never change segment, so the SMB × billing trend cell has the same members in both
 * windows.
 */
record CustomerPlan(
    int index,
    String id,
    PainGroup group,
    String fullName,
    String email,
    String phone,
    Version first,
    Version update,
    Version future) {

  /** One CRM row's changing fields; blank is {@code ""}. */
  record Version(long updatedAt, String segment, String region, String tier) {}

  static final String[] SEGMENTS = {"SMB", "Enterprise", "Consumer"};
  static final String[] REGIONS = {"North", "South", "East", "West"};
  static final String[] TIERS = {"bronze", "silver", "gold"};
  private static final double[] SEGMENT_WEIGHTS = {0.35, 0.25, 0.40};
  private static final double[] TIER_WEIGHTS = {0.50, 0.35, 0.15};
  static final double BLANK_PROB = 0.03;
  static final double UPDATE_PROB = 0.30;
  static final double FUTURE_PROB = 0.02;
  static final double SIGNUP_IN_PERIOD_PROB = 0.20;

  static String id(int index) {
    return Timestamps.id("C", index, 6);
  }

  static CustomerPlan draw(SplittableRandom r, int index, Period p) {
    PainGroup group = PainGroup.draw(r);
    int first = FakeText.firstIndex(r);
    int last = FakeText.lastIndex(r);
    String name = FakeText.fullName(r, first, last);
    String email = r.nextDouble() < 0.05 ? "" : FakeText.email(r, first, last, index);
    String phone = r.nextDouble() < 0.10 ? "" : FakeText.phone(r);
    String segment = blankOr(r, SEGMENTS[Rng.weighted(r, SEGMENT_WEIGHTS)]);
    String region = blankOr(r, Rng.pick(r, REGIONS));
    String tier = blankOr(r, TIERS[Rng.weighted(r, TIER_WEIGHTS)]);
    Version v1 = new Version(signup(r, p), segment, region, tier);
    Version update = null;
    long earliest = v1.updatedAt() + Timestamps.DAY;
    if (r.nextDouble() < UPDATE_PROB && earliest < p.end()) {
      long at = earliest + r.nextLong(p.end() - earliest);
      boolean swapSegment =
          (segment.equals("Enterprise") || segment.equals("Consumer")) && r.nextBoolean();
      update =
          swapSegment
              ? new Version(
                  at, segment.equals("Enterprise") ? "Consumer" : "Enterprise", region, tier)
              : new Version(at, segment, region, other(r, TIERS, tier));
    }
    Version future = null;
    if (r.nextDouble() < FUTURE_PROB) {
      Version base = update != null ? update : v1;
      long at = p.end() + Timestamps.DAY + r.nextLong(60 * Timestamps.DAY);
      future =
          new Version(
              at, base.segment(), other(r, REGIONS, base.region()), other(r, TIERS, base.tier()));
    }
    return new CustomerPlan(index, id(index), group, name, email, phone, v1, update, future);
  }

  /** The version a run for the end date uses: the newest at or before it. */
  Version asOfEnd() {
    return update != null ? update : first;
  }

  /** True when the SMB × billing trend applies to this customer's latest-window responses. */
  boolean trendSegment() {
    return asOfEnd().segment().equals(LatentModel.TREND_SEGMENT);
  }

  /** Surveys and contacts start after signup (or at the period start). */
  long activeFrom(Period p) {
    return Math.max(p.start(), first.updatedAt() + 3600);
  }

  private static long signup(SplittableRandom r, Period p) {
    long days = (p.end() - p.start()) / Timestamps.DAY;
    long day;
    if (days > 7 && r.nextDouble() < SIGNUP_IN_PERIOD_PROB) {
      day = p.start() / Timestamps.DAY + r.nextLong(days - 7);
    } else {
      day = p.start() / Timestamps.DAY - 1 - r.nextInt(3 * 365);
    }
    return day * Timestamps.DAY + r.nextInt((int) Timestamps.DAY);
  }

  private static String blankOr(SplittableRandom r, String value) {
    return r.nextDouble() < BLANK_PROB ? "" : value;
  }

  private static String other(SplittableRandom r, String[] values, String current) {
    String v;
    do {
      v = Rng.pick(r, values);
    } while (v.equals(current));
    return v;
  }
}

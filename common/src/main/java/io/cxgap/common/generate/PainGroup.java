package io.cxgap.common.generate;

import java.util.SplittableRandom;

/** The four planted pain groups; every customer belongs to exactly one, for good. */
enum PainGroup {
  BILLING_SUPPORT("billing_support", 0.25, Touchpoints.BILLING, Touchpoints.SUPPORT_CALL),
  DIGITAL("digital", 0.25, Touchpoints.APP, Touchpoints.WEBSITE),
  DELIVERY("delivery", 0.20, Touchpoints.DELIVERY, Touchpoints.CHECKOUT),
  CONTENT("content", 0.30);

  final String id;
  final double share;
  private final int[] pains;

  PainGroup(String id, double share, int... pains) {
    this.id = id;
    this.share = share;
    this.pains = pains;
  }

  int[] painTouchpoints() {
    return pains.clone();
  }

  boolean isPain(int tp) {
    for (int p : pains) {
      if (p == tp) {
        return true;
      }
    }
    return false;
  }

  /** True when the touchpoint is a pain of some group. */
  static boolean anyPain(int tp) {
    for (PainGroup g : values()) {
      if (g.isPain(tp)) {
        return true;
      }
    }
    return false;
  }

  static PainGroup draw(SplittableRandom r) {
    PainGroup[] all = values();
    double u = r.nextDouble();
    for (PainGroup g : all) {
      u -= g.share;
      if (u < 0) {
        return g;
      }
    }
    return all[all.length - 1];
  }
}

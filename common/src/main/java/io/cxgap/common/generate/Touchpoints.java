package io.cxgap.common.generate;

import io.cxgap.common.generate.random.Rng;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The touchpoint catalog as the generator needs it: ids in catalog order, the names and aliases
 * that {@code conf/touchpoints.conf} lists (a test keeps the two in step), the channels a contact
 * on each touchpoint comes through, and how often contacts land on each.
 */
final class Touchpoints {
  static final int WEBSITE = 0;
  static final int CHECKOUT = 1;
  static final int DELIVERY = 2;
  static final int ONBOARDING = 3;
  static final int APP = 4;
  static final int BILLING = 5;
  static final int STORE_VISIT = 6;
  static final int SUPPORT_CALL = 7;
  static final int SUPPORT_CHAT = 8;
  static final int RENEWAL = 9;

  static final List<String> IDS =
      List.of(
          "website",
          "checkout",
          "delivery",
          "onboarding",
          "app",
          "billing",
          "store_visit",
          "support_call",
          "support_chat",
          "renewal");
  static final int COUNT = IDS.size();

  /** Catalog name first, then the aliases, per touchpoint. */
  static final List<List<String>> NAMES =
      List.of(
          List.of("Website", "web site", "homepage", "web"),
          List.of("Checkout and ordering", "order", "ordering", "purchase"),
          List.of("Delivery", "shipping", "shipment"),
          List.of("Onboarding", "welcome call", "setup", "account setup"),
          List.of("Mobile app", "mobile app", "mobile"),
          List.of("Billing and invoices", "invoice", "Billing & payments", "payments"),
          List.of("Store visit", "store", "branch"),
          List.of("Phone support", "call centre", "call center", "phone support", "hotline"),
          List.of("Chat support", "chat", "live chat"),
          List.of("Contract renewal", "contract renewal", "renew"));

  /** SERVQUAL dimension per touchpoint, as {@code conf/touchpoints.conf} gives it. */
  static final List<String> DIMENSIONS =
      List.of(
          "tangibles",
          "reliability",
          "reliability",
          "assurance",
          "tangibles",
          "reliability",
          "empathy",
          "responsiveness",
          "responsiveness",
          "empathy");

  /** Channels a contact on each touchpoint comes through, with their weights. */
  private static final String[][] CHANNELS = {
    {"web"},
    {"web", "app"},
    {"web", "email", "phone"},
    {"phone", "email", "web"},
    {"app"},
    {"email", "phone", "web"},
    {"store"},
    {"phone"},
    {"chat"},
    {"email", "phone", "web"},
  };

  private static final double[][] CHANNEL_WEIGHTS = {
    {1},
    {0.8, 0.2},
    {0.5, 0.3, 0.2},
    {0.5, 0.3, 0.2},
    {1},
    {0.4, 0.35, 0.25},
    {1},
    {1},
    {1},
    {0.5, 0.3, 0.2},
  };

  /** Share of contacts on each touchpoint (catalog order). */
  static final double[] CONTACT_WEIGHTS = {
    0.15, 0.08, 0.10, 0.05, 0.15, 0.12, 0.07, 0.12, 0.12, 0.04
  };

  private Touchpoints() {}

  static String channel(SplittableRandom r, int tp) {
    return CHANNELS[tp][Rng.weighted(r, CHANNEL_WEIGHTS[tp])];
  }

  /**
   * The touchpoint as a source writes it: the id in 80% of rows, otherwise a name or alias in odd
   * case, sometimes with surrounding spaces (names match case-insensitively after trimming).
   */
  static String render(SplittableRandom r, int tp) {
    if (r.nextDouble() < 0.80) {
      return IDS.get(tp);
    }
    List<String> names = NAMES.get(tp);
    String s = r.nextInt(5) == 0 ? IDS.get(tp) : names.get(r.nextInt(names.size()));
    switch (r.nextInt(4)) {
      case 0 -> s = s.toUpperCase(Locale.ROOT);
      case 1 -> s = s.toLowerCase(Locale.ROOT);
      case 2 -> s = titleCase(s);
      default -> {}
    }
    return switch (r.nextInt(4)) {
      case 0 -> " " + s + " ";
      case 1 -> s + "  ";
      default -> s;
    };
  }

  static String titleCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      b.append(start ? Character.toUpperCase(c) : c);
      start = c == ' ' || c == '_';
    }
    return b.toString();
  }
}

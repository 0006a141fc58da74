package io.cxgap.common.generate.random;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fake but realistic PII and survey comments. Some names carry commas and double quotes and some
 * comments span lines, so that readers must honour RFC 4180 quoting; a few are non-ASCII to
 * exercise UTF-8.
 */
public final class FakeText {
  /** Display form and e-mail form of first names. */
  private static final String[][] FIRST = {
    {"Olivia", "olivia"}, {"Liam", "liam"}, {"Emma", "emma"}, {"Noah", "noah"},
    {"Amelia", "amelia"}, {"Oliver", "oliver"}, {"Sophia", "sophia"}, {"Elijah", "elijah"},
    {"Zoë", "zoe"}, {"José", "jose"}, {"Siobhán", "siobhan"}, {"Mateo", "mateo"},
    {"Aisha", "aisha"}, {"Yuki", "yuki"}, {"Lars", "lars"}, {"Priya", "priya"},
    {"Chen", "chen"}, {"Fatima", "fatima"}, {"Grace", "grace"}, {"Henrik", "henrik"},
    {"Isabel", "isabel"}, {"Kwame", "kwame"}, {"Lucía", "lucia"}, {"Marek", "marek"},
  };

  private static final String[][] LAST = {
    {"Smith", "smith"}, {"Johnson", "johnson"}, {"O'Brien", "obrien"}, {"Müller", "mueller"},
    {"García", "garcia"}, {"Nguyen", "nguyen"}, {"Kowalski", "kowalski"}, {"Patel", "patel"},
    {"Rossi", "rossi"}, {"Andersson", "andersson"}, {"Okafor", "okafor"}, {"Tanaka", "tanaka"},
    {"Dubois", "dubois"}, {"van der Berg", "vanderberg"}, {"Hughes", "hughes"}, {"Silva", "silva"},
    {"Novak", "novak"}, {"Byrne", "byrne"}, {"Haddad", "haddad"}, {"Kim", "kim"},
  };

  private static final String[] NICK = {"Bob", "Liz", "Max", "Sunny", "Kit", "Jay"};
  private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net"};

  private static final String[] GOOD = {
    "Quick and friendly",
    "Better than I expected",
    "No complaints, everything worked",
    "Très bien, merci",
    "Smooth, fast, easy",
    "The agent said \"no problem\" and fixed it",
  };

  private static final String[] BAD = {
    "Waited ages, then got cut off",
    "Charged twice, still waiting for the refund",
    "They said \"we'll call you back\" - nobody did",
    "Confusing, slow, and the app crashed",
    "Parcel arrived late, box damaged",
    "Had to explain my issue three times",
  };

  private FakeText() {}

  public static String fullName(SplittableRandom r, int first, int last) {
    String f = FIRST[first][0];
    String l = LAST[last][0];
    double u = r.nextDouble();
    if (u < 0.05) {
      return l + ", " + f;
    } else if (u < 0.08) {
      return f + " \"" + Rng.pick(r, NICK) + "\" " + l;
    } else if (u < 0.10) {
      return f + " " + l + ", Jr.";
    }
    return f + " " + l;
  }

  public static int firstIndex(SplittableRandom r) {
    return r.nextInt(FIRST.length);
  }

  public static int lastIndex(SplittableRandom r) {
    return r.nextInt(LAST.length);
  }

  public static String email(SplittableRandom r, int first, int last, int customer) {
    return FIRST[first][1] + "." + LAST[last][1] + customer + "@" + Rng.pick(r, DOMAINS);
  }

  public static String phone(SplittableRandom r) {
    return String.format(Locale.ROOT, "+1-%03d-555-01%02d", 201 + r.nextInt(700), r.nextInt(100));
  }

  /** Blank in 60% of items; otherwise a remark whose tone follows the latent gap. */
  public static String comment(SplittableRandom r, double gap) {
    if (r.nextDouble() < 0.60) {
      return null;
    }
    String[] pool = gap < -15 ? BAD : GOOD;
    String first = Rng.pick(r, pool);
    double u = r.nextDouble();
    if (u < 0.15) {
      return first + "\n" + Rng.pick(r, pool);
    } else if (u < 0.35) {
      return first + ", " + Rng.pick(r, pool).toLowerCase(Locale.ROOT);
    }
    return first;
  }
}

package io.cxgap.common.report;

import java.util.Locale;

/** Escaping and number formatting for the report: every string from data goes through here. */
final class Html {
  private Html() {}

  /** Escapes text for HTML/SVG element content and quoted attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab/newline are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A number with {@code decimals} digits after the point, in the root locale; "–" for null. */
  static String num(Double v, int decimals) {
    if (v == null || v.isNaN()) {
      return "–";
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return s.matches("-0\\.?0*") ? s.substring(1) : s; // no "-0.0"
  }

  /** A coordinate for SVG: one decimal, root locale. */
  static String px(double v) {
    return num(v, 1);
  }

  /** A signed number ("+3.2", "−4.0") for gaps and deltas, with a real minus sign. */
  static String signed(Double v, int decimals) {
    if (v == null || v.isNaN()) {
      return "–";
    }
    String s = num(v, decimals);
    if (s.startsWith("-")) {
      return "\u2212" + s.substring(1);
    }
    return s.matches("0\\.?0*") ? s : "+" + s;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(double share, int decimals) {
    return num(100 * share, decimals) + "%";
  }
}

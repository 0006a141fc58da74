package io.cxgap.common.report;

import java.util.Locale;

/**
 * The report's colours. Gaps use a diverging scale centred at 0 (ColorBrewer RdBu): red where
 * experience fell short of expectation, white at 0, blue where it exceeded it.
 */
final class Colours {
  /** RdBu, from most negative to most positive. */
  static final String[] DIVERGING = {
    "#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"
  };

  static final String SHORTFALL = "#b2182b";
  static final String PREVIOUS = "#8c8c8c";
  static final String INK = "#222222";
  static final String MUTED = "#666666";
  static final String GRID = "#dddddd";
  static final String NEUTRAL_BAR = "#9ecae1";

  private Colours() {}

  /**
   * The colour of {@code value} on a scale from {@code -extent} to {@code +extent}; values beyond
   * the extent take the end colours.
   */
  static String diverging(double value, double extent) {
    double t = Math.max(-1, Math.min(1, value / extent)); // -1..1
    double pos = (t + 1) / 2 * (DIVERGING.length - 1); // 0..6
    int i = Math.min(DIVERGING.length - 2, (int) Math.floor(pos));
    return mix(DIVERGING[i], DIVERGING[i + 1], pos - i);
  }

  /** Dark text on light cells, white text on dark ones. */
  static String textOn(double value, double extent) {
    return Math.abs(value / extent) > 0.6 ? "#ffffff" : INK;
  }

  static String mix(String a, String b, double f) {
    int[] x = rgb(a);
    int[] y = rgb(b);
    return String.format(
        Locale.ROOT,
        "#%02x%02x%02x",
        Math.round(x[0] + (y[0] - x[0]) * f),
        Math.round(x[1] + (y[1] - x[1]) * f),
        Math.round(x[2] + (y[2] - x[2]) * f));
  }

  private static int[] rgb(String hex) {
    return new int[] {
      Integer.parseInt(hex.substring(1, 3), 16),
      Integer.parseInt(hex.substring(3, 5), 16),
      Integer.parseInt(hex.substring(5, 7), 16)
    };
  }

  /** Colour of an importance-performance quadrant (DESIGN.md §5). */
  static String quadrant(String q) {
    return switch (q == null ? "" : q) {
      case "concentrate_here" -> "#b2182b";
      case "keep_up" -> "#2166ac";
      case "low_priority" -> "#8c8c8c";
      case "possible_overkill" -> "#e08214";
      default -> "#444444";
    };
  }
}

package io.cxgap.common.drivers;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A fit's rows of gold.touchpoint_driver (DESIGN.md §5): importance-performance quadrants against
 * the means over the date's touchpoints, and the priority rank.
 */
final class DriverTable {
  static final String CONCENTRATE_HERE = "concentrate_here";
  static final String KEEP_UP = "keep_up";
  static final String LOW_PRIORITY = "low_priority";
  static final String POSSIBLE_OVERKILL = "possible_overkill";

  private DriverTable() {}

  /** One row per touchpoint of {@code m}, in catalog order, without intervals. */
  static List<DriverRow> rows(Moments m, DriverFit fit, TouchpointCatalog catalog) {
    return rows(m, fit, null, catalog);
  }

  /**
   * One row per touchpoint of {@code m}, in catalog order; with {@code intervals} (null: none),
   * only the significant touchpoints are ranked, 1..s in the same order as without.
   */
  static List<DriverRow> rows(
      Moments m, DriverFit fit, DriverIntervals intervals, TouchpointCatalog catalog) {
    int k = m.k();
    double[] share = new double[k];
    for (int i = 0; i < k; i++) {
      share[i] = fit.importance()[i] / fit.r2();
    }
    double meanImportance = mean(fit.importance());
    double meanGap = mean(m.means());
    Integer[] rank =
        significantRanks(
            priorityRanks(m.touchpoints(), fit.importance(), share, m.means()),
            intervals == null ? null : intervals.significant());
    List<DriverRow> out = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      Touchpoint t = catalog.byId(m.touchpoints().get(i));
      out.add(
          new DriverRow(
              t.id(),
              t.journeyStage(),
              t.dimension(),
              m.n(),
              m.respondents()[i],
              fit.importance()[i],
              share[i],
              fit.r2(),
              m.means()[i],
              quadrant(fit.importance()[i], m.means()[i], meanImportance, meanGap),
              rank[i],
              fit.method(),
              intervals == null ? null : intervals.importanceLow()[i],
              intervals == null ? null : intervals.importanceHigh()[i],
              intervals == null ? null : intervals.shareLow()[i],
              intervals == null ? null : intervals.shareHigh()[i],
              intervals == null ? null : intervals.significant()[i]));
    }
    return out;
  }

  /**
   * Importance-performance quadrant: important means importance above the mean importance; a gap at
   * or above the mean gap performs well.
   */
  static String quadrant(double importance, double gapMean, double meanImportance, double meanGap) {
    boolean important = importance > meanImportance;
    boolean below = gapMean < meanGap;
    if (important) {
      return below ? CONCENTRATE_HERE : KEEP_UP;
    }
    return below ? LOW_PRIORITY : POSSIBLE_OVERKILL;
  }

  /**
   * Ranks 1..k by {@code share × max(0, -gapMean)} descending; ties (e.g. every touchpoint whose
   * gap is not negative scores 0) by importance descending, then touchpoint id.
   */
  static int[] priorityRanks(
      List<String> touchpoints, double[] importance, double[] share, double[] gapMean) {
    int k = touchpoints.size();
    double[] score = new double[k];
    for (int i = 0; i < k; i++) {
      score[i] = share[i] * Math.max(0, -gapMean[i]) + 0.0; // + 0.0: -0.0 ties with 0.0
    }
    Integer[] order = new Integer[k];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(i -> -score[i])
            .thenComparingDouble(i -> -importance[i])
            .thenComparing(touchpoints::get));
    int[] rank = new int[k];
    for (int r = 0; r < k; r++) {
      rank[order[r]] = r + 1;
    }
    return rank;
  }

  /**
   * The ranks of the significant touchpoints renumbered 1..s in their order; null for the others.
   * Without significance ({@code significant} null) every rank stays.
   */
  static Integer[] significantRanks(int[] rank, boolean[] significant) {
    int k = rank.length;
    Integer[] out = new Integer[k];
    Integer[] order = new Integer[k];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> rank[i]));
    int next = 1;
    for (int i : order) {
      if (significant == null || significant[i]) {
        out[i] = next++;
      }
    }
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}

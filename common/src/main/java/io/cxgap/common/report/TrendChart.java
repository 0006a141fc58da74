package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.report.ReportData.TrendRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Deteriorating gaps (gold.gap_trend, {@code direction = 'deteriorating'}) as a dumbbell chart: one
 * row per cell, worst delta first, a grey dot at the previous window's mean gap and a red dot at
 * the current one on a shared gap axis.
 */
final class TrendChart {
  static final String DETERIORATING = "deteriorating";
  static final int MAX_ROWS = 15;
  static final int WIDTH = 860;
  static final int LABEL_W = 280;
  static final int VALUE_W = 150;
  static final int ROW_H = 24;
  static final int TOP = 8;

  private TrendChart() {}

  /** The deteriorating rows, worst delta first (ties by segment and touchpoint). */
  static List<TrendRow> deteriorating(List<TrendRow> trends) {
    List<TrendRow> out = new ArrayList<>();
    for (TrendRow t : trends) {
      if (DETERIORATING.equals(t.direction())
          && t.gapMean() != null
          && t.previousGapMean() != null) {
        out.add(t);
      }
    }
    out.sort(
        Comparator.comparingDouble((TrendRow t) -> t.gapMean() - t.previousGapMean())
            .thenComparing(TrendRow::segmentDimension)
            .thenComparing(TrendRow::segmentValue)
            .thenComparing(TrendRow::touchpoint));
    return out;
  }

  /** Cells per direction, in a fixed order. */
  static Map<String, Long> directions(List<TrendRow> trends) {
    Map<String, Long> out = new TreeMap<>();
    for (TrendRow t : trends) {
      out.merge(t.direction() == null ? "unknown" : t.direction(), 1L, Long::sum);
    }
    return out;
  }

  static String svg(List<TrendRow> rows, Map<String, String> names) {
    List<TrendRow> shown = rows.subList(0, Math.min(MAX_ROWS, rows.size()));
    double min = 0;
    double max = 0;
    for (TrendRow t : shown) {
      min = Math.min(min, Math.min(t.gapMean(), t.previousGapMean()));
      max = Math.max(max, Math.max(t.gapMean(), t.previousGapMean()));
    }
    int height = TOP + shown.size() * ROW_H + 44;
    Axis x = Axis.rounded(min, max, LABEL_W, WIDTH - VALUE_W, 6);
    StringBuilder s =
        new StringBuilder(
            Svg.open("trend", WIDTH, height, "Deteriorating gaps, previous and current window"));
    double bottom = TOP + shown.size() * ROW_H;
    for (double t : x.ticks(6)) {
      s.append(
          t == 0
              ? Svg.line(x.at(t), TOP, x.at(t), bottom, "#999999")
              : Svg.line(x.at(t), TOP, x.at(t), bottom, Colours.GRID));
      s.append(Svg.text("tick", x.at(t), bottom + 14, "middle", Html.signed(t, 0)));
    }
    s.append(
        Svg.text(
            "axis", (LABEL_W + WIDTH - VALUE_W) / 2.0, bottom + 34, "middle", "mean gap, points"));
    for (int i = 0; i < shown.size(); i++) {
      TrendRow t = shown.get(i);
      double y = TOP + i * ROW_H + ROW_H / 2.0;
      String who =
          "total".equals(t.segmentDimension())
              ? "All customers"
              : t.segmentDimension() + " " + t.segmentValue();
      String name = names.getOrDefault(t.touchpoint(), t.touchpoint());
      s.append("<g class=\"trend-row\" data-touchpoint=\"")
          .append(esc(t.touchpoint()))
          .append("\">");
      s.append(Svg.text("trend-label", LABEL_W - 10, y + 4, "end", who + " · " + t.touchpoint()));
      double x0 = x.at(t.previousGapMean());
      double x1 = x.at(t.gapMean());
      s.append(Svg.line(x0, y, x1, y, Colours.SHORTFALL, "stroke-width", "2"));
      s.append(Svg.circle(x0, y, 5, Colours.PREVIOUS));
      s.append(Svg.circle(x1, y, 6, Colours.SHORTFALL));
      s.append(
          Svg.text(
              "trend-value",
              WIDTH - VALUE_W + 12,
              y + 4,
              "start",
              Html.signed(t.delta(), 1) + "  q " + pValue(t.qValue())));
      s.append("<title>")
          .append(
              esc(
                  who
                      + " · "
                      + name
                      + ": "
                      + Html.signed(t.previousGapMean(), 1)
                      + " → "
                      + Html.signed(t.gapMean(), 1)))
          .append("</title></g>");
    }
    return s.append("</svg>").toString();
  }

  static String pValue(Double p) {
    if (p == null) {
      return "–";
    }
    return p < 0.001 ? "<0.001" : Html.num(p, 3);
  }
}

package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.report.ReportData.NpsRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * gold.nps_segment as a whisker chart on one −100..100 axis: a row per segment cut (all customers
 * first, then each segment dimension in config order), the 95% interval as a line with end caps, a
 * dot at the current NPS (red when deteriorating, blue when improving) and a grey dot at the
 * previous window's. Suppressed cuts are named but not drawn.
 */
final class NpsChart {
  static final int MAX_ROWS = 30;
  static final int WIDTH = 860;
  static final int LEFT = 220;
  static final int RIGHT = 620;
  static final int ROW_H = 24;
  static final int TOP = 8;
  static final String IMPROVING = "#2166ac";

  private NpsChart() {}

  /** The whole-base row, if there is one. */
  static Optional<NpsRow> total(List<NpsRow> rows) {
    return rows.stream().filter(r -> "total".equals(r.segmentDimension())).findFirst();
  }

  /** All customers first, then the dimensions in {@code dimensions} order, values by name. */
  static List<NpsRow> ordered(List<NpsRow> rows, List<String> dimensions) {
    List<NpsRow> out = new ArrayList<>(rows);
    out.sort(
        Comparator.comparingInt((NpsRow r) -> rank(r.segmentDimension(), dimensions))
            .thenComparing(NpsRow::segmentDimension)
            .thenComparing(NpsRow::segmentValue));
    return out.subList(0, Math.min(MAX_ROWS, out.size()));
  }

  private static int rank(String dimension, List<String> dimensions) {
    if ("total".equals(dimension)) {
      return -1;
    }
    int i = dimensions.indexOf(dimension);
    return i < 0 ? dimensions.size() : i;
  }

  static String svg(List<NpsRow> rows, List<String> dimensions, int minRespondents) {
    List<NpsRow> shown = ordered(rows, dimensions);
    int height = TOP + shown.size() * ROW_H + 44;
    Axis x = new Axis(-100, 100, LEFT, RIGHT);
    StringBuilder s =
        new StringBuilder(
            Svg.open(
                "nps",
                WIDTH,
                height,
                "NPS per segment with 95% intervals, and the previous window"));
    double bottom = TOP + shown.size() * ROW_H;
    for (double t : x.ticks(4)) {
      s.append(Svg.line(x.at(t), TOP, x.at(t), bottom, t == 0 ? "#999999" : Colours.GRID));
      s.append(Svg.text("tick", x.at(t), bottom + 14, "middle", Html.signed(t, 0)));
    }
    s.append(Svg.text("axis", (LEFT + RIGHT) / 2.0, bottom + 34, "middle", "NPS, −100..100"));
    for (int i = 0; i < shown.size(); i++) {
      row(s, shown.get(i), x, TOP + i * ROW_H + ROW_H / 2.0, minRespondents);
    }
    return s.append("</svg>").toString();
  }

  private static void row(StringBuilder s, NpsRow r, Axis x, double y, int minRespondents) {
    String who =
        "total".equals(r.segmentDimension())
            ? "All customers"
            : r.segmentDimension() + " " + r.segmentValue();
    s.append("<g class=\"nps-row\" data-segment=\"")
        .append(esc(r.segmentDimension() + "=" + r.segmentValue()))
        .append("\" data-direction=\"")
        .append(esc(r.direction()))
        .append("\">");
    s.append(Svg.text("nps-label", LEFT - 10, y + 4, "end", who));
    if (r.suppressed() || r.nps() == null) {
      s.append(Svg.text("hm-sup", LEFT + 4, y + 4, "start", "n<" + minRespondents + ": not shown"));
      s.append("</g>");
      return;
    }
    if (r.ciLow() != null && r.ciHigh() != null) {
      double lo = x.at(r.ciLow());
      double hi = x.at(r.ciHigh());
      s.append(Svg.line(lo, y, hi, y, Colours.INK, "class", "nps-ci", "stroke-width", "1.5"));
      s.append(Svg.line(lo, y - 5, lo, y + 5, Colours.INK));
      s.append(Svg.line(hi, y - 5, hi, y + 5, Colours.INK));
    }
    if (r.previousNps() != null) {
      s.append(Svg.circle(x.at(r.previousNps()), y, 4, Colours.PREVIOUS, "class", "nps-previous"));
    }
    s.append(Svg.circle(x.at(r.nps()), y, 5.5, colour(r.direction()), "class", "nps-now"));
    String value =
        Html.signed(r.nps(), 0)
            + " ["
            + Html.signed(r.ciLow(), 0)
            + ", "
            + Html.signed(r.ciHigh(), 0)
            + "]"
            + (r.previousNps() == null
                ? ""
                : "  was "
                    + Html.signed(r.previousNps(), 0)
                    + ", q "
                    + TrendChart.pValue(r.qValue()));
    s.append(Svg.text("nps-value", RIGHT + 12, y + 4, "start", value));
    s.append("<title>")
        .append(
            esc(who + ": NPS " + value + " · " + r.responses() + " responses · " + r.direction()))
        .append("</title></g>");
  }

  static String colour(String direction) {
    if ("deteriorating".equals(direction)) {
      return Colours.SHORTFALL;
    }
    return "improving".equals(direction) ? IMPROVING : Colours.INK;
  }
}

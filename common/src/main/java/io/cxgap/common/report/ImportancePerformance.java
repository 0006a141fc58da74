package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;
import static io.cxgap.common.report.Html.px;

import io.cxgap.common.report.ReportData.DriverPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The importance-performance chart of gold.touchpoint_driver (DESIGN.md §5): x is the
 * touchpoint's mean gap (performance), y its share of the explained NPS variance (importance).
 * The dashed lines are the date's mean gap and mean importance, the quadrant boundaries the
 * table's {@code quadrant} column uses; each dot is coloured by that column.
 */
final class ImportancePerformance {
  static final int WIDTH = 760;
  static final int HEIGHT = 440;
  static final int LEFT = 64;
  static final int RIGHT = 120;
  static final int TOP = 16;
  static final int BOTTOM = 52;

  private ImportancePerformance() {}

  static double meanGap(List<DriverPoint> points) {
    return points.stream().mapToDouble(DriverPoint::gapMean).average().orElse(0);
  }

  /** Mean importance share: the mean importance over R², the same boundary as mean importance. */
  static double meanShare(List<DriverPoint> points) {
    return points.stream().mapToDouble(DriverPoint::importanceShare).average().orElse(0);
  }

  static Axis xAxis(List<DriverPoint> points) {
    double min = points.stream().mapToDouble(DriverPoint::gapMean).min().orElse(-1);
    double max = points.stream().mapToDouble(DriverPoint::gapMean).max().orElse(1);
    double pad = Math.max(1, (max - min) * 0.08);
    return Axis.rounded(min - pad, max + pad, LEFT, WIDTH - RIGHT, 6);
  }

  static Axis yAxis(List<DriverPoint> points) {
    double max = points.stream().mapToDouble(p -> 100 * p.importanceShare()).max().orElse(1);
    return Axis.rounded(0, Math.max(1, max * 1.08), HEIGHT - BOTTOM, TOP, 5);
  }

  static String svg(List<DriverPoint> points, Map<String, String> names) {
    Axis x = xAxis(points);
    Axis y = yAxis(points);
    double mx = x.at(meanGap(points));
    double my = y.at(100 * meanShare(points));
    StringBuilder s = new StringBuilder(Svg.open("ipa", WIDTH, HEIGHT, "Importance-performance chart of the touchpoints"));
    // the "concentrate here" quadrant: important and below-average gap
    s.append(Svg.rect("ipa-focus", x.at(x.min()), y.at(y.max()), mx - x.at(x.min()), my - y.at(y.max()), "#fbecec"));
    for (double t : x.ticks(6)) {
      s.append(Svg.line(x.at(t), y.at(y.min()), x.at(t), y.at(y.max()), Colours.GRID));
      s.append(Svg.text("tick", x.at(t), HEIGHT - BOTTOM + 16, "middle", Html.signed(t, 0)));
    }
    for (double t : y.ticks(5)) {
      s.append(Svg.line(x.at(x.min()), y.at(t), x.at(x.max()), y.at(t), Colours.GRID));
      s.append(Svg.text("tick", LEFT - 6, y.at(t) + 4, "end", Html.num(t, 0) + "%"));
    }
    s.append(Svg.text("axis", (LEFT + WIDTH - RIGHT) / 2.0, HEIGHT - 12, "middle",
        "performance: mean gap, points (right is better)"));
    s.append("<text class=\"axis\" transform=\"translate(14 ").append(px((TOP + HEIGHT - BOTTOM) / 2.0))
        .append(") rotate(-90)\" text-anchor=\"middle\">importance: share of explained NPS variance</text>");
    s.append("<line class=\"ipa-mean-gap\" x1=\"").append(px(mx)).append("\" y1=\"").append(px(y.at(y.min())))
        .append("\" x2=\"").append(px(mx)).append("\" y2=\"").append(px(y.at(y.max())))
        .append("\" stroke=\"#444444\" stroke-dasharray=\"5 4\"/>");
    s.append("<line class=\"ipa-mean-importance\" x1=\"").append(px(x.at(x.min()))).append("\" y1=\"").append(px(my))
        .append("\" x2=\"").append(px(x.at(x.max()))).append("\" y2=\"").append(px(my))
        .append("\" stroke=\"#444444\" stroke-dasharray=\"5 4\"/>");
    double l = x.at(x.min()) + 6;
    double r = x.at(x.max()) - 6;
    s.append(Svg.text("quad", l, y.at(y.max()) + 16, "start", "Concentrate here"));
    s.append(Svg.text("quad", r, y.at(y.max()) + 16, "end", "Keep up the good work"));
    s.append(Svg.text("quad", l, y.at(y.min()) - 8, "start", "Low priority"));
    s.append(Svg.text("quad", r, y.at(y.min()) - 8, "end", "Possible overkill"));
    points(s, points, names, x, y);
    return s.append("</svg>").toString();
  }

  private static void points(StringBuilder s, List<DriverPoint> points, Map<String, String> names, Axis x, Axis y) {
    List<DriverPoint> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.comparingDouble(DriverPoint::importanceShare).reversed().thenComparing(DriverPoint::touchpoint));
    List<double[]> placed = new ArrayList<>();
    Map<String, Double> labelY = new HashMap<>();
    for (DriverPoint p : sorted) {
      double px = x.at(p.gapMean());
      double py = y.at(100 * p.importanceShare());
      double ly = py + 4;
      for (int tries = 0; tries < 6 && overlaps(placed, px, ly); tries++) {
        ly += 12;
      }
      placed.add(new double[] {px, ly});
      labelY.put(p.touchpoint(), ly);
    }
    for (DriverPoint p : sorted) {
      double px = x.at(p.gapMean());
      double py = y.at(100 * p.importanceShare());
      String name = names.getOrDefault(p.touchpoint(), p.touchpoint());
      s.append("<g class=\"ipa-point\" data-touchpoint=\"").append(esc(p.touchpoint())).append("\" data-quadrant=\"")
          .append(esc(p.quadrant())).append("\">");
      s.append("<circle cx=\"").append(px(px)).append("\" cy=\"").append(px(py)).append("\" r=\"6\" fill=\"")
          .append(Colours.quadrant(p.quadrant())).append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
      s.append(Svg.text("ipa-label", px + 9, labelY.get(p.touchpoint()), "start", p.touchpoint()));
      s.append("<title>").append(esc(name + ": gap " + Html.signed(p.gapMean(), 1) + ", "
          + Html.percent(p.importanceShare(), 1) + " of explained variance, priority " + p.priorityRank() + ", "
          + p.quadrant().replace('_', ' '))).append("</title></g>");
    }
  }

  private static boolean overlaps(List<double[]> placed, double x, double y) {
    for (double[] p : placed) {
      if (Math.abs(p[0] - x) < 90 && Math.abs(p[1] - y) < 11) {
        return true;
      }
    }
    return false;
  }
}

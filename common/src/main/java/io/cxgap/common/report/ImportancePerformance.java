package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;
import static io.cxgap.common.report.Html.px;

import io.cxgap.common.report.ReportData.DriverPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The importance-performance chart of gold.touchpoint_driver (DESIGN.md §5): x is the touchpoint's
 * mean gap (performance), y its share of the explained NPS variance (importance). The dashed lines
 * are the date's mean gap and mean importance, the quadrant boundaries the table's {@code quadrant}
 * column uses; each dot is coloured by that column. Where the table has bootstrap intervals, a
 * vertical whisker spans each touchpoint's {@code share_ci95_low..high}, and a touchpoint that is
 * not {@code significant} is a hollow ring.
 */
final class ImportancePerformance {
  static final int WIDTH = 600;
  static final int HEIGHT = 440;
  static final int LEFT = 64;
  static final int RIGHT = 60;
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
    double max =
        points.stream()
            .mapToDouble(
                p ->
                    100
                        * Math.max(
                            p.importanceShare(), p.shareCi95High() == null ? 0 : p.shareCi95High()))
            .max()
            .orElse(1);
    return Axis.rounded(0, Math.max(1, max * 1.08), HEIGHT - BOTTOM, TOP, 5);
  }

  static String svg(List<DriverPoint> points, Map<String, String> names) {
    Axis x = xAxis(points);
    Axis y = yAxis(points);
    double mx = x.at(meanGap(points));
    double my = y.at(100 * meanShare(points));
    StringBuilder s =
        new StringBuilder(
            Svg.open("ipa", WIDTH, HEIGHT, "Importance-performance chart of the touchpoints"));
    // the "concentrate here" quadrant: important and below-average gap
    s.append(
        Svg.rect(
            "ipa-focus",
            x.at(x.min()),
            y.at(y.max()),
            mx - x.at(x.min()),
            my - y.at(y.max()),
            "#fbecec"));
    for (double t : x.ticks(6)) {
      s.append(Svg.line(x.at(t), y.at(y.min()), x.at(t), y.at(y.max()), Colours.GRID));
      s.append(Svg.text("tick", x.at(t), HEIGHT - BOTTOM + 16, "middle", Html.signed(t, 0)));
    }
    for (double t : y.ticks(5)) {
      s.append(Svg.line(x.at(x.min()), y.at(t), x.at(x.max()), y.at(t), Colours.GRID));
      s.append(Svg.text("tick", LEFT - 6, y.at(t) + 4, "end", Html.num(t, 0) + "%"));
    }
    s.append(
        Svg.text(
            "axis",
            (LEFT + WIDTH - RIGHT) / 2.0,
            HEIGHT - 12,
            "middle",
            "performance: mean gap, points (right is better)"));
    s.append("<text class=\"axis\" transform=\"translate(14 ")
        .append(px((TOP + HEIGHT - BOTTOM) / 2.0))
        .append(
            ") rotate(-90)\" text-anchor=\"middle\">importance: share of explained NPS variance</text>");
    s.append(
        Svg.element(
            "line",
            "class",
            "ipa-mean-gap",
            "x1",
            px(mx),
            "y1",
            px(y.at(y.min())),
            "x2",
            px(mx),
            "y2",
            px(y.at(y.max())),
            "stroke",
            "#444444",
            "stroke-dasharray",
            "5 4"));
    s.append(
        Svg.element(
            "line",
            "class",
            "ipa-mean-importance",
            "x1",
            px(x.at(x.min())),
            "y1",
            px(my),
            "x2",
            px(x.at(x.max())),
            "y2",
            px(my),
            "stroke",
            "#444444",
            "stroke-dasharray",
            "5 4"));
    double l = x.at(x.min()) + 6;
    double r = x.at(x.max()) - 6;
    s.append(Svg.text("quad", l, y.at(y.max()) + 16, "start", "Concentrate here"));
    s.append(Svg.text("quad", r, y.at(y.max()) + 16, "end", "Keep up the good work"));
    s.append(Svg.text("quad", l, y.at(y.min()) - 8, "start", "Low priority"));
    s.append(Svg.text("quad", r, y.at(y.min()) - 8, "end", "Possible overkill"));
    points(s, points, names, x, y);
    return s.append("</svg>").toString();
  }

  private static void points(
      StringBuilder s, List<DriverPoint> points, Map<String, String> names, Axis x, Axis y) {
    List<DriverPoint> sorted = new ArrayList<>(points);
    sorted.sort(
        Comparator.comparingDouble(DriverPoint::importanceShare)
            .reversed()
            .thenComparing(DriverPoint::touchpoint));
    List<double[]> dots = new ArrayList<>();
    for (DriverPoint p : sorted) {
      dots.add(new double[] {x.at(p.gapMean()) - 6, y.at(100 * p.importanceShare()) - 6, 12, 12});
    }
    double[] plot = {
      x.at(x.min()), y.at(y.max()), x.at(x.max()) - x.at(x.min()), y.at(y.min()) - y.at(y.max())
    };
    List<double[]> taken = new ArrayList<>(dots);
    // the four quadrant names in the plot's corners
    double right = plot[0] + plot[2];
    double bottom = plot[1] + plot[3];
    taken.add(new double[] {plot[0], plot[1], 130, 22});
    taken.add(new double[] {right - 170, plot[1], 170, 22});
    taken.add(new double[] {plot[0], bottom - 22, 100, 22});
    taken.add(new double[] {right - 130, bottom - 22, 130, 22});
    for (DriverPoint p : sorted) {
      double px = x.at(p.gapMean());
      double py = y.at(100 * p.importanceShare());
      Label label = place(p.touchpoint(), px, py, taken, plot);
      if (label != null) {
        taken.add(label.box());
      }
      String name = names.getOrDefault(p.touchpoint(), p.touchpoint());
      s.append("<g class=\"ipa-point\" data-touchpoint=\"")
          .append(esc(p.touchpoint()))
          .append("\" data-quadrant=\"")
          .append(esc(p.quadrant()))
          .append("\" data-significant=\"")
          .append(p.significant() == null ? "" : p.significant().toString())
          .append("\">");
      String colour = Colours.quadrant(p.quadrant());
      if (p.shareCi95Low() != null && p.shareCi95High() != null) {
        double lo = y.at(100 * p.shareCi95Low());
        double hi = y.at(100 * p.shareCi95High());
        s.append(whisker(px, lo, px, hi, colour));
        s.append(whisker(px - 4, lo, px + 4, lo, colour));
        s.append(whisker(px - 4, hi, px + 4, hi, colour));
      }
      if (p.notSignificant()) {
        // hollow: the interval of its importance does not clear that of random noise
        s.append(Svg.circle(px, py, 5, "#ffffff", "stroke", colour, "stroke-width", "2"));
      } else {
        s.append(Svg.circle(px, py, 6, colour, "stroke", "#ffffff", "stroke-width", "1.5"));
      }
      if (label != null) {
        s.append(Svg.text("ipa-label", label.x(), label.y(), label.anchor(), p.touchpoint()));
      }
      s.append("<title>")
          .append(
              esc(
                  name
                      + ": gap "
                      + Html.signed(p.gapMean(), 1)
                      + ", "
                      + Html.percent(p.importanceShare(), 1)
                      + " of explained variance"
                      + interval(p)
                      + (p.priorityRank() == null ? "" : ", priority " + p.priorityRank())
                      + ", "
                      + p.quadrant().replace('_', ' ')
                      + (p.notSignificant() ? ", not significant (no priority)" : "")))
          .append("</title></g>");
    }
  }

  private static String whisker(double x1, double y1, double x2, double y2, String colour) {
    return Svg.element(
        "line",
        "class",
        "ipa-whisker",
        "x1",
        px(x1),
        "y1",
        px(y1),
        "x2",
        px(x2),
        "y2",
        px(y2),
        "stroke",
        colour,
        "stroke-width",
        "1.5");
  }

  /** ", 95% interval 12.0%–30.5%" where the point has one. */
  private static String interval(DriverPoint p) {
    if (p.shareCi95Low() == null || p.shareCi95High() == null) {
      return "";
    }
    return " (95% interval "
        + Html.percent(p.shareCi95Low(), 1)
        + "\u2013"
        + Html.percent(p.shareCi95High(), 1)
        + ")";
  }

  /** A label's text position and its estimated box (x, y, width, height). */
  record Label(double x, double y, String anchor, double[] box) {}

  /**
   * The first of a few positions around the dot (right, left, above, below, then further out) whose
   * box stays in the plot and clears the dots and labels already placed; null where every position
   * is taken (crowded dots are named in the table beside the chart and in their tooltip).
   */
  static Label place(String text, double px, double py, List<double[]> taken, double[] plot) {
    double w = 7 * text.length();
    double h = 13;
    double[][] offsets = {
      {9, 4}, {-9, 4}, {0, -10}, {0, 19}, {9, -9}, {9, 17}, {-9, -9}, {-9, 17}, {0, -23}, {0, 32}
    };
    for (double[] o : offsets) {
      String anchor = o[0] > 0 ? "start" : o[0] < 0 ? "end" : "middle";
      double left =
          anchor.equals("start") ? px + o[0] : anchor.equals("end") ? px + o[0] - w : px - w / 2;
      double[] box = {left, py + o[1] - 10, w, h};
      Label l = new Label(px + o[0], py + o[1], anchor, box);
      if (inside(box, plot) && taken.stream().noneMatch(t -> intersects(t, box))) {
        return l;
      }
    }
    return null;
  }

  private static boolean inside(double[] b, double[] plot) {
    return b[0] >= plot[0]
        && b[1] >= plot[1]
        && b[0] + b[2] <= plot[0] + plot[2] + RIGHT
        && b[1] + b[3] <= plot[1] + plot[3];
  }

  private static boolean intersects(double[] a, double[] b) {
    return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
  }

  /**
   * The touchpoints by priority rank, beside the chart: where dots crowd, the numbers still read.
   */
  static String table(List<DriverPoint> points, Map<String, String> names) {
    List<DriverPoint> byRank = new ArrayList<>(points);
    byRank.sort(
        Comparator.comparing(
                DriverPoint::priorityRank, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(DriverPoint::touchpoint));
    StringBuilder s =
        new StringBuilder(
            "<table class=\"data ranks\"><thead><tr><th>priority</th><th>touchpoint</th>"
                + "<th>share</th><th>gap</th><th>quadrant</th></tr></thead><tbody>");
    for (DriverPoint p : byRank) {
      s.append("<tr><td>")
          .append(p.priorityRank() == null ? "\u2013" : p.priorityRank())
          .append("</td><td>")
          .append(esc(names.getOrDefault(p.touchpoint(), p.touchpoint())))
          .append("</td><td>")
          .append(Html.percent(p.importanceShare(), 1))
          .append("</td><td>")
          .append(Html.signed(p.gapMean(), 1))
          .append("</td><td><span class=\"swatch\" style=\"background:")
          .append(Colours.quadrant(p.quadrant()))
          .append("\"></span>")
          .append(esc(p.quadrant() == null ? "" : p.quadrant().replace('_', ' ')))
          .append("</td></tr>");
    }
    return s.append("</tbody></table>").toString();
  }
}

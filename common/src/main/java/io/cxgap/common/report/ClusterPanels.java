package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.report.ReportData.ClusterPanel;
import io.cxgap.common.report.ReportData.TouchpointLabel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pain cluster profiles (gold.pain_cluster_profile) as small multiples: one panel per cluster,
 * largest first, each a bar per feature of its centroid on one shared scale. The cluster's top
 * pains are red; the baseline of the friction features (where a customer without contacts sits) is
 * a tick.
 */
final class ClusterPanels {
  static final int WIDTH = 250;
  static final int LABEL_W = 104;
  static final int BAR_W = 108;
  static final int ROW_H = 15;

  private ClusterPanels() {}

  /** Features in a fixed order for every panel: catalog touchpoints, then the others by name. */
  static List<String> features(List<ClusterPanel> clusters, List<TouchpointLabel> touchpoints) {
    Set<String> present = new TreeSet<>();
    clusters.forEach(c -> present.addAll(c.centroid().keySet()));
    Set<String> out = new LinkedHashSet<>();
    touchpoints.stream().map(TouchpointLabel::id).filter(present::contains).forEach(out::add);
    out.addAll(present);
    return new ArrayList<>(out);
  }

  static double scaleMax(List<ClusterPanel> clusters) {
    double max = 0.1;
    for (ClusterPanel c : clusters) {
      for (double v : c.centroid().values()) {
        max = Math.max(max, v);
      }
    }
    return Math.ceil(max * 10) / 10;
  }

  static String html(List<ClusterPanel> clusters, List<TouchpointLabel> touchpoints) {
    List<ClusterPanel> bySize = new ArrayList<>(clusters);
    bySize.sort(
        Comparator.comparingLong(ClusterPanel::customers)
            .reversed()
            .thenComparingInt(ClusterPanel::clusterId));
    List<String> features = features(clusters, touchpoints);
    double max = scaleMax(clusters);
    StringBuilder s = new StringBuilder("<div class=\"panels\">");
    for (ClusterPanel c : bySize) {
      s.append("<div class=\"panel\" data-cluster=\"")
          .append(c.clusterId())
          .append("\"><h3>#")
          .append(c.clusterId())
          .append(' ')
          .append(esc(c.label()))
          .append("</h3><p class=\"meta\">")
          .append(Html.count(c.customers()))
          .append(" customers (")
          .append(Html.percent(c.share(), 1))
          .append(") · mean NPS ")
          .append(Html.num(c.meanNps(), 1))
          .append("</p>");
      s.append(panel(c, features, max)).append("</div>");
    }
    return s.append("</div>").toString();
  }

  static String panel(ClusterPanel c, List<String> features, double max) {
    int height = features.size() * ROW_H + 24;
    StringBuilder s =
        new StringBuilder(
            Svg.open("cluster", WIDTH, height, "Centroid of cluster " + c.clusterId()));
    Axis x = new Axis(0, max, LABEL_W, LABEL_W + BAR_W);
    for (int i = 0; i < features.size(); i++) {
      String f = features.get(i);
      double y = 4 + i * ROW_H;
      double v = c.centroid().getOrDefault(f, 0.0);
      boolean pain = c.topPains().contains(f);
      s.append(Svg.text(pain ? "feat pain" : "feat", LABEL_W - 6, y + 10, "end", f));
      s.append(
          Svg.rect(
              pain ? "bar pain" : "bar",
              x.at(0),
              y + 2,
              x.at(Math.min(v, max)) - x.at(0),
              ROW_H - 4,
              pain ? Colours.SHORTFALL : Colours.NEUTRAL_BAR));
      double base = c.baseline().getOrDefault(f, 0.0);
      if (base > 0) {
        s.append(
            Svg.line(
                x.at(Math.min(base, max)),
                y,
                x.at(Math.min(base, max)),
                y + ROW_H - 1,
                Colours.INK));
      }
      s.append(Svg.text("val", x.at(Math.min(v, max)) + 4, y + 10, "start", Html.num(v, 2)));
    }
    double axisY = 4 + features.size() * ROW_H + 2;
    s.append(Svg.line(x.at(0), axisY, x.at(max), axisY, Colours.GRID));
    s.append(Svg.text("tick", x.at(0), axisY + 12, "middle", "0"));
    s.append(Svg.text("tick", x.at(max), axisY + 12, "middle", Html.num(max, 1)));
    return s.append("</svg>").toString();
  }
}

package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;
import static io.cxgap.common.report.Html.px;

import io.cxgap.common.report.ReportData.GapCell;
import io.cxgap.common.report.ReportData.TouchpointLabel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The gap heatmap: one row per segment cut (the whole base first, then each segment dimension's
 * values), one column per touchpoint, each cell coloured by its mean gap on a diverging scale
 * centred at 0. Suppressed cells are hatched and labelled {@code n<k}, never coloured; cells
 * without answers are left blank.
 */
final class Heatmap {
  static final int LABEL_W = 150;
  static final int CELL_W = 84;
  static final int CELL_H = 26;
  static final int HEAD_H = 30;
  static final int GROUP_H = 20;
  static final int LEGEND_H = 64;
  static final String HATCH_ID = "hm-hatch";

  /** A heatmap row: one segment cut. */
  record Cut(String dimension, String value) {
    String label() {
      return "total".equals(dimension) ? "All customers" : value;
    }
  }

  private Heatmap() {}

  /** The whole base first, then the configured dimensions' values, then any other dimension's. */
  static List<Cut> cuts(ReportData d) {
    Map<String, Set<String>> byDimension = new LinkedHashMap<>();
    byDimension.put("total", new TreeSet<>());
    d.segmentDimensions().forEach(dim -> byDimension.put(dim, new TreeSet<>()));
    Map<String, Set<String>> others = new TreeMap<>();
    for (GapCell c : d.gaps()) {
      String dim = c.segmentDimension();
      Set<String> values =
          byDimension.containsKey(dim)
              ? byDimension.get(dim)
              : others.computeIfAbsent(dim, k -> new TreeSet<>());
      values.add(c.segmentValue());
    }
    byDimension.putAll(others);
    List<Cut> out = new ArrayList<>();
    byDimension.forEach((dim, values) -> values.forEach(v -> out.add(new Cut(dim, v))));
    return out;
  }

  /** The catalog's touchpoints in catalog order, then any touchpoint in the data that it lacks. */
  static List<String> columns(ReportData d) {
    Set<String> out = new LinkedHashSet<>();
    d.touchpoints().forEach(t -> out.add(t.id()));
    new TreeSet<>(d.gaps().stream().map(GapCell::touchpoint).toList()).forEach(out::add);
    return new ArrayList<>(out);
  }

  /**
   * Half-width of the colour scale: the largest |gap| shown, rounded up to 5 points (at least 5).
   */
  static double extent(List<GapCell> cells) {
    double max = 0;
    for (GapCell c : cells) {
      if (!c.suppressed() && c.gapMean() != null) {
        max = Math.max(max, Math.abs(c.gapMean()));
      }
    }
    return Math.max(5, Math.ceil(max / 5) * 5);
  }

  static String svg(ReportData d) {
    List<Cut> cuts = cuts(d);
    List<String> cols = columns(d);
    Map<String, String> names = new HashMap<>();
    d.touchpoints().forEach((TouchpointLabel t) -> names.put(t.id(), t.name()));
    Map<Cut, Map<String, GapCell>> grid = new HashMap<>();
    for (GapCell c : d.gaps()) {
      grid.computeIfAbsent(new Cut(c.segmentDimension(), c.segmentValue()), k -> new HashMap<>())
          .put(c.touchpoint(), c);
    }
    double extent = extent(d.gaps());
    long groups = cuts.stream().map(Cut::dimension).distinct().count();
    int width = LABEL_W + CELL_W * cols.size() + 10;
    int gridBottom = HEAD_H + (int) groups * GROUP_H + cuts.size() * CELL_H;
    int height = gridBottom + LEGEND_H;
    StringBuilder s = new StringBuilder();
    s.append(Svg.open("heatmap", width, height, "Mean gap by segment and touchpoint"));
    s.append("<defs><pattern id=\"")
        .append(HATCH_ID)
        .append(
            "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
        .append(
            "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9a9a9a\" stroke-width=\"2\"/></pattern></defs>");
    for (int j = 0; j < cols.size(); j++) {
      String id = cols.get(j);
      double x = LABEL_W + CELL_W * j + CELL_W / 2.0;
      s.append("<text class=\"hm-col\" x=\"")
          .append(px(x))
          .append("\" y=\"")
          .append(HEAD_H - 8)
          .append("\" text-anchor=\"middle\">")
          .append(esc(id))
          .append("<title>")
          .append(esc(names.getOrDefault(id, id)))
          .append("</title></text>");
    }
    int y = HEAD_H;
    String dimension = null;
    for (Cut cut : cuts) {
      if (!cut.dimension().equals(dimension)) {
        dimension = cut.dimension();
        s.append("<text class=\"hm-group\" x=\"4\" y=\"")
            .append(y + GROUP_H - 6)
            .append("\">")
            .append(esc("total".equals(dimension) ? "whole base" : dimension))
            .append("</text>");
        s.append(Svg.line(4, y + GROUP_H - 1, width - 10, y + GROUP_H - 1, Colours.GRID));
        y += GROUP_H;
      }
      s.append("<text class=\"hm-row\" x=\"12\" y=\"")
          .append(y + CELL_H / 2 + 4)
          .append("\">")
          .append(esc(cut.label()))
          .append("</text>");
      Map<String, GapCell> row = grid.getOrDefault(cut, Map.of());
      for (int j = 0; j < cols.size(); j++) {
        cell(
            s,
            cut,
            cols.get(j),
            names,
            row.get(cols.get(j)),
            LABEL_W + CELL_W * j,
            y,
            extent,
            d.minRespondents());
      }
      y += CELL_H;
    }
    HeatmapLegend.append(s, gridBottom + 14, extent, d.minRespondents());
    return s.append("</svg>").toString();
  }

  private static void cell(
      StringBuilder s,
      Cut cut,
      String tp,
      Map<String, String> names,
      GapCell c,
      int x,
      int y,
      double extent,
      int k) {
    String state =
        c == null ? "empty" : c.suppressed() || c.gapMean() == null ? "suppressed" : "value";
    String who =
        cut.label() + ("total".equals(cut.dimension()) ? "" : " (" + cut.dimension() + ")");
    s.append("<g class=\"hm-cell\" data-state=\"")
        .append(state)
        .append("\" data-dimension=\"")
        .append(esc(cut.dimension()))
        .append("\" data-segment=\"")
        .append(esc(cut.value()))
        .append("\" data-touchpoint=\"")
        .append(esc(tp))
        .append("\">");
    String rect =
        "<rect class=\"hm-rect\" x=\""
            + x
            + "\" y=\""
            + y
            + "\" width=\""
            + CELL_W
            + "\" height=\""
            + CELL_H
            + "\" ";
    double cx = x + CELL_W / 2.0;
    String ty = px(y + CELL_H / 2.0 + 4);
    String title = who + " · " + names.getOrDefault(tp, tp) + ": ";
    switch (state) {
      case "value" -> {
        double g = c.gapMean();
        boolean sure = c.ciHigh() != null && c.ciLow() != null && (c.ciHigh() < 0 || c.ciLow() > 0);
        s.append(rect)
            .append("fill=\"")
            .append(Colours.diverging(g, extent))
            .append("\" stroke=\"#ffffff\"/>");
        s.append("<text x=\"")
            .append(px(cx))
            .append("\" y=\"")
            .append(ty)
            .append("\" text-anchor=\"middle\" fill=\"")
            .append(Colours.textOn(g, extent))
            .append(sure ? "\" font-weight=\"bold" : "")
            .append("\">")
            .append(Html.signed(g, 1))
            .append("</text>");
        title +=
            "gap "
                + Html.signed(g, 1)
                + " (95% interval "
                + Html.signed(c.ciLow(), 1)
                + " to "
                + Html.signed(c.ciHigh(), 1)
                + "), "
                + c.respondents()
                + " respondents";
      }
      case "suppressed" -> {
        s.append(rect).append("fill=\"url(#").append(HATCH_ID).append(")\" stroke=\"#ffffff\"/>");
        s.append("<text class=\"hm-sup\" x=\"")
            .append(px(cx))
            .append("\" y=\"")
            .append(ty)
            .append("\" text-anchor=\"middle\">n&lt;")
            .append(k)
            .append("</text>");
        title += "suppressed, " + c.respondents() + " respondents (fewer than " + k + ")";
      }
      default -> {
        s.append(rect)
            .append("fill=\"none\" stroke=\"")
            .append(Colours.GRID)
            .append("\" stroke-dasharray=\"2 2\"/>");
        title += "no answers in the window";
      }
    }
    s.append("<title>").append(esc(title)).append("</title></g>");
  }
}

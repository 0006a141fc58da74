package io.cxgap.common.report;

import static io.cxgap.common.report.Html.px;

/**
 * The heatmap's legend: the diverging colour scale with its ticks, and the two cell kinds that
 * carry no colour (suppressed, hatched; no answers, dashed outline).
 */
final class HeatmapLegend {
  private HeatmapLegend() {}

  /** Appends the legend at height {@code y}; the scale runs from -extent to +extent points. */
  static void append(StringBuilder s, int y, double extent, int k) {
    int x = Heatmap.LABEL_W;
    int w = 300;
    s.append(
        "<g class=\"legend\"><defs><linearGradient id=\"hm-scale\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">");
    for (int i = 0; i < Colours.DIVERGING.length; i++) {
      s.append(
          Svg.element(
              "stop",
              "offset",
              Html.num((double) i / (Colours.DIVERGING.length - 1), 3),
              "stop-color",
              Colours.DIVERGING[i]));
    }
    s.append("</linearGradient></defs>");
    s.append(Svg.text("hm-group", 4, y + 12, "start", "gap, points"));
    s.append(swatch(x, y, w, "url(#hm-scale)"));
    for (int i = 0; i <= 4; i++) {
      double v = -extent + i * extent / 2;
      s.append(Svg.text("tick", x + w * i / 4.0, y + 28, "middle", Html.signed(v, 0)));
    }
    s.append(Svg.text("tick", x, y + 42, "start", "shortfall"));
    s.append(Svg.text("tick", x + w, y + 42, "end", "better than expected"));
    int hx = x + w + 30;
    s.append(swatch(hx, y, 28, "url(#" + Heatmap.HATCH_ID + ")"));
    s.append(
        Svg.text("tick", hx + 34, y + 11, "start", "suppressed: fewer than " + k + " respondents"));
    s.append(
        Svg.element(
            "rect",
            "x",
            px(hx),
            "y",
            px(y + 20),
            "width",
            "28",
            "height",
            "14",
            "fill",
            "none",
            "stroke",
            Colours.GRID,
            "stroke-dasharray",
            "2 2"));
    s.append(Svg.text("tick", hx + 34, y + 31, "start", "no answers")).append("</g>");
  }

  private static String swatch(double x, double y, int width, String fill) {
    return Svg.element(
        "rect",
        "x",
        px(x),
        "y",
        px(y),
        "width",
        Integer.toString(width),
        "height",
        "14",
        "fill",
        fill);
  }
}

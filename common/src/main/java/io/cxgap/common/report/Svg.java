package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;
import static io.cxgap.common.report.Html.px;

/** Small builders for inline SVG elements. */
final class Svg {
  private Svg() {}

  /** An SVG root that scales to its container's width, with an accessible title. */
  static String open(String cssClass, int width, int height, String title) {
    return "<svg class=\"chart "
        + cssClass
        + "\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
        + width
        + " "
        + height
        + "\" width=\""
        + width
        + "\" height=\""
        + height
        + "\" role=\"img\" aria-label=\""
        + esc(title)
        + "\"><title>"
        + esc(title)
        + "</title>";
  }

  /**
   * An empty element with attributes, in the order given: {@code element("circle", "cx", "10", "r",
   * "5")} is {@code <circle cx="10" r="5"/>}. Values are written as given (numbers through {@link
   * Html#px}).
   */
  static String element(String tag, String... namesAndValues) {
    StringBuilder s = new StringBuilder("<").append(tag);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      s.append(' ')
          .append(namesAndValues[i])
          .append("=\"")
          .append(namesAndValues[i + 1])
          .append('"');
    }
    return s.append("/>").toString();
  }

  static String line(double x1, double y1, double x2, double y2, String stroke, String... extra) {
    String[] attrs = {"x1", px(x1), "y1", px(y1), "x2", px(x2), "y2", px(y2), "stroke", stroke};
    return element("line", concat(attrs, extra));
  }

  static String dashed(double x1, double y1, double x2, double y2, String stroke) {
    return line(x1, y1, x2, y2, stroke, "stroke-dasharray", "5 4");
  }

  static String circle(double cx, double cy, double r, String fill, String... extra) {
    return element(
        "circle",
        concat(new String[] {"cx", px(cx), "cy", px(cy), "r", px(r), "fill", fill}, extra));
  }

  /** A text element; {@code text} is escaped. */
  static String text(String cssClass, double x, double y, String anchor, String text) {
    return "<text class=\""
        + cssClass
        + "\" x=\""
        + px(x)
        + "\" y=\""
        + px(y)
        + "\" text-anchor=\""
        + anchor
        + "\">"
        + esc(text)
        + "</text>";
  }

  static String rect(String cssClass, double x, double y, double w, double h, String fill) {
    return element(
        "rect",
        "class",
        cssClass,
        "x",
        px(x),
        "y",
        px(y),
        "width",
        px(Math.max(0, w)),
        "height",
        px(h),
        "fill",
        fill);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

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

  static String line(double x1, double y1, double x2, double y2, String stroke) {
    return "<line x1=\""
        + px(x1)
        + "\" y1=\""
        + px(y1)
        + "\" x2=\""
        + px(x2)
        + "\" y2=\""
        + px(y2)
        + "\" stroke=\""
        + stroke
        + "\"/>";
  }

  static String dashed(double x1, double y1, double x2, double y2, String stroke) {
    return "<line x1=\""
        + px(x1)
        + "\" y1=\""
        + px(y1)
        + "\" x2=\""
        + px(x2)
        + "\" y2=\""
        + px(y2)
        + "\" stroke=\""
        + stroke
        + "\" stroke-dasharray=\"5 4\"/>";
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
    return "<rect class=\""
        + cssClass
        + "\" x=\""
        + px(x)
        + "\" y=\""
        + px(y)
        + "\" width=\""
        + px(Math.max(0, w))
        + "\" height=\""
        + px(h)
        + "\" fill=\""
        + fill
        + "\"/>";
  }
}

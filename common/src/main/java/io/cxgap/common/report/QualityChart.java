package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.report.ReportData.ReasonCount;
import io.cxgap.common.report.ReportData.SourceCount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Data quality of D's ingest: a table of rows read, accepted, quarantined and dropped as duplicates
 * per source, and a bar chart of quarantined rows per source and reason.
 */
final class QualityChart {
  static final int WIDTH = 760;
  static final int LABEL_W = 300;
  static final int ROW_H = 22;

  private QualityChart() {}

  static String table(List<SourceCount> sources, double maxShare) {
    StringBuilder s =
        new StringBuilder(
            "<table class=\"data quality\"><thead><tr><th>source</th><th>read</th>"
                + "<th>accepted</th><th>quarantined</th><th>duplicates dropped</th><th>quarantined share</th></tr></thead><tbody>");
    for (SourceCount c : sources) {
      double share = c.read() == 0 ? 0 : (double) c.quarantined() / c.read();
      s.append("<tr")
          .append(share > maxShare ? " class=\"over\"" : "")
          .append("><td>")
          .append(esc(c.source()))
          .append("</td><td>")
          .append(Html.count(c.read()))
          .append("</td><td>")
          .append(Html.count(c.accepted()))
          .append("</td><td>")
          .append(Html.count(c.quarantined()))
          .append("</td><td>")
          .append(Html.count(c.duplicate()))
          .append("</td><td>")
          .append(Html.percent(share, 2))
          .append("</td></tr>");
    }
    return s.append("</tbody></table>").toString();
  }

  /** Reasons by source, then by rows descending. */
  static List<ReasonCount> ordered(List<ReasonCount> reasons) {
    List<ReasonCount> out = new ArrayList<>(reasons);
    out.sort(
        Comparator.comparing(ReasonCount::source)
            .thenComparing(Comparator.comparingLong(ReasonCount::rows).reversed())
            .thenComparing(ReasonCount::reason));
    return out;
  }

  static String svg(List<ReasonCount> reasons) {
    List<ReasonCount> rows = ordered(reasons);
    long max = rows.stream().mapToLong(ReasonCount::rows).max().orElse(1);
    int height = rows.size() * ROW_H + 30;
    Axis x = Axis.rounded(0, Math.max(1, max), LABEL_W, WIDTH - 70, 5);
    StringBuilder s =
        new StringBuilder(
            Svg.open("quarantine", WIDTH, height, "Quarantined rows by source and reason"));
    double bottom = rows.size() * ROW_H + 4;
    for (double t : x.ticks(5)) {
      s.append(Svg.line(x.at(t), 4, x.at(t), bottom, Colours.GRID));
      s.append(Svg.text("tick", x.at(t), bottom + 14, "middle", Html.num(t, 0)));
    }
    for (int i = 0; i < rows.size(); i++) {
      ReasonCount r = rows.get(i);
      double y = 4 + i * ROW_H;
      s.append("<g class=\"q-row\">");
      s.append(Svg.text("q-label", LABEL_W - 8, y + 15, "end", r.source() + " · " + r.reason()));
      s.append(Svg.rect("q-bar", x.at(0), y + 3, x.at(r.rows()) - x.at(0), ROW_H - 6, "#e08214"));
      s.append(Svg.text("val", x.at(r.rows()) + 5, y + 15, "start", Html.count(r.rows())));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }
}

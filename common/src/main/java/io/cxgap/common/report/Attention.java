package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.Table;
import io.cxgap.common.report.ReportData.AlertRow;
import io.cxgap.common.report.ReportData.InitiativeRow;
import io.cxgap.common.report.ReportData.Monitoring;
import java.util.List;
import java.util.Map;

/**
 * The report's opening section, "What needs attention" (DESIGN.md §5 "Proactive monitoring"): D's
 * new high-severity alerts as sentences, the initiatives that are behind or missed their target
 * (observed change with its 95% interval against the expected path, and the difference in
 * differences against the segment's other touchpoints, as a table and a whisker chart), and the
 * number of detractors to call back. It names no customer.
 */
final class Attention {
  static final int MAX_ALERTS = 10;
  static final String BEHIND = "behind";
  static final String MISSED = "missed";
  static final int WIDTH = 860;
  static final int LEFT = 260;
  static final int RIGHT = 640;
  static final int ROW_H = 44;
  static final int TOP = 8;

  private Attention() {}

  /** The initiatives behind or missed, in the order of the table (by id). */
  static List<InitiativeRow> lagging(List<InitiativeRow> rows) {
    return rows.stream()
        .filter(r -> BEHIND.equals(r.status()) || MISSED.equals(r.status()))
        .sorted(java.util.Comparator.comparing(InitiativeRow::id))
        .toList();
  }

  /** The section's body. */
  static String html(ReportData d, Map<String, String> names) {
    Monitoring m = d.monitoring();
    if (!m.ran()) {
      return "<p class=\"empty\">"
          + esc(
              "The monitor step did not run for "
                  + d.date()
                  + ": run 'cxgap monitor --date "
                  + d.date()
                  + "'.")
          + "</p>";
    }
    StringBuilder s = new StringBuilder();
    s.append("<h3>New high-severity alerts</h3>");
    if (m.newHighAlerts().isEmpty()) {
      s.append("<p class=\"empty\">No new high-severity alert today.</p>");
    } else {
      s.append("<ul class=\"alerts\">");
      for (AlertRow a :
          m.newHighAlerts().subList(0, Math.min(MAX_ALERTS, m.newHighAlerts().size()))) {
        s.append("<li data-kind=\"")
            .append(esc(a.kind()))
            .append("\">")
            .append(esc(a.message()))
            .append("</li>");
      }
      s.append("</ul>");
      if (m.newHighAlerts().size() > MAX_ALERTS) {
        s.append("<p class=\"meta\">")
            .append(m.newHighAlerts().size() - MAX_ALERTS)
            .append(" more in ")
            .append(Table.ALERT.sqlName())
            .append(" (cxgap alerts --date ")
            .append(d.date())
            .append(").</p>");
      }
    }
    s.append("<h3>Initiatives behind or missed</h3>");
    List<InitiativeRow> lagging = lagging(m.initiatives());
    if (m.initiatives().isEmpty()) {
      s.append("<p class=\"empty\">No initiatives are declared (cx.initiatives).</p>");
    } else if (lagging.isEmpty()) {
      s.append("<p class=\"empty\">")
          .append(
              esc(
                  "None of the "
                      + m.initiatives().size()
                      + " initiatives is behind or has missed its target."))
          .append("</p>");
    } else {
      s.append(table(lagging, names)).append(svg(lagging, names));
    }
    int others = m.initiatives().size() - lagging.size();
    if (!lagging.isEmpty() && others > 0) {
      s.append("<p class=\"meta\">")
          .append(others)
          .append(others == 1 ? " other initiative is" : " other initiatives are")
          .append(" on track, achieved, not started or short of data: see ")
          .append(Table.INITIATIVE_CHECK.sqlName())
          .append(".</p>");
    }
    s.append("<h3>Detractors to follow up</h3><p class=\"detractors\"><b>")
        .append(Html.count(m.detractors()))
        .append("</b> ")
        .append(m.detractors() == 1 ? "response" : "responses")
        .append(" with NPS 0–6 in the last days to call back: the list, with masked comments, is ")
        .append(Table.DETRACTOR_FOLLOWUP.sqlName())
        .append(".</p>");
    return s.toString();
  }

  private static String who(InitiativeRow r) {
    return "total".equals(r.segmentDimension())
        ? "all customers"
        : r.segmentDimension() + "=" + r.segmentValue();
  }

  private static String interval(Double v, Double lo, Double hi) {
    return Html.signed(v, 1) + " [" + Html.signed(lo, 1) + ", " + Html.signed(hi, 1) + "]";
  }

  static String table(List<InitiativeRow> rows, Map<String, String> names) {
    StringBuilder s =
        new StringBuilder(
            "<table class=\"data initiatives\"><tr><th>initiative</th><th>touchpoint</th><th>segment</th>"
                + "<th>status</th><th>observed change [95% CI]</th><th>expected by now</th>"
                + "<th>expected by due</th><th>vs other touchpoints (DiD) [95% CI]</th></tr>");
    for (InitiativeRow r : rows) {
      s.append("<tr data-initiative=\"")
          .append(esc(r.id()))
          .append("\"><td>")
          .append(esc(r.name()))
          .append(" (")
          .append(esc(r.id()))
          .append(")</td><td>")
          .append(esc(names.getOrDefault(r.touchpoint(), r.touchpoint())))
          .append("</td><td>")
          .append(esc(who(r)))
          .append("</td><td class=\"low\">")
          .append(esc(r.status()))
          .append("</td><td>")
          .append(interval(r.observedChange(), r.observedCiLow(), r.observedCiHigh()))
          .append("</td><td>")
          .append(Html.signed(r.expectedToDate(), 1))
          .append("</td><td>")
          .append(Html.signed(r.expectedChange(), 1))
          .append(" by ")
          .append(r.due())
          .append("</td><td>")
          .append(interval(r.didChange(), r.didCiLow(), r.didCiHigh()))
          .append("</td></tr>");
    }
    return s.append("</table>").toString();
  }

  /**
   * A whisker per initiative on one axis of gap points: the observed change's interval with a dot,
   * the DiD's below it in grey, and a red tick where the expected path is by now.
   */
  static String svg(List<InitiativeRow> rows, Map<String, String> names) {
    double lo = 0;
    double hi = 0;
    for (InitiativeRow r : rows) {
      for (Double v :
          new Double[] {
            r.observedCiLow(),
            r.observedCiHigh(),
            r.didCiLow(),
            r.didCiHigh(),
            r.expectedToDate(),
            r.expectedChange()
          }) {
        if (v != null && !v.isNaN()) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    Axis x = Axis.rounded(lo, hi, LEFT, RIGHT, 5);
    int height = TOP + rows.size() * ROW_H + 44;
    double bottom = TOP + rows.size() * ROW_H;
    StringBuilder s =
        new StringBuilder(
            Svg.open(
                "initiatives",
                WIDTH,
                height,
                "Initiatives behind or missed: observed change and difference in differences with 95% intervals, against the expected path"));
    for (double t : x.ticks(5)) {
      s.append(Svg.line(x.at(t), TOP, x.at(t), bottom, t == 0 ? "#999999" : Colours.GRID));
      s.append(Svg.text("tick", x.at(t), bottom + 14, "middle", Html.signed(t, 0)));
    }
    s.append(
        Svg.text(
            "axis",
            (LEFT + RIGHT) / 2.0,
            bottom + 34,
            "middle",
            "change of the gap since the start, points (red tick: expected by now)"));
    for (int i = 0; i < rows.size(); i++) {
      InitiativeRow r = rows.get(i);
      double y = TOP + i * ROW_H + 16;
      s.append("<g class=\"initiative-row\" data-initiative=\"").append(esc(r.id())).append("\">");
      s.append(Svg.text("nps-label", LEFT - 10, y + 4, "end", r.name()));
      s.append(
          Svg.text(
              "tick",
              LEFT - 10,
              y + 20,
              "end",
              names.getOrDefault(r.touchpoint(), r.touchpoint()) + ", " + who(r)));
      whisker(s, x, y, r.observedChange(), r.observedCiLow(), r.observedCiHigh(), Colours.INK, 5);
      whisker(s, x, y + 16, r.didChange(), r.didCiLow(), r.didCiHigh(), Colours.PREVIOUS, 4);
      double e = x.at(r.expectedToDate());
      s.append(Svg.line(e, y - 8, e, y + 8, Colours.SHORTFALL, "stroke-width", "2"));
      s.append(
          Svg.text(
              "nps-value",
              RIGHT + 12,
              y + 4,
              "start",
              "observed " + interval(r.observedChange(), r.observedCiLow(), r.observedCiHigh())));
      s.append(
          Svg.text(
              "tick",
              RIGHT + 12,
              y + 20,
              "start",
              "DiD " + interval(r.didChange(), r.didCiLow(), r.didCiHigh())));
      s.append("</g>");
    }
    return s.append("</svg>").toString();
  }

  private static void whisker(
      StringBuilder s, Axis x, double y, Double v, Double lo, Double hi, String colour, double r) {
    if (lo != null && hi != null) {
      s.append(Svg.line(x.at(lo), y, x.at(hi), y, colour, "stroke-width", "1.5"));
      s.append(Svg.line(x.at(lo), y - 4, x.at(lo), y + 4, colour));
      s.append(Svg.line(x.at(hi), y - 4, x.at(hi), y + 4, colour));
    }
    if (v != null) {
      s.append(Svg.circle(x.at(v), y, r, colour));
    }
  }
}

package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.Layer;
import io.cxgap.common.Table;
import io.cxgap.common.report.ReportData.DriverPoint;
import io.cxgap.common.report.ReportData.GapCell;
import io.cxgap.common.report.ReportData.TrendRow;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report of one date (DESIGN.md §1, §2): one self-contained HTML page with inline SVG charts
 * and inline CSS. It makes no request of any kind (its Content-Security-Policy forbids them) and
 * escapes every string that comes from data. The same data gives the same bytes.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The whole page for {@code d}. */
  public static String render(ReportData d) {
    Map<String, String> names = new HashMap<>();
    d.touchpoints().forEach(t -> names.put(t.id(), t.name()));
    StringBuilder s = new StringBuilder(64 * 1024);
    s.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>cxgap report ")
        .append(d.date())
        .append("</title>\n<style>")
        .append(CSS)
        .append("</style></head>\n<body>\n");
    header(s, d, names);
    section(
        s,
        "attention",
        "What needs attention",
        "Today's new high-severity alerts (all alerts: cxgap alerts --date "
            + d.date()
            + "), the declared initiatives (cx.initiatives) that are behind their expected path or "
            + "missed it, and the detractors to call back. An initiative's observed change is its "
            + "touchpoint's gap now minus before it started, with a 95% interval; DiD subtracts "
            + "the change of the segment's other touchpoints, so what moved for everyone is not "
            + "counted as the initiative's.",
        Attention.html(d, names));
    section(
        s,
        "heatmap",
        "Gap by segment and touchpoint",
        "Each cell is the mean gap (experience minus expectation, 0..100 points) of a segment's customers on a touchpoint in the "
            + d.windowDays()
            + " days to "
            + d.date()
            + ". Red: they got less than they expected; blue: more. Bold values: the 95% "
            + "interval excludes 0. Hatched cells had fewer than "
            + d.minRespondents()
            + " respondents and are not shown.",
        d.gaps().isEmpty()
            ? empty("No gap cells for " + d.date() + ": run the gaps step for this date.")
            : Heatmap.svg(d));
    section(
        s,
        "dimensions",
        "SERVQUAL dimensions",
        "Each dimension groups touchpoints of one kind of service. Its gap is scored respondent first: each customer's mean "
            + "gap over the dimension's touchpoints they rated, then the mean over customers, with a 95% interval. Experience alone "
            + "is the SERVPERF score. Cronbach's α says whether the dimension's items move together; below 0.70 the score "
            + "hides differences between its touchpoints.",
        d.dimensions().isEmpty()
            ? empty("No dimension scores for " + d.date() + ": run the gaps step for this date.")
            : DimensionTables.html(d.dimensions(), d.index(), d.minRespondents()));
    section(
        s,
        "nps",
        "Net Promoter Score",
        "NPS = % promoters (9–10) − % detractors (0–6) over the survey responses of the "
            + d.windowDays()
            + " days to "
            + d.date()
            + ", each response counted once. The line is the 95% interval: two segments whose lines "
            + "overlap may not really differ. The grey dot is the previous "
            + d.windowDays()
            + " days; the dot is red or blue only when the change is at least "
            + Html.num(d.trendsMinDelta(), 0)
            + " points and q < 0.05.",
        d.nps().isEmpty()
            ? empty("No NPS for " + d.date() + ": run the trends step for this date.")
            : NpsChart.svg(d.nps(), d.segmentDimensions(), d.minRespondents()));
    section(
        s,
        "drivers",
        "Moments of truth: importance and performance",
        "Each dot is a touchpoint. Further right, it performs better (mean gap); higher, it explains more of the differences in "
            + "customers' NPS (share of R²). The dashed lines are the averages. Fix the top-left box, \"concentrate here\", first. "
            + "The table ranks the touchpoints by priority: share × shortfall.",
        d.drivers().isEmpty()
            ? empty(
                "No driver analysis for "
                    + d.date()
                    + " (too few customers with an NPS, or the drivers step did not run).")
            : driversCaption(d.drivers())
                + "<div class=\"side\">"
                + ImportancePerformance.svg(d.drivers(), names)
                + ImportancePerformance.table(d.drivers(), names)
                + "</div>");
    section(
        s,
        "clusters",
        "Pain clusters",
        "Each panel is a group of customers who hurt in the same places, largest first. Bars are the group's average pain per "
            + "feature: for a touchpoint, 0.30 means 30 points short of expectation; friction features are shrunk contact rates, "
            + "with the base level as a tick. Red bars are the pains that name the group.",
        d.clusters().isEmpty()
            ? empty("No pain clusters for " + d.date() + ".")
            : ClusterPanels.html(d.clusters(), d.touchpoints()));
    List<TrendRow> worse = TrendChart.deteriorating(d.trends());
    section(
        s,
        "trends",
        "Deteriorating gaps",
        "Cells whose mean gap fell by at least "
            + Html.num(d.trendsMinDelta(), 0)
            + " points against the previous "
            + d.windowDays()
            + " days, with q < 0.05 (Welch's t-test, Benjamini–Hochberg over all cells): the grey dot is the previous window, the red dot now.",
        directionSummary(d.trends())
            + (worse.isEmpty()
                ? empty("No gap deteriorated significantly.")
                : TrendChart.svg(worse, names) + more(worse.size())));
    section(
        s,
        "quality",
        "Data quality",
        "Rows read from each source by this date's ingest: each is accepted, quarantined with a reason (see "
            + Table.QUARANTINE.sqlName()
            + "), "
            + "or dropped as a duplicate. A source whose quarantined share is above "
            + Html.percent(d.maxQuarantineShare(), 1)
            + " stops the run (highlighted).",
        d.sources().isEmpty()
            ? empty("No ingest ran for " + d.date() + ", so there are no row counts for it.")
            : QualityChart.table(d.sources(), d.maxQuarantineShare())
                + (d.quarantine().isEmpty()
                    ? empty("No row was quarantined.")
                    : QualityChart.svg(d.quarantine())));
    s.append("<footer>cxgap · from the " + Layer.GOLD.database() + " tables for ")
        .append(d.date())
        .append(" · definitions in README.md and DESIGN.md §5</footer>\n</body></html>\n");
    return s.toString();
  }

  private static void header(StringBuilder s, ReportData d, Map<String, String> names) {
    s.append("<header><h1>Customer experience gaps, ")
        .append(d.date())
        .append("</h1><p class=\"meta\">")
        .append(d.windowDays())
        .append("-day window ending ")
        .append(d.date())
        .append(" (UTC) · cells with fewer than ")
        .append(d.minRespondents())
        .append(" respondents suppressed</p>");
    noInteractionsNote(d)
        .ifPresent(n -> s.append("<p class=\"note\">").append(esc(n)).append("</p>"));
    StringBuilder f = new StringBuilder();
    Optional<GapCell> worst =
        d.gaps().stream()
            .filter(
                c -> "total".equals(c.segmentDimension()) && !c.suppressed() && c.gapMean() != null)
            .min(Comparator.comparingDouble(GapCell::gapMean));
    worst.ifPresent(
        c ->
            f.append("<li>Largest shortfall, all customers: <b>")
                .append(esc(names.getOrDefault(c.touchpoint(), c.touchpoint())))
                .append("</b>, gap ")
                .append(Html.signed(c.gapMean(), 1))
                .append(" points.</li>"));
    NpsChart.total(d.nps())
        .filter(r -> r.nps() != null)
        .ifPresent(
            r ->
                f.append("<li>NPS, all customers: <b>")
                    .append(Html.signed(r.nps(), 0))
                    .append("</b> (95% interval ")
                    .append(Html.signed(r.ciLow(), 0))
                    .append(" to ")
                    .append(Html.signed(r.ciHigh(), 0))
                    .append(
                        r.previousNps() == null
                            ? ""
                            : "; before " + Html.signed(r.previousNps(), 0))
                    .append(").</li>"));
    d.drivers().stream()
        .filter(p -> Integer.valueOf(1).equals(p.priorityRank()))
        .findFirst()
        .ifPresent(
            p ->
                f.append("<li>First priority: <b>")
                    .append(esc(names.getOrDefault(p.touchpoint(), p.touchpoint())))
                    .append("</b>, ")
                    .append(Html.percent(p.importanceShare(), 0))
                    .append(" of the explained NPS variance, gap ")
                    .append(Html.signed(p.gapMean(), 1))
                    .append(".</li>"));
    if (!d.trends().isEmpty()) {
      f.append("<li>")
          .append(TrendChart.deteriorating(d.trends()).size())
          .append(" segment × touchpoint gaps deteriorated.</li>");
    }
    if (f.length() > 0) {
      s.append("<ul class=\"findings\">").append(f).append("</ul>");
    }
    s.append("</header>\n");
  }

  /**
   * The note a survey-only report carries (DESIGN.md §4): where the window has gap cells but no
   * channel contact on their touchpoints, the friction columns hold nothing to read.
   */
  static Optional<String> noInteractionsNote(ReportData d) {
    if (d.gaps().isEmpty() || d.contacts() > 0) {
      return Optional.empty();
    }
    return Optional.of(
        "No channel logs (interactions) were found for the "
            + d.windowDays()
            + " days to "
            + d.date()
            + ": this report rests on surveys alone. The friction columns of "
            + Table.GAP_SEGMENT_TOUCHPOINT.sqlName()
            + " are contacts = 0 and empty rates and waits, and pain clusters form on survey gaps"
            + " only.");
  }

  private static void section(StringBuilder s, String id, String title, String how, String body) {
    s.append("<section id=\"")
        .append(id)
        .append("\"><h2>")
        .append(esc(title))
        .append("</h2><p class=\"how\"><b>How to read this:</b> ")
        .append(esc(how))
        .append("</p>")
        .append(body)
        .append("</section>\n");
  }

  private static String empty(String message) {
    return "<p class=\"empty\">" + esc(message) + "</p>";
  }

  private static String driversCaption(List<DriverPoint> drivers) {
    DriverPoint any = drivers.get(0);
    return "<p class=\"meta\">The touchpoint gaps explain R² = "
        + Html.num(any.r2(), 2)
        + " of the variance in NPS.</p>";
  }

  private static String directionSummary(List<TrendRow> trends) {
    StringBuilder s = new StringBuilder("<p class=\"meta\">Cells by direction: ");
    Map<String, Long> n = TrendChart.directions(trends);
    if (n.isEmpty()) {
      return s.append("no trend rows for this date.</p>").toString();
    }
    n.forEach((k, v) -> s.append(esc(k)).append(' ').append(v).append(" · "));
    s.setLength(s.length() - 3);
    return s.append("</p>").toString();
  }

  private static String more(int rows) {
    return rows > TrendChart.MAX_ROWS
        ? "<p class=\"meta\">"
            + (rows - TrendChart.MAX_ROWS)
            + " more in "
            + Table.GAP_TREND.sqlName()
            + ".</p>"
        : "";
  }

  static final String CSS =
      "body{font-family:\"DejaVu Sans\",\"Helvetica Neue\",Arial,sans-serif;color:#222;background:#fff;margin:0 auto;"
          + "max-width:1120px;padding:16px 24px;font-size:14px;line-height:1.4}"
          + "h1{font-size:24px;margin:8px 0 4px}h2{font-size:19px;margin:0 0 4px}h3{font-size:14px;margin:0}"
          + "section{border-top:1px solid #ddd;padding:14px 0 18px}"
          + ".meta{color:#555;margin:2px 0 8px}.how{background:#f4f6f8;border-left:4px solid #67a9cf;padding:6px 10px;margin:6px 0 10px}"
          + ".note{background:#fff7e0;border-left:4px solid #e0a800;padding:6px 10px;margin:6px 0 10px}"
          + ".alerts li{margin:2px 0}.detractors{margin:4px 0}"
          + ".empty{color:#555;font-style:italic}.findings{margin:6px 0 12px;padding-left:20px}"
          + "svg.chart{max-width:100%;height:auto;display:block;font-size:12px}"
          + "svg text{fill:#222}svg .tick,svg .val{fill:#555;font-size:11px}svg .axis{fill:#444;font-size:12px}"
          + "svg .hm-group{fill:#555;font-size:11px;font-weight:bold;text-transform:uppercase;letter-spacing:.04em}"
          + "svg .hm-col{font-size:11px;font-weight:bold}svg .hm-sup{fill:#333;font-size:11px}"
          + "svg .quad{fill:#777;font-size:12px;font-style:italic}svg .ipa-label{font-size:12px}"
          + "svg .feat{font-size:11px}svg .feat.pain{fill:#b2182b;font-weight:bold}"
          + ".panels{display:flex;flex-wrap:wrap;gap:12px}.panel{border:1px solid #ddd;border-radius:4px;padding:8px;width:250px}.panel .meta{font-size:12px}"
          + ".side{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}"
          + "table.data{border-collapse:collapse;margin:4px 0 12px}table.data th,table.data td{padding:4px 10px;"
          + "border-bottom:1px solid #e4e4e4;text-align:right}table.data th:first-child,table.data td:first-child{text-align:left}"
          + "table.ranks{font-size:12px}table.ranks td,table.ranks th{padding:4px 6px}table.ranks td:nth-child(2),table.ranks td:last-child,table.ranks th:nth-child(2),table.ranks th:last-child{text-align:left}"
          + ".swatch{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:6px}"
          + "table.data tr.over td{background:#fbecec;color:#b2182b;font-weight:bold}"
          + "table.data td.low{color:#b2182b;font-weight:bold}.warn{color:#b2182b}.scroll{overflow-x:auto}"
          + "footer{color:#777;font-size:12px;border-top:1px solid #ddd;padding-top:8px}";
}

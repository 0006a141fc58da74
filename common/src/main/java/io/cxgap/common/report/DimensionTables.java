package io.cxgap.common.report;

import static io.cxgap.common.report.Html.esc;

import io.cxgap.common.report.ReportData.DimensionRow;
import io.cxgap.common.report.ReportData.IndexRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's dimension section (DESIGN.md §5, gold.gap_dimension and gold.servqual_index): the
 * SERVQUAL index, a table of the whole base's dimensions (gap with its interval, the SERVPERF
 * experience score, the adequacy margin where adequate answers exist, Cronbach's α flagged below
 * 0.70) and the gap of each dimension in each segment.
 */
final class DimensionTables {
  /** Below this, a dimension's items do not reliably measure one thing (Nunnally). */
  static final double ALPHA_FLOOR = 0.70;

  private DimensionTables() {}

  static String html(List<DimensionRow> rows, List<IndexRow> index, int minRespondents) {
    StringBuilder s = new StringBuilder();
    index.stream()
        .filter(r -> "total".equals(r.segmentDimension()) && r.unweightedGap() != null)
        .findFirst()
        .ifPresent(r -> s.append(indexLine(r)));
    List<DimensionRow> total =
        rows.stream().filter(r -> "total".equals(r.segmentDimension())).toList();
    boolean zone = total.stream().anyMatch(r -> r.msaMean() != null);
    s.append("<table class=\"data dims\"><thead><tr><th>Dimension</th><th>Respondents</th>")
        .append("<th>Items</th><th>Gap</th><th>95% interval</th><th>Experience (SERVPERF)</th>")
        .append(zone ? "<th>Adequacy margin (MSA)</th>" : "")
        .append("<th>α experience</th><th>α gap</th></tr></thead><tbody>");
    for (DimensionRow r : total) {
      s.append("<tr data-dimension=\"").append(esc(r.dimension())).append("\"><td>");
      s.append(esc(r.dimension())).append("</td><td>").append(Html.count(r.respondents()));
      s.append("</td><td>").append(r.items()).append("</td>");
      if (r.suppressed()) {
        s.append("<td colspan=\"")
            .append(zone ? 6 : 5)
            .append("\">fewer than ")
            .append(minRespondents)
            .append(" respondents: not shown</td></tr>");
        continue;
      }
      s.append("<td>").append(Html.signed(r.gapMean(), 1)).append("</td><td>");
      s.append(interval(r)).append("</td><td>").append(Html.num(r.experienceMean(), 1));
      s.append("</td>");
      if (zone) {
        s.append("<td>").append(Html.signed(r.msaMean(), 1)).append("</td>");
      }
      s.append(alphaCell(r.alphaExperience())).append(alphaCell(r.alphaGap())).append("</tr>");
    }
    s.append("</tbody></table>");
    if (total.stream()
        .anyMatch(r -> r.alphaExperience() != null && r.alphaExperience() < ALPHA_FLOOR)) {
      s.append("<p class=\"meta warn\">α below ")
          .append(Html.num(ALPHA_FLOOR, 2))
          .append(": the dimension's items do not agree enough to be read as one score;")
          .append(" read its touchpoints one by one.</p>");
    }
    s.append(bySegment(rows, minRespondents));
    return s.toString();
  }

  private static String indexLine(IndexRow r) {
    StringBuilder s = new StringBuilder("<p class=\"meta\">SERVQUAL index, all customers: gap ");
    s.append(Html.signed(r.unweightedGap(), 1)).append(" (dimensions counted equally");
    if (r.weightedGap() != null) {
      s.append("; ").append(Html.signed(r.weightedGap(), 1)).append(" with the catalog's weights");
    }
    return s.append("), experience ")
        .append(Html.num(r.experienceIndex(), 1))
        .append(" over ")
        .append(r.dimensions())
        .append(" dimensions.</p>")
        .toString();
  }

  private static String interval(DimensionRow r) {
    return r.ciLow() == null
        ? "–"
        : "[" + Html.signed(r.ciLow(), 1) + ", " + Html.signed(r.ciHigh(), 1) + "]";
  }

  private static String alphaCell(Double alpha) {
    if (alpha == null) {
      return "<td>–</td>";
    }
    boolean low = alpha < ALPHA_FLOOR;
    return (low ? "<td class=\"low\" title=\"below 0.70\">⚠ " : "<td>")
        + Html.num(alpha, 2)
        + "</td>";
  }

  /** Rows: dimensions; columns: each segment value of each dimension of the CRM. */
  private static String bySegment(List<DimensionRow> rows, int minRespondents) {
    Set<String> dims = new LinkedHashSet<>();
    Map<String, Map<String, DimensionRow>> cuts = new LinkedHashMap<>();
    for (DimensionRow r : rows) {
      if ("total".equals(r.segmentDimension())) {
        dims.add(r.dimension());
        continue;
      }
      cuts.computeIfAbsent(
              r.segmentDimension() + "=" + r.segmentValue(), k -> new LinkedHashMap<>())
          .put(r.dimension(), r);
    }
    if (cuts.isEmpty()) {
      return "";
    }
    List<String> keys = new ArrayList<>(cuts.keySet());
    StringBuilder s = new StringBuilder("<h3>Gap by segment</h3><div class=\"scroll\">");
    s.append("<table class=\"data dims-seg\"><thead><tr><th>Dimension</th>");
    keys.forEach(k -> s.append("<th>").append(esc(k)).append("</th>"));
    s.append("</tr></thead><tbody>");
    for (String d : dims) {
      s.append("<tr><td>").append(esc(d)).append("</td>");
      for (String k : keys) {
        DimensionRow r = cuts.get(k).get(d);
        s.append("<td>");
        if (r == null) {
          s.append("–");
        } else if (r.suppressed()) {
          s.append("n&lt;").append(minRespondents);
        } else {
          s.append(Html.signed(r.gapMean(), 1));
          if (r.ciHigh() != null && (r.ciHigh() < 0 || r.ciLow() > 0)) {
            s.append(" *");
          }
        }
        s.append("</td>");
      }
      s.append("</tr>");
    }
    return s.append("</tbody></table></div>")
        .append("<p class=\"meta\">* the 95% interval excludes 0.</p>")
        .toString();
  }
}

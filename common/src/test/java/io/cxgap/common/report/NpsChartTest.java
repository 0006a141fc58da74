package io.cxgap.common.report;

import static io.cxgap.common.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.report.ReportData.NpsRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class NpsChartTest {
  /** Given out of order: the chart puts all customers first, then segment values by name. */
  static final List<NpsRow> ROWS =
      List.of(
          new NpsRow("segment", "SMB", 2, null, null, null, null, null, "suppressed", true),
          new NpsRow("segment", "Ent", 5, 100.0, 17.5, 100.0, null, null, "new", false),
          new NpsRow("total", "all", 20, 40.0, 2.0, 67.5, -18.0, 0.02, "improving", false));

  private static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  private static Element first(Element g, String tag, String cssClass) {
    for (int i = 0; i < g.getElementsByTagName(tag).getLength(); i++) {
      Element e = (Element) g.getElementsByTagName(tag).item(i);
      if (cssClass.equals(e.getAttribute("class"))) {
        return e;
      }
    }
    throw new AssertionError(
        "no " + tag + "." + cssClass + " in " + g.getAttribute("data-segment"));
  }

  @Test
  void rows_allCustomersFirst_thenSegmentValues() {
    Document doc = parse(NpsChart.svg(ROWS, List.of("segment"), 5));
    assertThat(select(doc, "//g[@class='nps-row']"))
        .extracting(g -> g.getAttribute("data-segment"))
        .containsExactly("total=all", "segment=Ent", "segment=SMB");
  }

  @Test
  void whiskers_areTheInterval_onAMinus100To100Axis() {
    // x = 220 + (v + 100) / 200 * 400 = 420 + 2v
    Document doc = parse(NpsChart.svg(ROWS, List.of("segment"), 5));
    Element all = select(doc, "//g[@data-segment='total=all']").get(0);
    Element ci = first(all, "line", "nps-ci");
    assertThat(attr(ci, "x1")).isEqualTo(424.0); // 2
    assertThat(attr(ci, "x2")).isEqualTo(555.0); // 67.5
    assertThat(attr(first(all, "circle", "nps-now"), "cx")).isEqualTo(500.0); // 40
    assertThat(first(all, "circle", "nps-now").getAttribute("fill")).isEqualTo("#2166ac");
    assertThat(attr(first(all, "circle", "nps-previous"), "cx")).isEqualTo(384.0); // -18
    Element ent = select(doc, "//g[@data-segment='segment=Ent']").get(0);
    assertThat(attr(first(ent, "line", "nps-ci"), "x2")).as("NPS 100").isEqualTo(620.0);
    assertThat(ent.getElementsByTagName("circle").getLength())
        .as("no previous window")
        .isEqualTo(1);
  }

  @Test
  void suppressedCut_isNamedButNotDrawn() {
    Document doc = parse(NpsChart.svg(ROWS, List.of("segment"), 5));
    Element smb = select(doc, "//g[@data-segment='segment=SMB']").get(0);
    assertThat(smb.getElementsByTagName("circle").getLength()).isZero();
    assertThat(smb.getElementsByTagName("line").getLength()).isZero();
    assertThat(smb.getTextContent()).contains("n<5");
  }

  @Test
  void report_hasTheNpsSection_andTheHeadline() {
    ReportData d = gapsOnly(gaps());
    ReportData withNps =
        new ReportData(
            d.date(),
            d.windowDays(),
            d.minRespondents(),
            d.trendsMinDelta(),
            d.maxQuarantineShare(),
            d.touchpoints(),
            d.segmentDimensions(),
            d.gaps(),
            d.drivers(),
            d.clusters(),
            d.trends(),
            d.sources(),
            d.quarantine(),
            d.dimensions(),
            d.index(),
            d.contacts(),
            ROWS,
            ReportData.Monitoring.NOT_RUN);
    String html = HtmlReport.render(withNps);
    assertThat(html)
        .contains("<section id=\"nps\">")
        .contains("NPS, all customers: <b>+40</b> (95% interval +2 to +68; before \u221218)");
    assertThat(HtmlReport.render(d)).contains("No NPS for 2026-10-31");
  }
}

package io.cxgap.common.report;

import io.cxgap.common.report.ReportData.ClusterPanel;
import io.cxgap.common.report.ReportData.DriverPoint;
import io.cxgap.common.report.ReportData.GapCell;
import io.cxgap.common.report.ReportData.ReasonCount;
import io.cxgap.common.report.ReportData.SourceCount;
import io.cxgap.common.report.ReportData.TouchpointLabel;
import io.cxgap.common.report.ReportData.TrendRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tiny report inputs, and a way to read the SVG the renderers write (it must be well-formed XML).
 */
final class ReportFixtures {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  /** Channel contacts in the fixtures' window: the report is not survey-only. */
  static final long CONTACTS = 120;

  static final List<TouchpointLabel> TOUCHPOINTS =
      List.of(
          new TouchpointLabel("billing", "Billing and invoices"),
          new TouchpointLabel("app", "Mobile app"));

  private ReportFixtures() {}

  static GapCell cell(
      String dim, String value, String tp, long n, Double gap, Double lo, Double hi) {
    return new GapCell(dim, value, tp, n, gap, lo, hi, false);
  }

  static GapCell suppressed(String dim, String value, String tp, long n) {
    return new GapCell(dim, value, tp, n, null, null, null, true);
  }

  /**
   * 3 cuts (All customers, segment Ent, segment SMB) × 2 touchpoints: 4 cells with a value, SMB ×
   * billing suppressed (3 respondents), Ent × app without answers.
   */
  static List<GapCell> gaps() {
    return List.of(
        cell("total", "all", "billing", 40, -10.0, -14.0, -6.0),
        cell("total", "all", "app", 38, 4.0, -1.0, 9.0),
        suppressed("segment", "SMB", "billing", 3),
        cell("segment", "SMB", "app", 12, -20.0, -30.0, -10.0),
        cell("segment", "Ent", "billing", 30, 10.0, 2.0, 18.0));
  }

  static ReportData data(
      List<GapCell> gaps,
      List<DriverPoint> drivers,
      List<ClusterPanel> clusters,
      List<TrendRow> trends,
      List<SourceCount> sources,
      List<ReasonCount> reasons) {
    return new ReportData(
        D,
        90,
        5,
        5.0,
        0.05,
        TOUCHPOINTS,
        List.of("segment"),
        gaps,
        drivers,
        clusters,
        trends,
        sources,
        reasons,
        List.of(),
        List.of(),
        CONTACTS,
        List.of(),
        ReportData.Monitoring.NOT_RUN);
  }

  static ReportData gapsOnly(List<GapCell> gaps) {
    return data(gaps, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** Every {@code <svg>…</svg>} of a page, parsed as XML. */
  static List<Document> svgs(String html) {
    List<Document> out = new ArrayList<>();
    Matcher m = Pattern.compile("<svg[ >].*?</svg>", Pattern.DOTALL).matcher(html);
    while (m.find()) {
      out.add(parse(m.group()));
    }
    return out;
  }

  static Document parse(String xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  static List<Element> select(Document doc, String xpath) {
    try {
      NodeList nodes =
          (NodeList)
              XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
      List<Element> out = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.add((Element) nodes.item(i));
      }
      return out;
    } catch (Exception e) {
      throw new AssertionError(xpath, e);
    }
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle);
        i >= 0;
        i = haystack.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}

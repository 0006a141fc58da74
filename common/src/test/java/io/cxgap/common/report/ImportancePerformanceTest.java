package io.cxgap.common.report;

import static io.cxgap.common.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.report.ReportData.DriverPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ImportancePerformanceTest {
  static final double R2 = 0.5;

  private static DriverPoint point(String tp, double share, double gap, String quadrant, int rank) {
    return new DriverPoint(tp, share * R2, share, R2, gap, quadrant, rank);
  }

  /**
   * Mean gap (-20 + 10 - 10 + 0) / 4 = -5; mean share (0.40 + 0.35 + 0.15 + 0.10) / 4 = 0.25. So
   * billing (-20, 0.40) is important and below: concentrate here; app (10, 0.35) important and
   * above: keep up; delivery (-10, 0.15) below but unimportant: low priority; website (0, 0.10):
   * possible overkill.
   */
  static final List<DriverPoint> POINTS =
      List.of(
          point("billing", 0.40, -20, "concentrate_here", 1),
          point("app", 0.35, 10, "keep_up", 3),
          point("delivery", 0.15, -10, "low_priority", 2),
          point("website", 0.10, 0, "possible_overkill", 4));

  private static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  @Test
  void quadrantLines_areTheMeansOfGapAndImportance() {
    assertThat(ImportancePerformance.meanGap(POINTS)).isCloseTo(-5, within(1e-12));
    assertThat(ImportancePerformance.meanShare(POINTS)).isCloseTo(0.25, within(1e-12));
    Document doc = parse(ImportancePerformance.svg(POINTS, Map.of()));
    // x: gaps -20..10 padded by max(1, 30 * 0.08) = 2.4 -> -22.4..12.4, step 10 -> -30..20 over
    // pixels 64..540: -5 sits at 64 + 25 / 50 * 476 = 302
    Element vertical = select(doc, "//line[@class='ipa-mean-gap']").get(0);
    assertThat(attr(vertical, "x1")).isEqualTo(302.0);
    // y: shares in % up to 40 * 1.08 = 43.2, step 10 -> 0..50 over pixels 388..16: 25 -> 202
    Element horizontal = select(doc, "//line[@class='ipa-mean-importance']").get(0);
    assertThat(attr(horizontal, "y1")).isEqualTo(202.0);
  }

  @Test
  void eachDotLiesInTheQuadrantItsRowNames() {
    Document doc = parse(ImportancePerformance.svg(POINTS, Map.of()));
    double lineX = attr(select(doc, "//line[@class='ipa-mean-gap']").get(0), "x1");
    double lineY = attr(select(doc, "//line[@class='ipa-mean-importance']").get(0), "y1");
    List<Element> dots = select(doc, "//g[@class='ipa-point']");
    assertThat(dots).hasSize(4);
    for (Element g : dots) {
      Element c = (Element) g.getElementsByTagName("circle").item(0);
      boolean left = attr(c, "cx") < lineX;
      boolean above = attr(c, "cy") < lineY; // SVG y grows downward
      String expected =
          above
              ? (left ? "concentrate_here" : "keep_up")
              : (left ? "low_priority" : "possible_overkill");
      assertThat(g.getAttribute("data-quadrant"))
          .as(g.getAttribute("data-touchpoint"))
          .isEqualTo(expected);
    }
    // billing at gap -20 -> 64 + 10 / 50 * 476 = 159.2; share 40% -> 388 - 0.8 * 372 = 90.4
    Element billing =
        (Element)
            select(doc, "//g[@data-touchpoint='billing']")
                .get(0)
                .getElementsByTagName("circle")
                .item(0);
    assertThat(attr(billing, "cx")).isEqualTo(159.2);
    assertThat(attr(billing, "cy")).isEqualTo(90.4);
    assertThat(billing.getAttribute("fill")).isEqualTo("#b2182b");
  }

  @Test
  void everyDotIsLabelled_withItsTouchpoint() {
    Document doc =
        parse(ImportancePerformance.svg(POINTS, Map.of("billing", "Billing & invoices")));
    assertThat(select(doc, "//text[@class='ipa-label']"))
        .extracting(Element::getTextContent)
        .containsExactlyInAnyOrder("billing", "app", "delivery", "website");
    assertThat(select(doc, "//g[@data-touchpoint='billing']/title").get(0).getTextContent())
        .isEqualTo(
            "Billing & invoices: gap \u221220.0, 40.0% of explained variance, priority 1, concentrate here");
    assertThat(select(doc, "//text[@class='quad']"))
        .extracting(Element::getTextContent)
        .containsExactly(
            "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill");
  }

  /*
   * The same four points with intervals: billing share 40% [30%, 48%] significant, website 10%
   * [0%, 20%] not significant (so no rank). y axis: the largest of share and interval high is 48%,
   * × 1.08 = 51.8 → 0..60 in steps of 10, pixels 388..16, 6.2 pixels a percent.
   */
  @Test
  void whiskersSpanTheShareInterval_andANonSignificantTouchpointIsHollow() {
    List<DriverPoint> points =
        List.of(
            new DriverPoint("billing", 0.2, 0.40, R2, -20, "concentrate_here", 1, 0.30, 0.48, true),
            new DriverPoint("app", 0.175, 0.35, R2, 10, "keep_up", 2, 0.25, 0.45, true),
            new DriverPoint("delivery", 0.075, 0.15, R2, -10, "low_priority", 3, 0.05, 0.25, true),
            new DriverPoint(
                "website", 0.05, 0.10, R2, 0, "possible_overkill", null, 0.0, 0.20, false));
    Document doc = parse(ImportancePerformance.svg(points, Map.of()));
    List<Element> billing =
        select(doc, "//g[@data-touchpoint='billing']/line[@class='ipa-whisker']");
    // the vertical whisker at x 159.2 from 30% (388 - 30 · 6.2 = 202) to 48% (90.4)
    Element v = billing.get(0);
    assertThat(attr(v, "x1")).isEqualTo(159.2);
    assertThat(attr(v, "x2")).isEqualTo(159.2);
    assertThat(attr(v, "y1")).isCloseTo(202.0, within(1e-9));
    assertThat(attr(v, "y2")).isCloseTo(90.4, within(1e-9));
    assertThat(billing).hasSize(3); // and its two caps
    Element billingDot =
        (Element)
            select(doc, "//g[@data-touchpoint='billing']")
                .get(0)
                .getElementsByTagName("circle")
                .item(0);
    assertThat(billingDot.getAttribute("fill")).as("significant: filled").isEqualTo("#b2182b");
    Element website = select(doc, "//g[@data-touchpoint='website']").get(0);
    assertThat(website.getAttribute("data-significant")).isEqualTo("false");
    Element ring = (Element) website.getElementsByTagName("circle").item(0);
    assertThat(ring.getAttribute("fill")).as("not significant: hollow").isEqualTo("#ffffff");
    assertThat(ring.getAttribute("stroke")).isNotEqualTo("#ffffff");
    assertThat(website.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo(
            "website: gap 0.0, 10.0% of explained variance (95% interval 0.0%\u201320.0%),"
                + " possible overkill, not significant (no priority)");
    String table = ImportancePerformance.table(points, Map.of());
    assertThat(table.indexOf("website"))
        .as("unranked last")
        .isGreaterThan(table.indexOf("delivery"));
    assertThat(table).contains("<td>\u2013</td><td>website</td>");
  }
}

package io.cxgap.common.report;

import static io.cxgap.common.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HeatmapTest {
  private static Document heatmap(ReportData d) {
    return parse(Heatmap.svg(d));
  }

  private static Element cellOf(Document doc, String segment, String touchpoint) {
    List<Element> e =
        select(
            doc,
            "//g[@class='hm-cell' and @data-segment='"
                + segment
                + "' and @data-touchpoint='"
                + touchpoint
                + "']");
    assertThat(e).as(segment + " × " + touchpoint).hasSize(1);
    return e.get(0);
  }

  private static Element rect(Element cell) {
    return (Element) cell.getElementsByTagName("rect").item(0);
  }

  private static String text(Element cell) {
    return cell.getElementsByTagName("text").getLength() == 0
        ? null
        : cell.getElementsByTagName("text").item(0).getTextContent();
  }

  @Test
  void oneCellPerCutAndTouchpoint_wholeBaseFirst_thenValuesInOrder() {
    Document doc = heatmap(gapsOnly(gaps()));
    // cuts: All customers, segment Ent, segment SMB; touchpoints: billing, app (catalog order)
    assertThat(select(doc, "//g[@class='hm-cell']")).hasSize(3 * 2);
    assertThat(select(doc, "//text[@class='hm-row']"))
        .extracting(Element::getTextContent)
        .containsExactly("All customers", "Ent", "SMB");
    assertThat(select(doc, "//text[@class='hm-col']"))
        .extracting(e -> e.getFirstChild().getTextContent())
        .containsExactly("billing", "app");
    assertThat(select(doc, "//g[@data-state='value']")).hasSize(4);
    assertThat(select(doc, "//g[@data-state='suppressed']")).hasSize(1);
    assertThat(select(doc, "//g[@data-state='empty']")).hasSize(1);
    assertThat(cellOf(doc, "Ent", "app").getAttribute("data-state")).isEqualTo("empty");
  }

  @Test
  void suppressedCell_isHatchedAndLabelledNLessThanK_notColoured() {
    Element c = cellOf(heatmap(gapsOnly(gaps())), "SMB", "billing");
    assertThat(c.getAttribute("data-state")).isEqualTo("suppressed");
    assertThat(rect(c).getAttribute("fill")).isEqualTo("url(#hm-hatch)");
    assertThat(text(c)).isEqualTo("n<5");
  }

  @Test
  void cellWithoutAnswers_isNotFilled() {
    Element c = cellOf(heatmap(gapsOnly(gaps())), "Ent", "app");
    assertThat(rect(c).getAttribute("fill")).isEqualTo("none");
  }

  @Test
  void colourScale_isCentredAtZero_andSpansTheLargestGapRoundedUpTo5() {
    // largest |gap| = 20 (SMB × app), so the scale runs -20..+20
    assertThat(Heatmap.extent(gaps())).isEqualTo(20.0);
    Document doc = heatmap(gapsOnly(gaps()));
    assertThat(rect(cellOf(doc, "SMB", "app")).getAttribute("fill"))
        .as("-20: the reddest end")
        .isEqualTo("#b2182b");
    // +10 is half-way to the blue end: between stops #d1e5f0 (4/6) and #67a9cf (5/6), half each:
    // (0xd1+0x67)/2 = 156 = 0x9c, (0xe5+0xa9)/2 = 199 = 0xc7, (0xf0+0xcf)/2 = 223.5 -> 224 = 0xe0
    assertThat(rect(cellOf(doc, "Ent", "billing")).getAttribute("fill")).isEqualTo("#9cc7e0");
    assertThat(Colours.diverging(0, 20)).as("0: the neutral middle").isEqualTo("#f7f7f7");
    assertThat(Colours.diverging(-35, 20))
        .as("beyond the extent: the end colour")
        .isEqualTo("#b2182b");
    assertThat(Heatmap.extent(List.of(cell("total", "all", "app", 9, 2.2, 1.0, 3.0))))
        .as("at least 5")
        .isEqualTo(5.0);
  }

  @Test
  void valuesAreSigned_andBoldWhereTheIntervalExcludesZero() {
    Document doc = heatmap(gapsOnly(gaps()));
    Element billing = (Element) cellOf(doc, "all", "billing").getElementsByTagName("text").item(0);
    Element app = (Element) cellOf(doc, "all", "app").getElementsByTagName("text").item(0);
    assertThat(billing.getTextContent()).isEqualTo("\u221210.0");
    assertThat(billing.getAttribute("font-weight")).as("interval -14..-6").isEqualTo("bold");
    assertThat(app.getTextContent()).isEqualTo("+4.0");
    assertThat(app.getAttribute("font-weight")).as("interval -1..9 contains 0").isEmpty();
  }

  @Test
  void dimensionsNotInTheConfig_comeAfterTheConfiguredOnes() {
    List<ReportData.GapCell> cells = new ArrayList<>(gaps());
    cells.add(cell("channel_pref", "web", "app", 9, 1.0, -2.0, 4.0));
    List<Heatmap.Cut> cuts = Heatmap.cuts(gapsOnly(cells));
    assertThat(cuts)
        .extracting(Heatmap.Cut::dimension)
        .containsExactly("total", "segment", "segment", "channel_pref");
  }

  @Test
  void dataStrings_areEscaped() {
    List<ReportData.GapCell> cells =
        List.of(cell("segment", "<img src=x onerror=alert(1)>", "a&b\"c", 9, -1.0, -2.0, 0.5));
    String svg = Heatmap.svg(gapsOnly(cells));
    assertThat(svg)
        .doesNotContain("<img")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .contains("a&amp;b&quot;c");
    Document doc = parse(svg); // still well-formed
    assertThat(cellOf(doc, "<img src=x onerror=alert(1)>", "a&b\"c")).isNotNull();
  }
}

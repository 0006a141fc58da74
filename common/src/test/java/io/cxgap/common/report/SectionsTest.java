package io.cxgap.common.report;

import static io.cxgap.common.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.report.ReportData.ClusterPanel;
import io.cxgap.common.report.ReportData.ReasonCount;
import io.cxgap.common.report.ReportData.SourceCount;
import io.cxgap.common.report.ReportData.TrendRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Cluster panels, the trend chart and the data-quality section on hand-made rows. */
class SectionsTest {
  static final List<ClusterPanel> CLUSTERS =
      List.of(
          new ClusterPanel(
              1,
              "no pain",
              300,
              0.6,
              8.1,
              Map.of("billing", 0.01, "app", 0.0, "friction_wait", 0.06),
              Map.of("friction_wait", 0.06),
              List.of()),
          new ClusterPanel(
              2,
              "billing + friction_wait",
              200,
              0.4,
              4.2,
              Map.of("billing", 0.42, "app", 0.02, "friction_wait", 0.2),
              Map.of("friction_wait", 0.06),
              List.of("billing", "friction_wait")));

  static TrendRow trend(String value, String tp, double prev, double now, String direction) {
    return new TrendRow("segment", value, tp, prev, now, now - prev, 0.01, 0.02, direction);
  }

  @Test
  void clusterPanels_largestFirst_sameFeatureOrder_painsInRed() {
    String html = ClusterPanels.html(CLUSTERS, TOUCHPOINTS);
    assertThat(ClusterPanels.features(CLUSTERS, TOUCHPOINTS))
        .containsExactly("billing", "app", "friction_wait");
    assertThat(html.indexOf("data-cluster=\"1\"")).isLessThan(html.indexOf("data-cluster=\"2\""));
    List<Document> svgs = svgs(html);
    assertThat(svgs).hasSize(2);
    assertThat(select(svgs.get(0), "//rect[@class='bar pain']")).isEmpty();
    assertThat(select(svgs.get(1), "//rect[@class='bar pain']")).hasSize(2);
    // a shared scale: the largest centroid value 0.42 rounds up to 0.5
    assertThat(ClusterPanels.scaleMax(CLUSTERS)).isEqualTo(0.5);
    // billing 0.42 of 0.5 over 108 px = 90.72 px
    Element billing = select(svgs.get(1), "//rect[@class='bar pain']").get(0);
    assertThat(billing.getAttribute("width")).isEqualTo("90.7");
    assertThat(html).contains("300 customers (60.0%) · mean NPS 8.1");
  }

  @Test
  void trendChart_showsOnlyDeteriorating_worstFirst() {
    List<TrendRow> rows =
        List.of(
            trend("SMB", "billing", -5, -12, "deteriorating"),
            trend("Ent", "app", 0, -20, "deteriorating"),
            trend("Ent", "billing", -5, 3, "improving"),
            trend("SMB", "app", 1, 0, "stable"));
    List<TrendRow> worse = TrendChart.deteriorating(rows);
    assertThat(worse).extracting(TrendRow::segmentValue).containsExactly("Ent", "SMB");
    assertThat(TrendChart.directions(rows))
        .containsExactly(
            Map.entry("deteriorating", 2L), Map.entry("improving", 1L), Map.entry("stable", 1L));
    Document doc = parse(TrendChart.svg(worse, Map.of()));
    assertThat(select(doc, "//g[@class='trend-row']")).hasSize(2);
    assertThat(select(doc, "//text[@class='trend-label']"))
        .extracting(Element::getTextContent)
        .containsExactly("segment Ent · app", "segment SMB · billing");
    assertThat(select(doc, "//text[@class='trend-value']").get(0).getTextContent())
        .isEqualTo("\u221220.0  q 0.020");
  }

  @Test
  void qualityTable_oneRowPerSource_overTheGateHighlighted() {
    List<SourceCount> sources =
        List.of(
            new SourceCount("customers", 100, 97, 2, 1), new SourceCount("surveys", 50, 44, 6, 0));
    String table = QualityChart.table(sources, 0.05);
    assertThat(count(table, "<tr")).isEqualTo(1 + 2);
    // surveys: 6 of 50 = 12% > 5%
    assertThat(table)
        .contains(
            "<tr class=\"over\"><td>surveys</td><td>50</td><td>44</td><td>6</td><td>0</td><td>12.00%</td>");
    assertThat(table)
        .contains(
            "<tr><td>customers</td><td>100</td><td>97</td><td>2</td><td>1</td><td>2.00%</td>");
  }

  @Test
  void quarantineBars_bySourceThenLargestReason() {
    List<ReasonCount> reasons =
        List.of(
            new ReasonCount("surveys", "out_of_range", 3),
            new ReasonCount("customers", "missing_id", 2),
            new ReasonCount("surveys", "unknown_customer", 7));
    Document doc = parse(QualityChart.svg(reasons));
    assertThat(select(doc, "//text[@class='q-label']"))
        .extracting(Element::getTextContent)
        .containsExactly(
            "customers · missing_id", "surveys · unknown_customer", "surveys · out_of_range");
    // axis 0..8 (step 2 rounded up from 7) over pixels 300..690: 7 rows -> 7 / 8 * 390 = 341.25
    List<Element> bars = select(doc, "//rect[@class='q-bar']");
    assertThat(bars.get(1).getAttribute("width")).isEqualTo("341.3");
  }
}

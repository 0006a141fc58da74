package io.cxgap.common.report;

import static io.cxgap.common.report.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.report.ReportData.ReasonCount;
import io.cxgap.common.report.ReportData.SourceCount;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The whole page: sections, self-containment, escaping, empty states. */
class HtmlReportTest {
  static ReportData full() {
    return data(
        gaps(),
        ImportancePerformanceTest.POINTS,
        SectionsTest.CLUSTERS,
        List.of(SectionsTest.trend("SMB", "app", -2, -15, "deteriorating")),
        List.of(new SourceCount("surveys", 50, 44, 6, 0)),
        List.of(new ReasonCount("surveys", "out_of_range", 6)));
  }

  @Test
  void page_hasTheEightSections_eachWithAHowToReadLine_andItsCharts() {
    String html = HtmlReport.render(full());
    assertThat(html).startsWith("<!DOCTYPE html>");
    for (String id :
        List.of(
            "attention",
            "heatmap",
            "dimensions",
            "nps",
            "drivers",
            "clusters",
            "trends",
            "quality")) {
      assertThat(html).contains("<section id=\"" + id + "\">");
    }
    assertThat(count(html, "<b>How to read this:</b>")).isEqualTo(8);
    // heatmap + importance-performance + 2 cluster panels + trend + quarantine bars
    assertThat(svgs(html)).hasSize(6);
    assertThat(html).contains("<title>cxgap report 2026-10-31</title>");
    assertThat(html)
        .contains(
            "Largest shortfall, all customers: <b>Billing and invoices</b>, gap \u221210.0 points.");
    assertThat(html)
        .contains("First priority: <b>Billing and invoices</b>, 40% of the explained NPS variance");
  }

  @Test
  void page_requestsNothing_noScriptsNoLinksNoExternalUrls() {
    String html = HtmlReport.render(full());
    assertThat(html)
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<link")
        .doesNotContainIgnoringCase("<img")
        .doesNotContain("@import")
        .doesNotContain("src=")
        .doesNotContain("href=");
    // the only URL is the SVG namespace name, which is an identifier, not a request
    assertThat(
            Pattern.compile("https?://")
                .matcher(html.replace("http://www.w3.org/2000/svg", ""))
                .find())
        .isFalse();
  }

  @Test
  void everyStringFromData_isEscaped() {
    String evil = "<script>alert('x')</script>";
    ReportData d =
        new ReportData(
            D,
            90,
            5,
            5.0,
            0.05,
            List.of(new ReportData.TouchpointLabel("billing", evil)),
            List.of("segment"),
            List.of(
                cell("segment", evil, "billing", 9, -12.0, -20.0, -4.0),
                cell("total", "all", "billing", 9, -12.0, -20.0, -4.0)),
            List.of(new ReportData.DriverPoint(evil, 0.1, 1.0, 0.1, -3.0, "concentrate_here", 1)),
            List.of(
                new ReportData.ClusterPanel(
                    1,
                    evil,
                    5,
                    1.0,
                    7.0,
                    java.util.Map.of(evil, 0.3),
                    java.util.Map.of(),
                    List.of(evil))),
            List.of(
                new ReportData.TrendRow(
                    "segment", evil, "billing", 0.0, -10.0, -10.0, 0.01, 0.03, "deteriorating")),
            List.of(new SourceCount(evil, 1, 0, 1, 0)),
            List.of(new ReasonCount(evil, evil, 1)),
            List.of(
                new ReportData.DimensionRow(
                    "total", "all", evil, 9, 2, -5.0, -8.0, -2.0, 60.0, 3.0, 0.5, 0.8, false),
                new ReportData.DimensionRow(
                    evil, evil, evil, 9, 2, -5.0, -8.0, -2.0, 60.0, null, 0.9, 0.8, false)),
            List.of(new ReportData.IndexRow("total", "all", 1, -5.0, null, 60.0)),
            CONTACTS,
            List.of(),
            ReportData.Monitoring.NOT_RUN);
    String html = HtmlReport.render(d);
    assertThat(html)
        .doesNotContain("<script")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    svgs(html); // every chart is still well-formed
  }

  @Test
  void emptyInputs_sayWhatIsMissing_insteadOfDrawing() {
    String html =
        HtmlReport.render(data(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(svgs(html)).isEmpty();
    assertThat(html)
        .contains("No gap cells for 2026-10-31: run the gaps step for this date.")
        .contains("No driver analysis for 2026-10-31")
        .contains("No pain clusters for 2026-10-31.")
        .contains("No gap deteriorated significantly.")
        .contains("No ingest ran for 2026-10-31")
        .contains("No dimension scores for 2026-10-31");
  }

  @Test
  void surveyOnly_gapCellsWithoutContacts_carryAVisibleNote_onTheFrictionColumns() {
    ReportData f = full();
    ReportData surveyOnly =
        new ReportData(
            f.date(),
            f.windowDays(),
            f.minRespondents(),
            f.trendsMinDelta(),
            f.maxQuarantineShare(),
            f.touchpoints(),
            f.segmentDimensions(),
            f.gaps(),
            f.drivers(),
            f.clusters(),
            f.trends(),
            f.sources(),
            f.quarantine(),
            f.dimensions(),
            f.index(),
            0,
            List.of(),
            ReportData.Monitoring.NOT_RUN);
    String note =
        "No channel logs (interactions) were found for the 90 days to 2026-10-31: this report"
            + " rests on surveys alone. The friction columns of cx_gold.gap_segment_touchpoint are"
            + " contacts = 0 and empty rates and waits, and pain clusters form on survey gaps only.";
    assertThat(HtmlReport.noInteractionsNote(surveyOnly)).contains(note);
    String html = HtmlReport.render(surveyOnly);
    assertThat(html).contains("<p class=\"note\">" + note + "</p>");
    assertThat(html.indexOf(note))
        .as("in the header, before the first section")
        .isLessThan(html.indexOf("<section"));
    assertThat(HtmlReport.render(f)).as("with contacts: no note").doesNotContain("class=\"note\"");
    assertThat(
            HtmlReport.noInteractionsNote(
                data(List.of(), List.of(), List.of(), List.of(), List.of(), List.of())))
        .as("no gap cells: the heatmap section already says what is missing")
        .isEmpty();
  }

  @Test
  void whatNeedsAttention_opensThePage_withNewHighAlerts_laggingInitiatives_andTheDetractorCount() {
    ReportData f = full();
    ReportData.InitiativeRow behind =
        new ReportData.InitiativeRow(
            "callback-promise",
            "Callback <within> the hour",
            "billing",
            "segment",
            "Enterprise",
            LocalDate.of(2026, 12, 31),
            8,
            4.8,
            -0.94,
            -3.1,
            1.26,
            -1.5,
            -4.0,
            1.0,
            "behind");
    ReportData.InitiativeRow onTrack =
        new ReportData.InitiativeRow(
            "chat-handover",
            "Chat",
            "app",
            "segment",
            "Consumer",
            LocalDate.of(2026, 12, 31),
            8,
            4.5,
            8.6,
            3.2,
            14.0,
            8.1,
            2.0,
            14.2,
            "on_track");
    ReportData d =
        new ReportData(
            f.date(),
            f.windowDays(),
            f.minRespondents(),
            f.trendsMinDelta(),
            f.maxQuarantineShare(),
            f.touchpoints(),
            f.segmentDimensions(),
            f.gaps(),
            f.drivers(),
            f.clusters(),
            f.trends(),
            f.sources(),
            f.quarantine(),
            f.dimensions(),
            f.index(),
            f.contacts(),
            f.nps(),
            new ReportData.Monitoring(
                true,
                List.of(
                    new ReportData.AlertRow(
                        "gap_deteriorating",
                        "segment",
                        "SMB",
                        "billing",
                        "billing gap for segment=SMB fell: find out what changed.")),
                List.of(onTrack, behind),
                7));
    String html = HtmlReport.render(d);
    assertThat(html.indexOf("<section id=\"attention\">"))
        .as("first section")
        .isLessThan(html.indexOf("<section id=\"heatmap\">"))
        .isPositive();
    assertThat(html)
        .contains("<li data-kind=\"gap_deteriorating\">billing gap for segment=SMB fell: find out")
        .contains("<tr data-initiative=\"callback-promise\">")
        .contains("Callback &lt;within&gt; the hour")
        .contains("\u22120.9 [\u22123.1, +1.3]") // observed change [CI95]
        .contains("<td>+4.8</td>") // expected by now
        .contains("\u22121.5 [\u22124.0, +1.0]") // DiD [CI95]
        .contains("<b>7</b> responses with NPS 0–6")
        .doesNotContain("<tr data-initiative=\"chat-handover\">");
    assertThat(svgs(html)).as("the page's charts and the initiatives' whiskers").hasSize(7);
    assertThat(HtmlReport.render(f)).contains("The monitor step did not run for 2026-10-31");
  }

  @Test
  void sameData_sameBytes() {
    assertThat(HtmlReport.render(full())).isEqualTo(HtmlReport.render(full()));
  }

  @Test
  void html_escapesTheFiveSpecialCharacters_andSignsUseARealMinus() {
    assertThat(Html.esc("<a href=\"x\">'&'</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    assertThat(Html.signed(-3.26, 1)).isEqualTo("\u22123.3");
    assertThat(Html.signed(-0.04, 1)).as("no minus zero").isEqualTo("0.0");
    assertThat(Html.signed(2.0, 0)).isEqualTo("+2");
    assertThat(Html.num(null, 1)).isEqualTo("–");
  }

  @Test
  void dimensionSection_showsIndexIntervalsZoneAndFlagsLowAlpha() {
    ReportData base = gapsOnly(List.of());
    ReportData d =
        new ReportData(
            base.date(),
            base.windowDays(),
            base.minRespondents(),
            base.trendsMinDelta(),
            base.maxQuarantineShare(),
            base.touchpoints(),
            base.segmentDimensions(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new ReportData.DimensionRow(
                    "total",
                    "all",
                    "security",
                    194,
                    3,
                    -30.2,
                    -34.0,
                    -26.4,
                    61.5,
                    4.2,
                    0.62,
                    0.81,
                    false),
                new ReportData.DimensionRow(
                    "total", "all", "control", 3, 2, null, null, null, null, null, null, null,
                    true),
                new ReportData.DimensionRow(
                    "segment",
                    "SMB",
                    "security",
                    40,
                    3,
                    -1.0,
                    -5.0,
                    3.0,
                    70.0,
                    null,
                    0.9,
                    0.9,
                    false),
                new ReportData.DimensionRow(
                    "segment",
                    "Enterprise",
                    "security",
                    2,
                    3,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true)),
            List.of(new ReportData.IndexRow("total", "all", 1, -30.2, -28.0, 61.5)),
            CONTACTS,
            List.of(),
            ReportData.Monitoring.NOT_RUN);
    String html = HtmlReport.render(d);
    String section = html.substring(html.indexOf("<section id=\"dimensions\""));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section)
        .contains(
            "SERVQUAL index, all customers: gap −30.2 (dimensions counted equally; −28.0 with")
        .contains("<tr data-dimension=\"security\"><td>security</td><td>194</td><td>3</td>")
        .contains("<td>−30.2</td><td>[−34.0, −26.4]</td><td>61.5</td>")
        .as("the zone column appears because an adequacy margin exists")
        .contains("Adequacy margin (MSA)</th>")
        .contains("<td>+4.2</td>")
        .as("alpha 0.62 is flagged, 0.81 is not")
        .contains("<td class=\"low\" title=\"below 0.70\">⚠ 0.62</td><td>0.81</td>")
        .contains("α below 0.70")
        .contains("fewer than 5 respondents: not shown")
        .contains("<th>segment=SMB</th><th>segment=Enterprise</th>")
        .as("SMB's interval [-5, 3] holds 0: no star; Enterprise is suppressed")
        .contains("<td>−1.0</td><td>n&lt;5</td>");
  }
}

package io.cxgap.jobs;

import static org.apache.spark.sql.functions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.steps.ReportJob;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The HTML report as users see it: nightly on generated data, then the report opened from disk in a
 * real headless Chromium over the DevTools protocol. The charts must be in the DOM with the counts
 * the gold tables imply, the page must paint (a screenshot that is not blank), and no request may
 * leave the page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportBrowserTest extends JobsTestBase {
  static final LocalDate END = LocalDate.of(2026, 10, 31);
  static final int VIEWPORT_WIDTH = 1200;

  Path landing;
  Path warehouse;
  Path report;
  Outcome nightly;
  Chromium browser;
  JsonNode dom;

  @BeforeAll
  void nightlyThenOpenTheReport() throws IOException, InterruptedException {
    Path binary = Chromium.binary().orElse(null);
    if (binary == null) {
      Assumptions.assumeFalse(
          "1".equals(System.getenv("CXGAP_SKIP_BROWSER")),
          "no chromium and CXGAP_SKIP_BROWSER=1: skipped");
      fail(
          "the report test needs Chromium: install it (apt-get install chromium fonts-dejavu-core; mvn verify does this"
              + " through build/ensure-chromium), point CXGAP_CHROMIUM at a Chromium or Chrome binary, or set"
              + " CXGAP_SKIP_BROWSER=1 to skip this test");
    }
    Path dir = Files.createTempDirectory("cxgap-report");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 250, 110, END, 5, 0.02));
    List<String> a =
        new ArrayList<>(
            List.of(args(landing, warehouse, repoCatalog(), "nightly", "--date", END.toString())));
    // fewer k-means fits (the report is what this test is about); a threshold that suppresses the
    // small cuts
    a.addAll(List.of("--set", "cx.clusters.k-max=3", "--set", "cx.min-respondents=15"));
    nightly = cli(a.toArray(new String[0]));
    assertThat(nightly.code()).as(nightly.toString()).isZero();
    report = Path.of(ReportJob.path(warehouse.toString(), END));
    browser = Chromium.launch(binary);
    browser.send("Page.enable", Map.of());
    browser.send("Network.enable", Map.of());
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", VIEWPORT_WIDTH, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    var loaded = browser.next("Page.loadEventFired");
    browser.send("Page.navigate", Map.of("url", report.toUri().toString()));
    try {
      loaded.get(Chromium.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      fail("the report did not load in " + Chromium.TIMEOUT + ": " + e);
    }
    dom = browser.evaluate(DOM_SUMMARY);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** What the page shows, counted in the browser after layout. */
  static final String DOM_SUMMARY =
      "(() => { const q = s => document.querySelectorAll(s); const box = e => e ? e.getBoundingClientRect() : {width: 0, height: 0};"
          + " return {"
          + " title: document.title,"
          + " cells: q('#heatmap g.hm-cell').length,"
          + " rows: q('#heatmap text.hm-row').length,"
          + " columns: q('#heatmap text.hm-col').length,"
          + " valueCells: q('#heatmap g.hm-cell[data-state=value]').length,"
          + " suppressedCells: q('#heatmap g.hm-cell[data-state=suppressed]').length,"
          + " colouredSuppressed: [...q('#heatmap g.hm-cell[data-state=suppressed] rect')]"
          + "     .filter(r => !r.getAttribute('fill').startsWith('url(#')).length,"
          + " drivers: q('#drivers g.ipa-point').length,"
          + " panels: q('#clusters .panel').length,"
          + " trendRows: q('#trends g.trend-row').length,"
          + " npsRows: q('#nps g.nps-row').length,"
          + " qualityRows: q('#quality table.quality tbody tr').length,"
          + " dimensionRows: q('#dimensions table.dims tbody tr').length,"
          + " attentionAlerts: q('#attention ul.alerts li').length,"
          + " detractors: (document.querySelector('#attention p.detractors b') || {}).textContent,"
          + " charts: Object.fromEntries(['heatmap', 'nps', 'drivers', 'clusters', 'trends', 'quality'].map(id =>"
          + "     [id, [...q('#' + id + ' svg')].map(s => [Math.round(box(s).width), Math.round(box(s).height)])])),"
          + " sections: [...q('section')].map(s => s.id),"
          + " headings: [...q('h2')].map(h => h.textContent),"
          + " how: [...q('p.how')].map(p => p.textContent),"
          + " pageHeight: document.documentElement.scrollHeight"
          + " }; })()";

  private Dataset<Row> gold(String table) {
    return table(warehouse, "gold", table)
        .where(col("as_of_date").equalTo(lit(END.toString()).cast("date")));
  }

  @Test
  @Order(1)
  void nightlyWritesTheReport_whereTheDesignSays() {
    assertThat(nightly.out()).contains("report   ok");
    assertThat(report).isRegularFile();
    assertThat(report.toString()).endsWith("/warehouse/reports/cx-report-2026-10-31.html");
    assertThat(dom.path("title").asText()).isEqualTo("cxgap report 2026-10-31");
  }

  @Test
  @Order(2)
  void heatmap_hasOneCellPerSegmentAndTouchpoint_suppressedCellsNotColoured() {
    Dataset<Row> gaps = gold("gap_segment_touchpoint");
    long cuts = gaps.select("segment_dimension", "segment_value").distinct().count();
    long touchpoints = repoCatalogSize();
    assertThat(dom.path("rows").asLong()).as(dom.toString()).isEqualTo(cuts);
    assertThat(dom.path("columns").asLong()).isEqualTo(touchpoints);
    assertThat(dom.path("cells").asLong()).isEqualTo(cuts * touchpoints);
    assertThat(dom.path("valueCells").asLong()).isEqualTo(gaps.where("not suppressed").count());
    long suppressed = gaps.where("suppressed").count();
    assertThat(suppressed).as("the small test data has suppressed cells to show").isPositive();
    assertThat(dom.path("suppressedCells").asLong()).isEqualTo(suppressed);
    assertThat(dom.path("colouredSuppressed").asLong()).isZero();
  }

  @Test
  @Order(3)
  void everyChartRendered_withTheRowsOfItsTable() {
    assertThat(dom.path("sections"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "attention",
            "heatmap",
            "dimensions",
            "nps",
            "drivers",
            "clusters",
            "trends",
            "quality");
    assertThat(dom.path("attentionAlerts").asLong())
        .as("the new high-severity alerts, at most 10")
        .isEqualTo(Math.min(10, gold("alert").where("new and severity = 'high'").count()));
    assertThat(dom.path("detractors").asText().replace(",", ""))
        .isEqualTo(Long.toString(gold("detractor_followup").count()));
    assertThat(dom.path("how"))
        .hasSize(8)
        .allSatisfy(h -> assertThat(h.asText()).startsWith("How to read this: "));
    assertThat(dom.path("drivers").asLong())
        .isEqualTo(gold("touchpoint_driver").count())
        .isPositive();
    assertThat(dom.path("panels").asLong())
        .isEqualTo(gold("pain_cluster_profile").count())
        .isPositive();
    assertThat(dom.path("trendRows").asLong())
        .isEqualTo(Math.min(15, gold("gap_trend").where("direction = 'deteriorating'").count()));
    assertThat(dom.path("npsRows").asLong())
        .as("a row per segment cut of gold.nps_segment")
        .isEqualTo(gold("nps_segment").count())
        .isPositive();
    assertThat(dom.path("qualityRows").asLong()).isEqualTo(3);
    assertThat(dom.path("dimensionRows").asLong())
        .isEqualTo(gold("gap_dimension").where("segment_dimension = 'total'").count())
        .isPositive();
    for (String id : List.of("heatmap", "nps", "drivers", "clusters", "quality")) {
      JsonNode sizes = dom.path("charts").path(id);
      assertThat(sizes.size()).as(id + " svg charts").isPositive();
      for (JsonNode wh : sizes) {
        assertThat(wh.get(0).asInt()).as(id + " chart width, px").isGreaterThan(200);
        assertThat(wh.get(1).asInt()).as(id + " chart height, px").isGreaterThan(80);
      }
    }
  }

  @Test
  @Order(4)
  void screenshot_isANonBlankPng() throws IOException {
    int height = Math.min(dom.path("pageHeight").asInt(), 6000);
    JsonNode shot =
        browser.send(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", VIEWPORT_WIDTH, "height", height, "scale", 1)));
    byte[] png = Base64.getDecoder().decode(shot.path("data").asText());
    Files.write(Path.of("target", "report-browser.png"), png);
    assertThat(png).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
    assertThat(png.length).as("PNG bytes").isGreaterThan(30_000);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(VIEWPORT_WIDTH);
    assertThat(img.getHeight()).isEqualTo(height);
    Set<Integer> colours = new HashSet<>();
    long inked = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        inked += rgb == 0xffffff ? 0 : 1;
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(50);
    assertThat((double) inked / ((long) img.getWidth() * img.getHeight()))
        .as("share of non-white pixels")
        .isGreaterThan(0.05);
  }

  @Test
  @Order(5)
  void noRequestLeavesThePage() {
    List<String> urls =
        browser.events("Network.requestWillBeSent").stream()
            .map(e -> e.path("request").path("url").asText())
            .toList();
    assertThat(urls).as("the report document itself is seen").contains(report.toUri().toString());
    assertThat(urls).allSatisfy(u -> assertThat(u).matches("^(file|data):.*"));
  }

  @Test
  @Order(6)
  void theRequestRecorder_wouldSeeARequestThatLeft() throws Exception {
    // the same recorder on a page that does load something over the network: the check above is not
    // vacuous
    var loaded = browser.next("Page.loadEventFired");
    browser.send(
        "Page.navigate", Map.of("url", "data:text/html,<img src='http://127.0.0.1:9/probe.png'>"));
    loaded.get(Chromium.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    List<String> urls =
        browser.events("Network.requestWillBeSent").stream()
            .map(e -> e.path("request").path("url").asText())
            .toList();
    assertThat(urls).contains("http://127.0.0.1:9/probe.png");
  }

  private static long repoCatalogSize() {
    return io.cxgap.common.catalog.TouchpointCatalog.load(repoCatalog()).touchpoints().size();
  }
}

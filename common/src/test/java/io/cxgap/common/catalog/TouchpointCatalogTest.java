package io.cxgap.common.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TouchpointCatalogTest {
  @TempDir Path dir;

  private Path write(String hocon) throws IOException {
    Path f = dir.resolve("tp.conf");
    Files.writeString(f, hocon, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void namesIdsAndAliases_resolveCaseInsensitivelyAfterTrimming_nonAsciiToo() throws IOException {
    TouchpointCatalog c =
        TouchpointCatalog.load(
            write(
                "touchpoints = [ { id = \"billing\", name = \"Billing and invoices\", journey-stage = \"usage\","
                    + " dimension = \"reliability\", aliases = [\"invoice\", \"Billing & payments\"], target-gap = 2 },"
                    + " { id = \"kiosk_speed\", name = \"주문 속도\", journey-stage = \"usage\", dimension = \"responsiveness\" } ]"));
    assertThat(c.resolve("  BILLING & Payments ")).contains("billing");
    assertThat(c.resolve("Invoice")).contains("billing");
    assertThat(c.resolve("billing and invoices")).contains("billing");
    assertThat(c.resolve(" 주문 속도")).contains("kiosk_speed");
    assertThat(c.resolve("teleportation")).isEmpty();
    assertThat(c.byId("billing").targetGap()).isEqualTo(2.0);
    assertThat(c.byId("kiosk_speed").targetGap()).as("target-gap defaults to 0").isEqualTo(0.0);
  }

  @Test
  void repoCatalog_loads() {
    TouchpointCatalog c =
        TouchpointCatalog.load(
            Path.of(System.getProperty("cx.repo.root", "..")).resolve("conf/touchpoints.conf"));
    assertThat(c.touchpoints()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(c.resolve("Billing & payments")).contains("billing");
  }

  @Test
  void badEntries_areUsageErrorsNamingTheEntry() throws IOException {
    Path stage =
        write(
            "touchpoints = [ { id = \"a\", name = \"A\", journey-stage = \"nowhere\", dimension = \"empathy\" } ]");
    assertThatThrownBy(() -> TouchpointCatalog.load(stage))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("journey-stage 'nowhere'");
    Path clash =
        write(
            "touchpoints = [ { id = \"a\", name = \"Same\", journey-stage = \"usage\", dimension = \"empathy\" },"
                + " { id = \"b\", name = \"b\", aliases = [\"same\"], journey-stage = \"usage\", dimension = \"empathy\" } ]");
    assertThatThrownBy(() -> TouchpointCatalog.load(clash))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("'same'");
    assertThatThrownBy(() -> TouchpointCatalog.load(dir.resolve("missing.conf")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("missing.conf");
  }

  private static final String OWN_DIMENSIONS =
      "touchpoints = ["
          + " { id = \"screen\", journey-stage = \"usage\", dimension = \"Tangibility\" },"
          + " { id = \"pay\", journey-stage = \"usage\", dimension = \"security\" },"
          + " { id = \"pin\", journey-stage = \"usage\", dimension = \"security\" },"
          + " { id = \"menu\", journey-stage = \"usage\", dimension = \"usefulness/accuracy\" } ]";

  @Test
  void dimensions_takeAnyVocabulary_inCatalogOrder_andWeightsNormaliseToOne() throws IOException {
    TouchpointCatalog c =
        TouchpointCatalog.load(
            write(
                OWN_DIMENSIONS
                    + "\ndimension-weights { security = 30, \"usefulness/accuracy\" = 10 }"));
    assertThat(c.dimensions()).containsExactly("tangibility", "security", "usefulness/accuracy");
    // 30 / (30 + 10) and 10 / 40; tangibility has no weight
    assertThat(c.dimensionWeights())
        .containsExactly(
            java.util.Map.entry("security", 0.75),
            java.util.Map.entry("usefulness/accuracy", 0.25));
    assertThat(TouchpointCatalog.load(write(OWN_DIMENSIONS)).dimensionWeights())
        .as("no weights given")
        .isEmpty();
  }

  @Test
  void dimensionWeights_badValues_areUsageErrors() throws IOException {
    assertThatThrownBy(
            () ->
                TouchpointCatalog.load(
                    write(OWN_DIMENSIONS + "\ndimension-weights { security = 30, empathy = 20 }")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("dimension-weights names 'empathy', which no touchpoint has")
        .hasMessageContaining("[tangibility, security, usefulness/accuracy]");
    assertThatThrownBy(
            () ->
                TouchpointCatalog.load(
                    write(OWN_DIMENSIONS + "\ndimension-weights { security = -5 }")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("dimension-weights.security = -5.0; give a number >= 0");
    assertThatThrownBy(
            () ->
                TouchpointCatalog.load(
                    write(OWN_DIMENSIONS + "\ndimension-weights { security = 0 }")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("all 0");
    assertThatThrownBy(
            () ->
                TouchpointCatalog.load(
                    write(OWN_DIMENSIONS + "\ndimension-weights { security = lots }")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("dimension-weights.security");
    assertThatThrownBy(
            () ->
                TouchpointCatalog.load(
                    write(
                        "touchpoints = [ { id = \"a\", journey-stage = \"usage\", dimension = \"  \" } ]")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("dimension ''");
  }
}

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
}

package io.cxgap.common.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import io.cxgap.common.SparkTestBase;
import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitiativesTest extends SparkTestBase {
  static final TouchpointCatalog CATALOG =
      new TouchpointCatalog(
          List.of(
              new Touchpoint(
                  "support_call",
                  "Phone support",
                  "support",
                  "responsiveness",
                  List.of("hotline"),
                  0),
              new Touchpoint("billing", "Billing", "usage", "reliability", List.of(), 0)));
  static final List<String> DIMS = List.of("segment", "region");

  @TempDir Path dir;

  private Path file(String... initiatives) throws IOException {
    Path f = dir.resolve("initiatives.conf");
    Files.writeString(
        f, "initiatives = [\n" + String.join(",\n", initiatives) + "\n]\n", StandardCharsets.UTF_8);
    return f;
  }

  private static String entry(String overrides) {
    return "{ id = \"ivr-2026\", name = \"New phone menu\", touchpoint = \"support_call\","
        + " segment = \"segment=SMB\", started = \"2026-09-01\", due = \"2026-12-31\","
        + " expected-change = 10, "
        + overrides
        + " }";
  }

  private void fails(String message, String... initiatives) throws IOException {
    Path f = file(initiatives);
    assertThatThrownBy(() -> Initiatives.load(f, CATALOG, DIMS))
        .isInstanceOf(CxException.class)
        .satisfies(e -> assertThat(((CxException) e).exitCode()).isEqualTo(2))
        .hasMessage("initiatives file " + f + " (cx.initiatives): " + message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void designExample_loads_withTheCatalogIdAndTheSegmentSplit() throws IOException {
    List<Initiative> got =
        Initiatives.load(
            file(
                entry(""),
                "{ id = b, touchpoint = hotline, segment = total, started = \"2026-10-01\","
                    + " due = \"2026-10-02\", expected-change = -2.5 }"),
            CATALOG,
            DIMS);
    assertThat(got)
        .containsExactly(
            new Initiative(
                "ivr-2026",
                "New phone menu",
                "support_call",
                "segment",
                "SMB",
                LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 31),
                10),
            new Initiative(
                "b",
                "b",
                "support_call",
                "total",
                "all",
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 2),
                -2.5));
    assertThat(got.get(0).segment()).isEqualTo("segment=SMB");
    assertThat(got.get(1).segment()).isEqualTo("total");
  }

  @Test
  void unknownTouchpoint() throws IOException {
    fails(
        "initiative 'ivr-2026': unknown touchpoint 'fax'; the catalog has [support_call, billing]",
        entry("touchpoint = fax"));
  }

  @Test
  void segmentNeitherTotalNorDimensionValue() throws IOException {
    fails(
        "initiative 'ivr-2026': segment 'SMB' must be \"total\" or \"dimension=value\", e.g. \"segment=SMB\"",
        entry("segment = SMB"));
  }

  @Test
  void segmentDimensionNotConfigured() throws IOException {
    fails(
        "initiative 'ivr-2026': segment dimension 'tier' is not in cx.segment-dimensions [segment, region]",
        entry("segment = \"tier=gold\""));
  }

  @Test
  void duplicateId() throws IOException {
    fails(
        "initiative 'ivr-2026' is declared twice; give each initiative its own id",
        entry(""),
        entry("name = again"));
  }

  @Test
  void badDate() throws IOException {
    fails(
        "initiative 'ivr-2026': started '2026-09-31' is not a date; write YYYY-MM-DD",
        entry("started = \"2026-09-31\""));
  }

  @Test
  void dueNotAfterStarted() throws IOException {
    fails(
        "initiative 'ivr-2026': due 2026-09-01 is not after started 2026-09-01; move it later",
        entry("due = \"2026-09-01\""));
  }

  @Test
  void expectedChangeZero() throws IOException {
    fails(
        "initiative 'ivr-2026': expected-change must be a non-zero number of gap points (+ better), was 0.0",
        entry("expected-change = 0"));
  }

  @Test
  void expectedChangeMissing() throws IOException {
    fails(
        "initiative 'b': 'expected-change' is missing; give the expected change in gap points",
        "{ id = b, touchpoint = billing, segment = total, started = \"2026-10-01\","
            + " due = \"2026-10-02\" }");
  }

  @Test
  void missingId_andUnknownKey_nameTheEntryNumber() throws IOException {
    fails("initiative #1: 'id' is missing", "{ touchpoint = billing }");
    fails(
        "initiative #2: unknown key 'owner'; the keys are [due, expected-change, id, name, segment, started, touchpoint]",
        entry(""),
        "{ id = x, owner = me }");
  }

  @Test
  void missingFile_andNoList() throws IOException {
    Path nowhere = dir.resolve("nope.conf");
    assertThatThrownBy(() -> Initiatives.load(nowhere, CATALOG, DIMS))
        .hasMessage(
            "initiatives file "
                + nowhere
                + " (cx.initiatives): not found; fix cx.initiatives or set it to null");
    Path empty = dir.resolve("empty.conf");
    Files.writeString(empty, "x = 1\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Initiatives.load(empty, CATALOG, DIMS))
        .isInstanceOf(CxException.class)
        .hasMessageStartingWith(
            "initiatives file "
                + empty
                + " (cx.initiatives): needs a list 'initiatives = [{ id = ..., ... }]'");
  }

  @Test
  void segmentValueTheCrmDoesNotKnow_isAConfigError() throws IOException {
    List<Initiative> all =
        Initiatives.load(
            file(
                entry(""),
                entry("id = b, segment = \"segment=Smb\""),
                entry("id = c, segment = total"),
                entry("id = d, segment = \"region=North\"")),
            CATALOG,
            DIMS);
    var crm =
        strings(
            List.of("customer_id", "segment", "region"),
            new String[] {"C1", "SMB", "North"},
            new String[] {"C2", "Enterprise", "South"});
    assertThat(Initiatives.unknownSegmentValues(all, crm))
        .extracting(Initiative::id)
        .containsExactly("b");
    assertThatThrownBy(
            () ->
                Initiatives.requireKnownSegmentValues(
                    "i.conf", all, crm, LocalDate.of(2026, 10, 31)))
        .isInstanceOf(CxException.class)
        .hasMessage(
            "initiatives file i.conf (cx.initiatives): initiative 'b': segment value 'segment=Smb'"
                + " is not in the CRM as of 2026-10-31; check the spelling (values are case-sensitive)");
  }
}

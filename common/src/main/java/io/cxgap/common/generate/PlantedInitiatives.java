package io.cxgap.common.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.cxgap.common.generate.random.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Two planted initiatives (DESIGN.md §5 proactive monitoring), dated relative to the end date: one
 * that works — phone-free chat hand-over for Consumer customers, whose support_chat gap rises by
 * {@link Planted#plantedChange} points (before the clamp at 100) on answers from its start on — and
 * one that does not — a callback promise for Enterprise on support_call, which changes nothing.
 * Segments are the CRM state as of the end date, as the analytics cut them. Their declarations go
 * to {@code initiatives.conf} beside the landing zone and to {@code truth.json}.
 *
 * <p>Why these cells: support_chat is no group's pain and carries a driver weight of .02, so the
 * rise leaves the pain groups, the drivers and the SMB × billing trend as they were; the clamp at
 * 100 takes some of the +15 (expectation ~75 plus a gap ~13 is near the top), so about +8 to +9 is
 * observed, with expected-change 8 and about 56% of the way elapsed on the end date: on_track.
 * Enterprise's support_call is flat, against an expected +8 at about 60% elapsed: behind.
 */
final class PlantedInitiatives {
  static final String FILE = "initiatives.conf";

  /** One planted initiative; days are relative to the end date. */
  record Planted(
      String id,
      String name,
      int touchpoint,
      String segment,
      int startedDaysBeforeEnd,
      int dueDaysAfterEnd,
      double expectedChange,
      double plantedChange,
      String expectedStatus) {

    LocalDate started(Period p) {
      return p.endDate().minusDays(startedDaysBeforeEnd);
    }

    LocalDate due(Period p) {
      return p.endDate().plusDays(dueDaysAfterEnd);
    }
  }

  static final List<Planted> ALL =
      List.of(
          new Planted(
              "chat-handover",
              "Chat hand-over to a specialist",
              Touchpoints.SUPPORT_CHAT,
              "Consumer",
              77,
              61,
              8,
              15,
              "on_track or achieved"),
          new Planted(
              "callback-promise",
              "Callback within the hour",
              Touchpoints.SUPPORT_CALL,
              "Enterprise",
              91,
              61,
              8,
              0,
              "behind or missed"));

  private PlantedInitiatives() {}

  /** The planted change of an answer's latent gap: non-zero only in a working initiative's cell. */
  static double shift(CustomerPlan c, Period p, int tp, long at) {
    double s = 0;
    for (Planted i : ALL) {
      if (i.plantedChange() != 0
          && i.touchpoint() == tp
          && i.segment().equals(c.asOfEnd().segment())
          && at >= Timestamps.startOfDay(i.started(p))) {
        s += i.plantedChange();
      }
    }
    return s;
  }

  /** Writes {@code initiatives.conf} (the DESIGN.md §5 format) into {@code root}. */
  static void writeConf(Path root, Period p) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# Initiatives planted by cxgap generate (truth.json \"initiatives\"); `demo` uses\n");
    b.append("# this file for the sample it runs on. Gap points: positive = better.\n");
    b.append("initiatives = [\n");
    for (int k = 0; k < ALL.size(); k++) {
      Planted i = ALL.get(k);
      b.append(
          String.format(
              Locale.ROOT,
              "  { id = \"%s\", name = \"%s\", touchpoint = \"%s\",%n"
                  + "    segment = \"segment=%s\", started = \"%s\", due = \"%s\","
                  + " expected-change = %s }%s%n",
              i.id(),
              i.name(),
              Touchpoints.IDS.get(i.touchpoint()),
              i.segment(),
              i.started(p),
              i.due(p),
              number(i.expectedChange()),
              k < ALL.size() - 1 ? "," : ""));
    }
    b.append("]\n");
    Files.writeString(root.resolve(FILE), b.toString(), StandardCharsets.UTF_8);
  }

  /** The {@code initiatives} array of truth.json. */
  static void writeTruth(JsonGenerator g, Period p) throws IOException {
    g.writeArrayFieldStart("initiatives");
    for (Planted i : ALL) {
      g.writeStartObject();
      g.writeStringField("id", i.id());
      g.writeStringField("name", i.name());
      g.writeStringField("touchpoint", Touchpoints.IDS.get(i.touchpoint()));
      g.writeStringField("segment_dimension", "segment");
      g.writeStringField("segment_value", i.segment());
      g.writeStringField("started", i.started(p).toString());
      g.writeStringField("due", i.due(p).toString());
      g.writeNumberField("expected_change", i.expectedChange());
      g.writeNumberField("planted_change", i.plantedChange());
      g.writeStringField("planted_change_note", "added to the latent gap before the clamp at 100");
      g.writeStringField("expected_status", i.expectedStatus());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}

package io.cxgap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's next-day split: the rows of one UTC day move to a file of their own. */
class DaySplitTest {
  static final LocalDate D = LocalDate.of(2026, 10, 31);

  @TempDir Path landing;

  @Test
  void rowsOfTheDay_moveToDayFiles_byUtcDate_keepingHeadersAndMultiLineRecords()
      throws IOException {
    Path surveys = landing.resolve("surveys/long/responses-2026-10.csv");
    write(
        surveys,
        "response_id,customer_id,responded_at,touchpoint,comment\n"
            + "R1,C1,2026-10-30T23:59:59,app,\n" // the day before: stays
            + "R2,C1,2026-10-31T00:00:00,app,\"two\nlines, and a comma\"\n" // D: moves, both lines
            + "R3,C2,2026-11-01T01:30:00+02:00,app,\n" // 23:30 UTC on D: moves
            + "R4,C2,2026-10-31T01:00:00+02:00,app,\n" // 23:00 UTC on D-1: stays
            + "R5,C3,not-a-date,app,\n" // unparsable: stays
            + "R6,C3,2026-10-31 12:00:00Z,billing,\n"); // D: moves
    Path contacts = landing.resolve("interactions/interactions-2026-10.jsonl");
    write(
        contacts,
        "{\"event_id\":\"E1\",\"started_at\":\"2026-10-31T08:00:00\",\"wait_s\":3}\n"
            + "{\"event_id\":\"E2\",\"started_at\":\"2026-10-29T08:00:00\",\"wait_s\":3}\n"
            + "{\"event_id\":\"E3\",\"started_at\":\"2026-10-31T23:59:59Z\"}\n");
    Path crm = landing.resolve("customers/customers-1.csv");
    write(crm, "customer_id,segment,updated_at\nC1,SMB,2026-05-01T00:00:00\n");

    DaySplit.Moved moved = DaySplit.split(landing, D);

    assertThat(moved.rows()).isEqualTo(5);
    assertThat(moved.files())
        .containsExactlyInAnyOrder(
            landing.resolve("surveys/long/responses-2026-10.day-2026-10-31.csv"),
            landing.resolve("interactions/interactions-2026-10.day-2026-10-31.jsonl"));
    assertThat(read(surveys))
        .isEqualTo(
            "response_id,customer_id,responded_at,touchpoint,comment\n"
                + "R1,C1,2026-10-30T23:59:59,app,\n"
                + "R4,C2,2026-10-31T01:00:00+02:00,app,\n"
                + "R5,C3,not-a-date,app,\n");
    assertThat(
            read(
                moved.files().stream()
                    .filter(p -> p.toString().endsWith(".csv"))
                    .findFirst()
                    .orElseThrow()))
        .isEqualTo(
            "response_id,customer_id,responded_at,touchpoint,comment\n"
                + "R2,C1,2026-10-31T00:00:00,app,\"two\nlines, and a comma\"\n"
                + "R3,C2,2026-11-01T01:30:00+02:00,app,\n"
                + "R6,C3,2026-10-31 12:00:00Z,billing,\n");
    assertThat(read(contacts))
        .isEqualTo("{\"event_id\":\"E2\",\"started_at\":\"2026-10-29T08:00:00\",\"wait_s\":3}\n");
    assertThat(read(landing.resolve("interactions/interactions-2026-10.day-2026-10-31.jsonl")))
        .isEqualTo(
            "{\"event_id\":\"E1\",\"started_at\":\"2026-10-31T08:00:00\",\"wait_s\":3}\n"
                + "{\"event_id\":\"E3\",\"started_at\":\"2026-10-31T23:59:59Z\"}\n");
    assertThat(read(crm))
        .as("no row of D: untouched")
        .isEqualTo("customer_id,segment,updated_at\nC1,SMB,2026-05-01T00:00:00\n");
    assertThat(landing.resolve("customers/customers-1.day-2026-10-31.csv")).doesNotExist();
  }

  @Test
  void linkWithoutDayFiles_thenDayFiles_rebuildsTheLandingZoneInTwoSteps(@TempDir Path incr)
      throws IOException {
    write(
        landing.resolve("interactions/a.jsonl"),
        "{\"started_at\":\"2026-10-30T08:00:00\"}\n{\"started_at\":\"2026-10-31T08:00:00\"}\n");
    DaySplit.split(landing, D);

    BenchLanding.link(landing, incr, false);
    assertThat(Files.list(incr.resolve("interactions")).map(p -> p.getFileName().toString()))
        .containsExactly("a.jsonl");
    BenchLanding.link(landing, incr, true);
    assertThat(Files.list(incr.resolve("interactions")).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("a.jsonl", "a.day-2026-10-31.jsonl");
    assertThat(read(incr.resolve("interactions/a.day-2026-10-31.jsonl")))
        .isEqualTo("{\"started_at\":\"2026-10-31T08:00:00\"}\n");
  }

  private static void write(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}

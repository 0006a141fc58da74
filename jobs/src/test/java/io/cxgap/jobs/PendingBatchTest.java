package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.CxException;
import io.cxgap.jobs.runstate.FaultPoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §6 for a batch that a run planned and did not finish: the next run completes it with
 * its files and adds nothing twice, or, where a file of it is gone, abandons it when none of it
 * landed and refuses (exit 2) when part of it did. Files written by hand: five surveys rows in two
 * files, one of them out of scale (quarantined).
 */
class PendingBatchTest extends JobsTestBase {
  static final String DATE = "2026-10-31";

  private Path landing(Path dir) throws IOException {
    Path landing = dir.resolve("landing");
    for (String s : List.of("customers", "surveys", "interactions")) {
      Files.createDirectories(landing.resolve(s));
    }
    StringBuilder crm =
        new StringBuilder("customer_id,segment,region,tier,signup_date,updated_at\n");
    for (int i = 1; i <= 3; i++) {
      crm.append("C").append(i).append(",SMB,North,gold,2025-01-01,2026-10-01T00:00:00\n");
    }
    Files.writeString(landing.resolve("customers/crm.csv"), crm, StandardCharsets.UTF_8);
    String header =
        "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps\n";
    Files.writeString(
        landing.resolve("surveys/a.csv"),
        header
            + "R1,C1,S1,2026-10-30T10:00:00Z,checkout,6,5,1,7,8\n"
            + "R2,C2,S1,2026-10-30T11:00:00Z,checkout,7,4,1,7,6\n"
            + "R3,C3,S1,2026-10-30T12:00:00Z,checkout,99,4,1,7,6\n", // expectation out of scale
        StandardCharsets.UTF_8);
    Files.writeString(
        landing.resolve("surveys/b.csv"),
        header
            + "R4,C1,S1,2026-10-31T10:00:00Z,billing,5,5,1,7,9\n"
            + "R5,C2,S1,2026-10-31T11:00:00Z,billing,6,3,1,7,4\n",
        StandardCharsets.UTF_8);
    return landing;
  }

  private static String[] ingest(Path landing, Path wh) {
    List<String> a =
        new ArrayList<>(Arrays.asList(args(landing, wh, repoCatalog(), "ingest", "--date", DATE)));
    a.addAll(List.of("--set", "cx.quality.max-quarantine-share=0.5")); // one bad row of five
    return a.toArray(new String[0]);
  }

  private static Outcome ingestFailingAt(Path landing, Path wh, String point) {
    System.setProperty(FaultPoints.FAULT, point);
    try {
      return cli(ingest(landing, wh));
    } finally {
      System.clearProperty(FaultPoints.FAULT);
    }
  }

  private static List<String> surveyLog(Path wh) {
    return table(wh, "bronze", "ingest_log")
        .where("source = 'surveys'")
        .selectExpr(
            "concat(batch_id, ' ', status, ' ', coalesce(substring_index(file, '/', -1), ''))")
        .as(Encoders.STRING())
        .collectAsList();
  }

  @Test
  void
      aPendingBatchWhoseFileIsGone_andOfWhichNothingLanded_isAbandoned_andTheRestIsIngestedAsANewBatch()
          throws IOException {
    Path dir = Files.createTempDirectory("cxgap-pending");
    Path landing = landing(dir);
    Path wh = dir.resolve("wh");

    Outcome failed = ingestFailingAt(landing, wh, "ingest.surveys.planned");
    assertThat(failed.code()).as(failed.toString()).isEqualTo(CxException.JOB_FAILED);
    assertThat(surveyLog(wh)).containsExactlyInAnyOrder("1 planned a.csv", "1 planned b.csv");

    Files.delete(landing.resolve("surveys/b.csv"));
    Outcome next = cli(ingest(landing, wh));

    assertThat(next.code()).as(next.toString()).isZero();
    assertThat(next.out())
        .contains(
            "surveys batch 1 abandoned: 1 of its files are gone",
            "surveys batch 2: read 3 = accepted 2 + quarantined 1");
    assertThat(surveyLog(wh))
        .containsExactlyInAnyOrder(
            "1 planned a.csv",
            "1 planned b.csv",
            "1 abandoned ",
            "2 planned a.csv",
            "2 committed ");
    assertThat(
            table(wh, "bronze", "surveys")
                .selectExpr("concat(batch_id, ' ', response_id)")
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("2 R1", "2 R2");
    assertThat(
            table(wh, "bronze", "quarantine")
                .where("source = 'surveys'")
                .selectExpr("batch_id")
                .as(Encoders.LONG())
                .collectAsList())
        .containsExactly(2L);
  }

  @Test
  void aPendingBatchOfWhichPartLanded_needsItsFilesBack_andIsThenCompletedWithoutAddingAnyRowTwice()
      throws IOException {
    Path dir = Files.createTempDirectory("cxgap-pending");
    Path landing = landing(dir);
    Path wh = dir.resolve("wh");

    // quarantine and bronze appends made, the log's commit row not
    Outcome failed = ingestFailingAt(landing, wh, "ingest.surveys.bronze");
    assertThat(failed.code()).as(failed.toString()).isEqualTo(CxException.JOB_FAILED);
    assertThat(table(wh, "bronze", "surveys").count()).isEqualTo(4);

    Path b = landing.resolve("surveys/b.csv");
    Path aside = dir.resolve("b.csv");
    Files.move(b, aside);
    Outcome refused = cli(ingest(landing, wh));
    assertThat(refused.code()).as(refused.toString()).isEqualTo(CxException.USAGE);
    assertThat(refused.err())
        .contains(
            "surveys batch 1 was interrupted after part of it was written",
            "b.csv",
            "put the file back");

    Files.move(aside, b);
    Outcome done = cli(ingest(landing, wh));
    assertThat(done.code()).as(done.toString()).isZero();
    assertThat(done.out())
        .contains(
            "surveys batch 1 resumed after an interrupted run",
            "surveys batch 1: read 5 = accepted 4 + quarantined 1");
    assertThat(surveyLog(wh))
        .containsExactlyInAnyOrder("1 planned a.csv", "1 planned b.csv", "1 committed ");
    assertThat(
            table(wh, "bronze", "surveys")
                .selectExpr("response_id")
                .as(Encoders.STRING())
                .collectAsList())
        .containsExactlyInAnyOrder("R1", "R2", "R4", "R5");
    assertThat(table(wh, "bronze", "quarantine").where("source = 'surveys'").count()).isEqualTo(1);
  }
}

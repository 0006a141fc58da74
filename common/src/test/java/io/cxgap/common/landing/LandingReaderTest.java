package io.cxgap.common.landing;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import io.cxgap.common.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingReaderTest extends SparkTestBase {
  @TempDir Path dir;

  private static final LandingReader.WidePrefixes WIDE =
      new LandingReader.WidePrefixes("expectation_", "experience_");

  private Path write(String rel, String text) throws IOException {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private List<Row> read(Source s, List<String> skipped) {
    List<LandingFile> files =
        LandingFiles.list(
            spark().sparkContext().hadoopConfiguration(), dir.resolve(s.folder()).toString());
    return new LandingReader(spark(), s, List.of(), WIDE)
        .read(files, skipped)
        .orderBy(col("file"), col("raw"))
        .collectAsList();
  }

  @Test
  void csv_isReadByHeaderName_withQuotedMultiLineFields_andExtraColumnsIgnored()
      throws IOException {
    write(
        "surveys/a.csv",
        "response_id,customer_id,survey_id,responded_at,touchpoint,expectation,experience,scale_min,scale_max,overall_nps,comment\n"
            + "R1,C1,S,2026-10-01T10:00:00,billing,5,3,1,7,8,\"line one,\n\"\"quoted\"\" line two\"\n");
    // another writer: other column order, no optional columns, one extra column
    write(
        "surveys/sub/b.csv",
        "\uFEFFexperience,touchpoint,extra,customer_id,response_id,responded_at,expectation\n"
            + "2,app,zzz,C2,R2,2026-10-02,6\n");
    List<String> skipped = new ArrayList<>();
    List<Row> rows = read(Source.SURVEYS, skipped);
    assertThat(rows).hasSize(2);
    Row a = rows.get(0);
    assertThat(a.<String>getAs("comment")).isEqualTo("line one,\n\"quoted\" line two");
    assertThat(a.<String>getAs("malformed")).isNull();
    assertThat(a.<String>getAs("file")).endsWith("surveys/a.csv");
    Row b = rows.get(1);
    assertThat(b.<String>getAs("response_id")).isEqualTo("R2");
    assertThat(b.<String>getAs("expectation")).isEqualTo("6");
    assertThat(b.<String>getAs("experience")).isEqualTo("2");
    assertThat(b.<String>getAs("touchpoint")).isEqualTo("app");
    assertThat(b.<String>getAs("scale_max")).isNull();
    assertThat(skipped)
        .singleElement()
        .asString()
        .startsWith("ignored unknown columns extra in ")
        .endsWith("sub/b.csv");
  }

  @Test
  void csv_recordWithWrongFieldCount_isMalformed_withItsRawText() throws IOException {
    write(
        "interactions/x.csv",
        "event_id,customer_id,channel,touchpoint,started_at\nE1,C1,web,app,2026-10-01\nE2,C1,web\n");
    List<Row> rows = read(Source.INTERACTIONS, new ArrayList<>());
    assertThat(rows).hasSize(2);
    Row bad = rows.stream().filter(r -> "E2".equals(r.getAs("event_id"))).findFirst().orElseThrow();
    assertThat(bad.<String>getAs("malformed")).isNotNull();
    assertThat(bad.<String>getAs("raw")).isEqualTo("E2,C1,web");
    Row good =
        rows.stream().filter(r -> "E1".equals(r.getAs("event_id"))).findFirst().orElseThrow();
    assertThat(good.<String>getAs("malformed")).isNull();
  }

  @Test
  void jsonLines_brokenLineIsMalformed_blankLinesAreNotRows_numbersKeepTheirText()
      throws IOException {
    write(
        "interactions/x.jsonl",
        "{\"event_id\":\"E1\",\"customer_id\":\"C1\",\"channel\":\"web\",\"touchpoint\":\"app\",\"started_at\":\"2026-10-01T00:00:00Z\",\"wait_s\":12.5}\n"
            + "\n"
            + "{\"event_id\":\"E2\",\"customer_id\":\n");
    List<Row> rows = read(Source.INTERACTIONS, new ArrayList<>());
    assertThat(rows).hasSize(2);
    Row bad = rows.stream().filter(r -> r.getAs("malformed") != null).findFirst().orElseThrow();
    assertThat(bad.<String>getAs("raw")).isEqualTo("{\"event_id\":\"E2\",\"customer_id\":");
    Row good = rows.stream().filter(r -> r.getAs("malformed") == null).findFirst().orElseThrow();
    assertThat(good.<String>getAs("wait_s")).isEqualTo("12.5");
  }

  @Test
  void wideExport_unpivotsToOneRowPerAnsweredTouchpoint() throws IOException {
    write(
        "surveys/wide/w.csv",
        "response_id,customer_id,responded_at,overall_nps,expectation_billing,experience_billing,expectation_Mobile App,experience_Mobile App\n"
            + "R1,C1,2026-10-01,9,6,4,,\n"
            + "R2,C2,2026-10-02,7,5,,3,3\n");
    List<Row> rows = read(Source.SURVEYS, new ArrayList<>());
    List<String> got = new ArrayList<>();
    for (Row r : rows) {
      got.add(
          r.getAs("response_id")
              + "/"
              + r.getAs("touchpoint")
              + "/"
              + r.getAs("expectation")
              + "/"
              + r.getAs("experience")
              + "/"
              + r.getAs("overall_nps"));
    }
    // R1 did not answer the app pair (both blank): no row. R2's billing has one blank: a row (later
    // missing_required).
    assertThat(got)
        .containsExactlyInAnyOrder(
            "R1/billing/6/4/9", "R2/billing/5/null/7", "R2/mobile app/3/3/7");
  }

  @Test
  void wideExport_withAdequatePrefix_carriesEachTouchpointsAdequate_nullWhereItHasNone()
      throws IOException {
    write(
        "surveys/wide/w3.csv",
        "response_id,customer_id,responded_at,expectation_billing,experience_billing,adequate_billing,expectation_app,experience_app\n"
            + "R1,C1,2026-10-01,6,4,3,5,5\n"
            + "R2,C2,2026-10-02,5,2,,,\n"
            + "R3,C3,2026-10-03,,,4,,\n");
    List<String> notes = new ArrayList<>();
    List<String> got = new ArrayList<>();
    for (Row r : read(Source.SURVEYS, notes)) {
      got.add(
          r.getAs("response_id")
              + "/"
              + r.getAs("touchpoint")
              + "/"
              + r.getAs("expectation")
              + "/"
              + r.getAs("experience")
              + "/"
              + r.getAs("adequate"));
    }
    // app has no adequate column: null. R3 answered only billing's adequate: a row (later
    // missing_required). R2's app cells are all blank: no row.
    assertThat(got)
        .containsExactlyInAnyOrder(
            "R1/billing/6/4/3", "R1/app/5/5/null", "R2/billing/5/2/null", "R3/billing/null/null/4");
    assertThat(notes).as("adequate_ columns are item columns, not unknown ones").isEmpty();
  }

  @Test
  void wideExport_adequateColumnWithoutItsExpectation_isAUsageError() throws IOException {
    write(
        "surveys/wide/w4.csv",
        "response_id,customer_id,responded_at,expectation_billing,experience_billing,adequate_app\n"
            + "R1,C1,2026-10-01,6,4,3\n");
    assertThatThrownBy(() -> read(Source.SURVEYS, new ArrayList<>()))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("'adequate_app'")
        .hasMessageContaining("'expectation_app'");
  }

  @Test
  void wideExport_adequatePrefix_isConfigurable() throws IOException {
    write(
        "surveys/wide/w5.csv",
        "response_id,customer_id,responded_at,want_billing,got_billing,min_billing\n"
            + "R1,C1,2026-10-01,6,4,2\n");
    List<LandingFile> files =
        LandingFiles.list(
            spark().sparkContext().hadoopConfiguration(), dir.resolve("surveys").toString());
    Row r =
        new LandingReader(
                spark(),
                Source.SURVEYS,
                List.of(),
                new LandingReader.WidePrefixes("want_", "got_", "min_"))
            .read(files, new ArrayList<>())
            .head();
    assertThat(r.<String>getAs("touchpoint")).isEqualTo("billing");
    assertThat(r.<String>getAs("adequate")).isEqualTo("2");
  }

  @Test
  void longCsvAndJsonLines_carryTheOptionalAdequateColumn() throws IOException {
    write(
        "surveys/long.csv",
        "response_id,customer_id,responded_at,touchpoint,expectation,experience,adequate\n"
            + "R1,C1,2026-10-01,billing,6,4,3\n");
    write(
        "surveys/j.jsonl",
        "{\"response_id\":\"R2\",\"customer_id\":\"C2\",\"responded_at\":\"2026-10-02\",\"touchpoint\":\"app\",\"expectation\":5,\"experience\":5,\"adequate\":4.5}\n"
            + "{\"response_id\":\"R3\",\"customer_id\":\"C3\",\"responded_at\":\"2026-10-02\",\"touchpoint\":\"app\",\"expectation\":5,\"experience\":5}\n");
    List<String> got = new ArrayList<>();
    for (Row r : read(Source.SURVEYS, new ArrayList<>())) {
      got.add(r.getAs("response_id") + "/" + r.getAs("adequate"));
    }
    assertThat(got).containsExactlyInAnyOrder("R1/3", "R2/4.5", "R3/null");
  }

  @Test
  void parquet_carriesTheOptionalAdequateColumn() throws IOException {
    spark()
        .sql(
            "select 'R1' as response_id, 'C1' as customer_id, timestamp'2026-10-01 00:00:00' as responded_at, 'billing' as touchpoint, 6.0 as expectation, 4.0 as experience, 2.5 as adequate")
        .coalesce(1)
        .write()
        .parquet(dir.resolve("surveys").resolve("p").toString());
    Row r = read(Source.SURVEYS, new ArrayList<>()).get(0);
    assertThat(Double.parseDouble(r.<String>getAs("adequate"))).isEqualTo(2.5);
  }

  @Test
  void missingRequiredColumn_isAUsageError_namingColumnAndFile() throws IOException {
    write("customers/c.csv", "customer_id,segment\nC1,SMB\n");
    assertThatThrownBy(() -> read(Source.CUSTOMERS, new ArrayList<>()))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("'updated_at'")
        .hasMessageContaining("c.csv");
  }

  @Test
  void parquetFiles_areReadByName_andEmptyOrUnsupportedFilesAreReported() throws IOException {
    Dataset<Row> df =
        spark()
            .sql(
                "select 'C9' as customer_id, timestamp'2026-01-01 00:00:00' as updated_at, 'SMB' as segment");
    df.coalesce(1).write().parquet(dir.resolve("tmp-parquet").toString());
    Path part =
        Files.list(dir.resolve("tmp-parquet"))
            .filter(p -> p.toString().endsWith(".parquet"))
            .findFirst()
            .orElseThrow();
    Files.createDirectories(dir.resolve("customers"));
    Files.copy(part, dir.resolve("customers/crm.parquet"));
    write("customers/empty.csv", "");
    write("customers/notes.txt", "hello");
    write("customers/_SUCCESS", "");
    List<String> skipped = new ArrayList<>();
    List<Row> rows = read(Source.CUSTOMERS, skipped);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getAs("customer_id")).isEqualTo("C9");
    assertThat(rows.get(0).<String>getAs("updated_at")).startsWith("2026-01-01 00:00:00");
    assertThat(skipped)
        .hasSize(2)
        .anyMatch(s -> s.contains("empty.csv"))
        .anyMatch(s -> s.contains("notes.txt"));
  }
}

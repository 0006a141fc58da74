package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.gaps.GapColumns;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.gold.GoldDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every gold table the jobs write, and every column of it, carries the meaning GoldDocs gives
 * (DESIGN.md §5), in the Delta table itself: checked against the schemas a real nightly wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldDocsTest extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  Path landing;
  Path warehouse;

  @BeforeAll
  void nightly() throws IOException {
    Path dir = Files.createTempDirectory("cxgap-docs");
    landing = dir.resolve("landing");
    warehouse = dir.resolve("wh");
    SampleGenerator.generate(new GeneratorOptions(landing, 60, 30, D, 5, 0.0));
    Outcome o =
        cli(
            args(
                landing,
                warehouse,
                repoCatalog(),
                "nightly",
                "--date",
                D.toString(),
                "--set",
                "cx.clusters.k-max=3"));
    assertThat(o.code()).as(o.toString()).isZero();
  }

  private String path(String table) {
    return warehouse.resolve("gold").resolve(table).toString();
  }

  private static Map<String, String> comments(StructField[] fields) {
    Map<String, String> m = new LinkedHashMap<>();
    for (StructField f : fields) {
      m.put(f.name(), f.getComment().isDefined() ? f.getComment().get() : null);
    }
    return m;
  }

  @Test
  void everyGoldTableWritten_isDocumented_andEveryColumnHasItsComment_inTheDeltaSchema()
      throws IOException {
    List<String> written = new ArrayList<>();
    try (var s = Files.list(warehouse.resolve("gold"))) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(written::add);
    }
    List<String> nightlyTables = new ArrayList<>(GoldDocs.tables());
    nightlyTables.remove(Table.ERASURE_LOG.id()); // written by forget: ForgetTest checks its docs
    assertThat(written)
        .as("gold tables nightly wrote")
        .containsExactlyInAnyOrderElementsOf(nightlyTables);
    for (String t : written) {
      GoldDocs.TableDoc doc = GoldDocs.of(t).orElseThrow();
      Map<String, String> actual = comments(DeltaIO.read(spark(), path(t)).schema().fields());
      assertThat(actual.keySet())
          .as("gold.%s: documented columns = written columns, in order", t)
          .containsExactlyElementsOf(doc.columns().keySet());
      assertThat(actual)
          .as("gold.%s: column comments in the Delta schema", t)
          .containsExactlyEntriesOf(doc.columns());
      assertThat(doc.columns().values())
          .as("gold.%s: comments say something", t)
          .allMatch(c -> c.length() >= 10);
      String description =
          spark()
              .sql("DESCRIBE DETAIL delta.`" + path(t) + "`")
              .select("description")
              .head()
              .getString(0);
      assertThat(description).as("gold.%s: table description", t).isEqualTo(doc.comment());
    }
  }

  @Test
  void gapTables_documentEveryColumnOfTheirColumnList_inOrder() {
    assertThat(GoldDocs.of(Table.GAP_SEGMENT_TOUCHPOINT).orElseThrow().columns().keySet())
        .containsExactlyElementsOf(GapColumns.GAP_SEGMENT_TOUCHPOINT);
    assertThat(GoldDocs.of(Table.GAP_TREND).orElseThrow().columns().keySet())
        .containsExactlyElementsOf(GapColumns.GAP_TREND);
  }

  @Test
  void aRerun_keepsTheComments_andCommitsNoDocChange() {
    long before = DeltaIO.version(spark(), path("gap_segment_touchpoint"));
    Outcome o = cli(args(landing, warehouse, repoCatalog(), "gaps", "--date", D.toString()));
    assertThat(o.code()).as(o.toString()).isZero();
    assertThat(DeltaIO.version(spark(), path("gap_segment_touchpoint")))
        .as("one commit: the slice write")
        .isEqualTo(before + 1);
    assertThat(comments(DeltaIO.read(spark(), path("gap_segment_touchpoint")).schema().fields()))
        .containsExactlyEntriesOf(GoldDocs.of("gap_segment_touchpoint").orElseThrow().columns());
  }

  @Test
  void document_addsCommentsToATableWrittenWithoutThem_once() {
    String legacy = warehouse.resolve("legacy").resolve("touchpoint_driver").toString();
    Dataset<Row> documented = DeltaIO.read(spark(), path("touchpoint_driver"));
    StructType plain = new StructType();
    for (StructField f : documented.schema().fields()) {
      plain =
          plain.add(
              f.name(), f.dataType(), f.nullable()); // no metadata: as written before GoldDocs
    }
    DeltaIO.replaceDate(spark().createDataFrame(documented.javaRDD(), plain), legacy, D);
    assertThat(comments(DeltaIO.read(spark(), legacy).schema().fields()).values())
        .containsOnlyNulls();
    GoldDocs.TableDoc doc = GoldDocs.of("touchpoint_driver").orElseThrow();

    int changes = DeltaIO.document(spark(), legacy, doc.comment(), doc.columns());

    assertThat(changes).as("one per column, one for the table").isEqualTo(doc.columns().size() + 1);
    assertThat(comments(DeltaIO.read(spark(), legacy).schema().fields()))
        .containsExactlyEntriesOf(doc.columns());
    long v = DeltaIO.version(spark(), legacy);
    assertThat(DeltaIO.document(spark(), legacy, doc.comment(), doc.columns()))
        .as("second call")
        .isZero();
    assertThat(DeltaIO.version(spark(), legacy)).as("no new commit").isEqualTo(v);
  }
}

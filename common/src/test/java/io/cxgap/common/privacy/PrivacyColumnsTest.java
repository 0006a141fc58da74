package io.cxgap.common.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The pure parts of erasure and retention (DESIGN.md §6), on hand-made frames. */
class PrivacyColumnsTest extends SparkTestBase {
  /** SHA-256("abc"), the FIPS 180-2 test vector. */
  static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void customerHash_isSha256OfSaltThenId_inJavaAndInSpark() {
    assertThat(CustomerHash.of("ab", "c")).isEqualTo(SHA256_ABC);
    assertThat(CustomerHash.of("", "abc")).isEqualTo(SHA256_ABC);
    Row r =
        spark()
            .range(1)
            .select(
                CustomerHash.of("ab", lit("c")), CustomerHash.of("ab", lit(null).cast("string")))
            .head();
    assertThat(r.getString(0)).isEqualTo(SHA256_ABC);
    assertThat(r.isNullAt(1)).as("no id, no hash").isTrue();
  }

  @Test
  void rawMentions_matchTheIdAsAWholeField_notInsideAnotherIdOrWord() {
    Dataset<Row> raw =
        strings(
            List.of("raw"),
            new String[] {"C12,Ann,a@x.org"}, // first field
            new String[] {"R1,\"C12\",billing"}, // quoted field
            new String[] {"{\"customer_id\":\"C12\"}"}, // JSON rendering
            new String[] {"R2,C123,billing"}, // a longer id
            new String[] {"R3,xC12,billing"}, // a longer id
            new String[] {"R4,C12-old,billing"}, // joined by a hyphen
            new String[] {"R5,C1.2,billing"}, // regex metacharacters are literal
            new String[] {null});
    List<Boolean> hits =
        raw
            .select(RawMentions.names(col("raw"), lit("C12"), lit(RawMentions.pattern("C12"))))
            .collectAsList()
            .stream()
            .map(r -> r.getBoolean(0))
            .toList();
    assertThat(hits).containsExactly(true, true, true, false, false, false, false, false);
    assertThat(
            raw.where(RawMentions.names(col("raw"), lit("C1.2"), lit(RawMentions.pattern("C1.2"))))
                .count())
        .as("an id with a dot matches only itself")
        .isEqualTo(1);
  }

  @Test
  void erasedCustomers_quarantineTheirRows_withoutRawOrDetail_andLeaveOthersAsTheyWere() {
    Dataset<Row> classified =
        strings(
            List.of("customer_id", "raw", "reason", "detail"),
            new String[] {"c", "c,Ann", null, null}, // salt "ab" + "c" = "abc": erased
            new String[] {" c ", " c ,Ann", "bad_number", "wait_s"}, // trimmed: erased too
            new String[] {"abc", "abc,Bo", null, null}, // "ababc": not erased
            new String[] {null, "garbled", "malformed", "x"});
    Dataset<Row> erased = strings(List.of("customer_hash"), new String[] {SHA256_ABC});
    List<String> out =
        ErasedCustomers.mark(classified, erased, "ab").orderBy(col("raw")).collectAsList().stream()
            .map(Row::toString)
            .toList();
    assertThat(out)
        .containsExactlyInAnyOrder(
            "[c,null,erased_customer,null]",
            "[ c ,null,erased_customer,null]",
            "[abc,abc,Bo,null,null]",
            "[null,garbled,malformed,x]");
  }

  @Test
  void retention_keepsRowsLoadedOnOrAfterTheFirstKeptDay_byTheirRunIdsDate() {
    LocalDate d = LocalDate.of(2026, 11, 10);
    assertThat(Retention.firstKept(d, 7)).isEqualTo(LocalDate.of(2026, 11, 3));
    Dataset<Row> rows =
        strings(
            List.of("run_id"),
            new String[] {"2026-11-02-1a2b3c4d"}, // 8 days before D: past retention
            new String[] {"2026-11-03-1a2b3c4d"}, // 7 days: kept
            new String[] {"2026-11-10-00000000"}, // today: kept
            new String[] {"legacy"}); // no date: kept
    assertThat(rows.where(Retention.loadedBefore(Retention.firstKept(d, 7))).collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly("2026-11-02-1a2b3c4d");
  }

  @Test
  void customerIds_oneALine_blankAndCommentLinesSkipped_duplicatesOnce() {
    assertThat(CustomerIds.fromLines(List.of("C1", "", "# note", "  C2 ", "C1"), "ids.txt"))
        .containsExactly("C1", "C2");
  }

  @Test
  void customerIds_aLineWithTwoTokens_isAUsageErrorNamingTheLine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CustomerIds.fromLines(List.of("C1", "C2, C3"), "ids.txt"))
        .isInstanceOf(io.cxgap.common.CxException.class)
        .hasMessageContaining("ids.txt line 2")
        .hasMessageContaining("'C2, C3'")
        .extracting(e -> ((io.cxgap.common.CxException) e).exitCode())
        .isEqualTo(2);
  }
}

package io.cxgap.common.quality;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Whitespace trimming, alone and in the cleaned columns the rules read. */
class WhitespaceTest extends SparkTestBase {
  @Test
  void whitespace_isExactlyWhatTheUnicodeRegexMatches_andTrimsBothEnds() {
    java.util.regex.Pattern ws = java.util.regex.Pattern.compile("(?U)\\s");
    List<Integer> matched = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (ws.matcher(new String(Character.toChars(cp))).matches()) {
        matched.add(cp);
      }
    }
    assertThat(Whitespace.CHARACTERS.codePoints().boxed().toList())
        .containsExactlyInAnyOrderElementsOf(matched);
    List<Integer> other = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Whitespace.hasOther("a" + new String(Character.toChars(cp)) + "b")) {
        other.add(cp);
      }
    }
    matched.remove(Integer.valueOf(' '));
    assertThat(other)
        .as("the per-row test finds every whitespace character but the plain space")
        .isEqualTo(matched);
    Dataset<Row> df =
        strings(
            List.of("v"),
            new String[] {"\u3000\t x y\u00A0\u2029"}, // other whitespace at both ends
            new String[] {"\u2003 "}, // nothing but whitespace
            new String[] {"\u00E9"}, // a two-byte letter, no whitespace
            new String[] {"  a b  "}, // plain spaces only
            new String[] {" \tx"}, // a tab behind a space, at the start only
            new String[] {"x\u00A0 "}, // a no-break space before a space, at the end only
            new String[] {"\u200Bx"}, // a zero-width space is not White_Space
            new String[] {null});
    List<String> out =
        CleanColumns.withOtherWhitespace(df, List.of("v"))
            .select(CleanColumns.clean("v"))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(out).containsExactly("x y", null, "\u00E9", "a b", "x", "x", "\u200Bx", null);
    // one value alone (KnownCustomers' customer id): blanks stay empty strings
    List<String> one =
        df.select(Whitespace.trim(col("v")))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(one).containsExactly("x y", "", "\u00E9", "a b", "x", "x", "\u200Bx", null);
  }

  @Test
  void clean_trimsOtherWhitespace_inEveryColumn_andTestsEachRowOnce() {
    Dataset<Row> df =
        strings(
            List.of("a", "b"),
            new String[] {" x ", "y\t"}, // a tab in one column of the row
            new String[] {"\u00A0x", " y "}, // a no-break space in the other
            new String[] {"x\u2003y", " y"}, // other whitespace inside a value only: kept
            new String[] {"  ", null}, // spaces only, and a missing value
            new String[] {"x", "y"});
    List<String> out = new ArrayList<>();
    for (Row r :
        CleanColumns.withOtherWhitespace(df, List.of("a", "b"))
            .select(CleanColumns.clean("a"), CleanColumns.clean("b"))
            .collectAsList()) {
      out.add(r.getString(0) + "|" + r.getString(1));
    }
    assertThat(out).containsExactly("x|y", "x|y", "x\u2003y|y", "null|null", "x|y");
    // over a shuffle, so that the optimizer cannot fold the projections into the local rows
    String plan =
        CleanColumns.withOtherWhitespace(df.repartition(1), List.of("a", "b"))
            .select(CleanColumns.clean("a"), CleanColumns.clean("b"))
            .queryExecution()
            .optimizedPlan()
            .toString();
    assertThat(plan.split("UDF\\(", -1))
        .as("one whitespace test per row, not one per column: %s", plan)
        .hasSize(2);
  }
}

package io.cxgap.common.monitor;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** PiiMask on comments written the ways customers write them; each expected text by hand. */
class PiiMaskTest extends SparkTestBase {

  /** Each input masked, in order (null stays null). */
  private static List<String> masked(String... texts) {
    String[][] rows = new String[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      rows[i] = new String[] {String.valueOf(i), texts[i]};
    }
    List<String> out = new ArrayList<>();
    for (Row r :
        strings(List.of("i", "comment"), rows)
            .select(col("i").cast("int").as("i"), PiiMask.mask(col("comment")).as("m"))
            .orderBy("i")
            .collectAsList()) {
      out.add(r.getString(1));
    }
    return out;
  }

  @Test
  void emailAddresses_areMasked_includingTagsAndSubdomains() {
    assertThat(
            masked(
                "write to name.surname+tag@sub.example.co.uk please",
                "Mail: j_doe-99@example.com.",
                "two: a@b.io and c%d@e.de"))
        .containsExactly("write to [email] please", "Mail: [email].", "two: [email] and [email]");
  }

  @Test
  void phoneNumbers_inInternationalAndNationalFormats_areMasked() {
    assertThat(
            masked(
                "call me on +1 555 010 0100 after 5",
                "(555) 010-0100",
                "my number is 555-010-0100.",
                "UK office +44 20 7946 0958, ask for Sam",
                "Berlin: 0049 30 1234567",
                "dots 555.010.0100 and plain 5550100100",
                "+44 (0) 20 7946 0958"))
        .containsExactly(
            "call me on [phone] after 5",
            "[phone]",
            "my number is [phone].",
            "UK office [phone], ask for Sam",
            "Berlin: [phone]",
            "dots [phone] and plain [phone]",
            "[phone]");
  }

  @Test
  void ordinaryNumbers_datesOrderNumbersPrices_stay() {
    List<String> texts =
        List.of(
            "on 2026-10-31 I waited 45 minutes",
            "order 12345 arrived late",
            "charged €19.99 twice, 1,234.50 in total",
            "since 31.10.2026 and 10/31/2026",
            "on 2026-10-31 2 agents hung up",
            "invoice INV-2026-0042 is wrong");
    assertThat(masked(texts.toArray(new String[0]))).containsExactlyElementsOf(texts);
  }

  @Test
  void bothInOneComment_andNull_staysNull() {
    assertThat(masked("reach me at a.b@example.org or +1 555 010 0100, re order 12345", null))
        .containsExactly("reach me at [email] or [phone], re order 12345", null);
  }
}

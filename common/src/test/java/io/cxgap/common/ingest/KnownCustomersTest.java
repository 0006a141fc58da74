package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class KnownCustomersTest extends SparkTestBase {
  static final List<String> ROWS = List.of("response_id", "customer_id");

  private static List<String> rendered(Dataset<Row> df) {
    return df.orderBy(col("response_id")).collectAsList().stream().map(Row::toString).toList();
  }

  @Test
  void aCustomerInTheCrm_isKnown_afterTrimmingWhitespace_once_evenWithManyVersions() {
    Dataset<Row> rows =
        strings(
            ROWS,
            new String[] {"R1", "C1"}, // two CRM versions: still one row
            new String[] {"R2", " C2\u00A0"}, // no-break space: trimmed to C2, known
            new String[] {"R3", "C3"}, // not in the CRM
            new String[] {"R4", null}, // no id
            new String[] {"R5", "c1"}); // ids are case-sensitive
    Dataset<Row> crm =
        strings(
            List.of("customer_id", "segment"),
            new String[] {"C1", "retail"},
            new String[] {"C1", "business"},
            new String[] {"C2", "retail"});
    Dataset<Row> marked = KnownCustomers.mark(rows, crm);
    assertThat(marked.columns()).containsExactly("response_id", "customer_id", "known_customer");
    assertThat(rendered(marked))
        .as("the row keeps its id as it came; only the mark is added")
        .containsExactly(
            "[R1,C1,true]",
            "[R2, C2\u00A0,true]",
            "[R3,C3,false]",
            "[R4,null,false]",
            "[R5,c1,false]");
  }

  @Test
  void withoutACrm_noCustomerIsKnown() {
    Dataset<Row> rows = strings(ROWS, new String[] {"R1", "C1"}, new String[] {"R2", null});
    Dataset<Row> marked = KnownCustomers.noneKnown(rows);
    assertThat(marked.columns()).containsExactly("response_id", "customer_id", "known_customer");
    assertThat(rendered(marked)).containsExactly("[R1,C1,false]", "[R2,null,false]");
  }
}

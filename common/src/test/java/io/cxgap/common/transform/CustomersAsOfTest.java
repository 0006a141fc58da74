package io.cxgap.common.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CustomersAsOfTest extends SparkTestBase {
  static final StructType VERSIONS =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("full_name", DataTypes.StringType)
          .add("email", DataTypes.StringType)
          .add("phone", DataTypes.StringType)
          .add("segment", DataTypes.StringType)
          .add("signup_date", DataTypes.DateType)
          .add("updated_at", DataTypes.TimestampType)
          .add("file", DataTypes.StringType)
          .add("batch_id", DataTypes.LongType);

  private static Row v(String id, String segment, String updated) {
    return RowFactory.create(
        id, "Name", "e@x", "1", segment, null, Timestamp.valueOf(updated), "f", 1L);
  }

  @Test
  void newestVersionAtOrBeforeEndOfDay_wins_laterVersionsIgnored() {
    List<Row> rows =
        List.of(
            v("A", "SMB", "2026-01-01 00:00:00"),
            v("A", "Enterprise", "2026-10-31 23:59:59"), // last second of D: counts
            v("B", "Consumer", "2026-05-01 12:00:00"),
            v("B", "SMB", "2026-11-01 00:00:00"), // first instant after D: ignored
            v("C", "SMB", "2026-11-02 00:00:00")); // only version is after D: C not known as of D
    Map<String, String> got = new TreeMap<>();
    for (Row r :
        CustomersAsOf.asOf(
                spark().createDataFrame(rows, VERSIONS),
                LocalDate.of(2026, 10, 31),
                List.of("segment"))
            .collectAsList()) {
      got.put(r.getAs("customer_id"), r.getAs("segment"));
      assertThat(r.<java.sql.Date>getAs("as_of_date").toString()).isEqualTo("2026-10-31");
    }
    assertThat(got).containsExactly(Map.entry("A", "Enterprise"), Map.entry("B", "Consumer"));
  }

  @Test
  void personalData_isDropped() {
    List<String> cols =
        List.of(
            CustomersAsOf.asOf(
                    spark()
                        .createDataFrame(List.of(v("A", "SMB", "2026-01-01 00:00:00")), VERSIONS),
                    LocalDate.of(2026, 10, 31),
                    List.of("segment"))
                .columns());
    assertThat(cols).doesNotContain("full_name", "email", "phone");
    assertThat(cols)
        .containsExactly("as_of_date", "customer_id", "segment", "signup_date", "updated_at");
  }
}

package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.quality.RowRules;
import io.cxgap.common.quality.Whitespace;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The known-customer mark of survey rows (DESIGN.md §4): {@link RowRules#surveys} quarantines a row
 * whose customer is not in the CRM as {@code unknown_customer}, and reads the mark this class adds.
 */
public final class KnownCustomers {
  private KnownCustomers() {}

  /**
   * {@code rows} with the boolean {@link RowRules#KNOWN_CUSTOMER}: whether the row's {@code
   * customer_id}, trimmed of whitespace, is a {@code customer_id} of {@code crm}. A customer with
   * many versions in {@code crm} still marks each row once.
   */
  public static Dataset<Row> mark(Dataset<Row> rows, Dataset<Row> crm) {
    Dataset<Row> ids =
        crm.select(col(Columns.CUSTOMER_ID).as("_known_id"))
            .distinct()
            .withColumn("_known", lit(true));
    Dataset<Row> keyed = rows.withColumn("_cid", Whitespace.trim(col(Columns.CUSTOMER_ID)));
    return keyed
        .join(ids, keyed.col("_cid").equalTo(ids.col("_known_id")), "left")
        .withColumn(RowRules.KNOWN_CUSTOMER, coalesce(col("_known"), lit(false)))
        .drop("_cid", "_known_id", "_known");
  }

  /** {@code rows} with {@link RowRules#KNOWN_CUSTOMER} false: there is no CRM to know them by. */
  public static Dataset<Row> noneKnown(Dataset<Row> rows) {
    return rows.withColumn(RowRules.KNOWN_CUSTOMER, lit(false));
  }
}

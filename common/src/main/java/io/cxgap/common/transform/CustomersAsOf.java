package io.cxgap.common.transform;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The CRM state as of the end of a day (DESIGN.md §4): per customer the version with the newest
 * {@code updated_at} before D+1 00:00 UTC; later versions are ignored. Personal data is dropped.
 */
public final class CustomersAsOf {
  private CustomersAsOf() {}

  public static Dataset<Row> asOf(Dataset<Row> versions, LocalDate d, List<String> dimensions) {
    Column endExclusive = to_timestamp(lit(d.plusDays(1).toString()));
    Column newest =
        row_number()
            .over(
                Window.partitionBy(col(CUSTOMER_ID))
                    .orderBy(col(UPDATED_AT).desc(), col(BATCH_ID).asc(), col(FILE).asc()));
    List<Column> out = new ArrayList<>();
    out.add(lit(java.sql.Date.valueOf(d)).as(AS_OF_DATE));
    out.add(col(CUSTOMER_ID));
    for (String dim : dimensions) {
      out.add(col(dim));
    }
    out.add(col(SIGNUP_DATE));
    out.add(col(UPDATED_AT));
    return versions
        .where(col(UPDATED_AT).lt(endExclusive))
        .withColumn("_rank", newest)
        .where(col("_rank").equalTo(1))
        .select(out.toArray(new Column[0]));
  }
}

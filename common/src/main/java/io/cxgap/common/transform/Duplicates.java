package io.cxgap.common.transform;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Marks duplicate rows (DESIGN.md §4): of the accepted rows sharing a key, the first by (file, raw)
 * is kept; a row whose key is already in {@code existingKeys} is a duplicate too. Rows with a
 * quarantine reason are never duplicates: they are counted as quarantined.
 */
public final class Duplicates {
  public static final String DUPLICATE = "duplicate";

  private Duplicates() {}

  public static Dataset<Row> mark(Dataset<Row> rows, List<String> keys, Dataset<Row> existingKeys) {
    Column[] keyCols = keys.stream().map(k -> col(k)).toArray(Column[]::new);
    Column accepted = col(Columns.REASON).isNull();
    Dataset<Row> seen = existingKeys.select(keyCols).distinct().withColumn("_seen", lit(true));
    Dataset<Row> joined = rows.join(seen, keys.toArray(new String[0]), "left");
    Column rank =
        row_number()
            .over(
                Window.partitionBy(keyCols)
                    .orderBy(accepted.desc(), col(Columns.FILE), col(Columns.RAW)));
    Column dup = accepted.and(col("_seen").isNotNull().or(rank.gt(1)));
    return joined.withColumn(DUPLICATE, dup).drop("_seen");
  }
}

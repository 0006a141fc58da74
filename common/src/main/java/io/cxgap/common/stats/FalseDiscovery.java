package io.cxgap.common.stats;

import static org.apache.spark.sql.functions.*;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Benjamini–Hochberg adjusted p-values (DESIGN.md §5 "False discovery control"): over the m
 * non-null p-values of one group (a table's rows of one as_of_date), sorted ascending, {@code q(i)
 * = min over j >= i of m·p(j)/j}, capped at 1. Tied p-values get the same q whatever order the sort
 * gives them: for p(i) = p(i+1), m·p(i)/i is above m·p(i+1)/(i+1), so the minimum over j >= i is
 * the one over j >= i+1. Computed with two window functions over each group, which Spark evaluates
 * in one partition per group: meant for tables of hundreds of cells, not for item rows.
 */
public final class FalseDiscovery {
  private static final String RANK = "_bh_rank";
  private static final String RAW = "_bh_raw";

  private FalseDiscovery() {}

  /**
   * {@code df} with {@code qColumn} appended: the BH q-value of {@code pColumn} among the non-null
   * p-values of the rows that share {@code groupBy}; null where p is null.
   *
   * @param groupBy at least one column, e.g. {@code as_of_date}
   */
  public static Dataset<Row> withQValue(
      Dataset<Row> df, String pColumn, String qColumn, String... groupBy) {
    if (groupBy.length == 0) {
      throw new IllegalArgumentException(
          "q-values need a group (e.g. as_of_date), got none for " + pColumn);
    }
    Column[] keys = Arrays.stream(groupBy).map(c -> col(c)).toArray(Column[]::new);
    Column p = col(pColumn);
    WindowSpec group = Window.partitionBy(keys);
    WindowSpec ascending = group.orderBy(p.asc_nulls_last());
    WindowSpec fromHere =
        group
            .orderBy(col(RANK).desc())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return df.withColumn(RANK, row_number().over(ascending))
        .withColumn(RAW, count(p).over(group).multiply(p).divide(col(RANK)))
        .withColumn(qColumn, when(p.isNotNull(), least(lit(1.0), min(col(RAW)).over(fromHere))))
        .drop(RANK, RAW);
  }
}

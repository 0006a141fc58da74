package io.cxgap.common.transform;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Marks duplicate rows (DESIGN.md §4): of the accepted rows sharing a key, the first by file is
 * kept, and of those in one file the first by their values, column by column; a row whose key is
 * already in {@code existingKeys} is a duplicate too. Rows with a quarantine reason are never
 * duplicates: they are counted as quarantined. The order does not depend on how the batch was split
 * into partitions, so the same files keep the same rows on any machine; rows equal in every column
 * are interchangeable, and the one with the lowest {@link #ROW} is kept.
 *
 * <p>In steps, so that a large batch is not moved whole to find its few duplicates: {@link
 * #keyCounts} and {@link #suspects} find the keys that may have a duplicate from the keys alone (an
 * aggregate, and a join with the known keys); {@link #duplicateRows} ranks only the rows of those
 * keys; {@link #mark} attaches the answer to each row by its {@link #ROW} number. Between the steps
 * a caller may materialise the small results (the ingest step does), so that Spark sees their size
 * and broadcasts them. Keys are compared with {@code =}: a row with a null key part has a
 * quarantine reason (keys are required columns).
 */
public final class Duplicates {
  public static final String DUPLICATE = "duplicate";

  /** A row number unique within the frame, which the steps join on ({@link #withRowNumbers}). */
  public static final String ROW = "_row";

  private static final String SEEN = "_seen";

  private static final String COUNT = "_n";

  private Duplicates() {}

  /**
   * {@code rows} with {@link #ROW}. The numbers are assigned as the frame is computed: persist the
   * result before it is used more than once, so that every use reads the same numbers.
   */
  public static Dataset<Row> withRowNumbers(Dataset<Row> rows) {
    return rows.withColumn(ROW, monotonically_increasing_id());
  }

  /**
   * The keys of the accepted rows of {@code rows}, each with how many rows have it ({@code _n}):
   * the input of {@link #suspects}.
   */
  public static Dataset<Row> keyCounts(Dataset<Row> rows, List<String> keys) {
    return accepted(rows).groupBy(keyColumns(keys)).agg(count(lit(1)).as(COUNT));
  }

  /**
   * The keys that may have a duplicate: those of {@code keyCounts} ({@link #keyCounts}) with more
   * than one row, and those that {@code existingKeys} holds, with {@code _seen} saying which.
   *
   * <p>{@code existingKeys} (a source's whole bronze history) is first cut to the batch's keys by a
   * semi join, so only the matches are made distinct. Where {@code keyCounts} is materialised and
   * small (the next day's batch), Spark broadcasts it and the history's keys are read once and
   * probed in place, not moved or aggregated: the check then costs a scan of the history's key
   * columns, not a shuffle of them.
   */
  public static Dataset<Row> suspects(
      Dataset<Row> keyCounts, List<String> keys, Dataset<Row> existingKeys) {
    Column[] keyCols = keyColumns(keys);
    String[] keyNames = keys.toArray(new String[0]);
    Dataset<Row> seen =
        existingKeys
            .select(keyCols)
            .join(keyCounts.select(keyCols), keyNames, "left_semi")
            .distinct()
            .withColumn(SEEN, lit(true));
    return keyCounts
        .join(seen, keyNames, "left")
        .where(col(COUNT).gt(1).or(col(SEEN).isNotNull()))
        .withColumn(SEEN, col(SEEN).isNotNull())
        .drop(COUNT);
  }

  /**
   * The {@link #ROW} of every duplicate among the accepted rows of the {@code suspects} keys: all
   * of them where the key was seen before, otherwise all but the first by file, then by every other
   * column of {@code rows} in its order (of rows equal in all of them, the one with the lowest
   * number is first).
   */
  public static Dataset<Row> duplicateRows(
      Dataset<Row> rows, List<String> keys, Dataset<Row> suspects) {
    List<Column> order = new ArrayList<>(List.of(col(Columns.FILE)));
    for (String c : rows.columns()) {
      if (!c.equals(Columns.FILE) && !c.equals(ROW) && !keys.contains(c)) {
        order.add(col(c));
      }
    }
    order.add(col(ROW));
    Column rank =
        row_number()
            .over(Window.partitionBy(keyColumns(keys)).orderBy(order.toArray(Column[]::new)));
    return accepted(rows)
        .join(suspects, keys.toArray(new String[0]))
        .withColumn("_rank", rank)
        .where(col(SEEN).or(col("_rank").gt(1)))
        .select(ROW);
  }

  /**
   * {@code rows} with {@link #DUPLICATE} true for the rows of {@code duplicateRows}, without {@link
   * #ROW}.
   */
  public static Dataset<Row> mark(Dataset<Row> rows, Dataset<Row> duplicateRows) {
    Dataset<Row> dup = duplicateRows.select(col(ROW).as("_dup_row"));
    return rows.join(dup, col(ROW).equalTo(col("_dup_row")), "left")
        .withColumn(DUPLICATE, col("_dup_row").isNotNull())
        .drop(ROW, "_dup_row");
  }

  /** {@code rows} marked where nothing may be a duplicate ({@link #suspects} found no key). */
  public static Dataset<Row> noneDuplicate(Dataset<Row> rows) {
    return rows.withColumn(DUPLICATE, lit(false)).drop(ROW);
  }

  private static Dataset<Row> accepted(Dataset<Row> rows) {
    return rows.where(col(Columns.REASON).isNull());
  }

  private static Column[] keyColumns(List<String> keys) {
    return keys.stream().map(k -> col(k)).toArray(Column[]::new);
  }
}

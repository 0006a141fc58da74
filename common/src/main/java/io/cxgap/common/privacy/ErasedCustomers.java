package io.cxgap.common.privacy;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.quality.Reasons;
import io.cxgap.common.quality.Whitespace;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Landing rows of customers who were erased (DESIGN.md §6): the landing zone is not ours to clean,
 * so a file that still holds an erased customer, ingested after the erasure, must not bring them
 * back. Such rows are quarantined as {@link Reasons#ERASED_CUSTOMER}, keeping neither raw text nor
 * detail, so the quarantine stores nothing of theirs.
 */
public final class ErasedCustomers {
  private ErasedCustomers() {}

  /** The column of {@code gold.erasure_log} that holds the salted hash of an erased customer. */
  public static final String CUSTOMER_HASH = "customer_hash";

  /**
   * {@code classified} (the output of the row rules: typed columns, {@code raw}, {@code reason},
   * {@code detail}) with every row whose trimmed {@code customer_id} hashes, with {@code salt}, to
   * a {@link #CUSTOMER_HASH} of {@code erased} marked {@code erased_customer}, whatever other rule
   * it broke, with null raw text and detail. Other rows are unchanged.
   */
  public static Dataset<Row> mark(Dataset<Row> classified, Dataset<Row> erased, String salt) {
    Dataset<Row> hashes =
        erased
            .select(col(CUSTOMER_HASH).as("_erased_hash"))
            .distinct()
            .withColumn("_erased", lit(true));
    Dataset<Row> keyed =
        classified.withColumn(
            "_hash", CustomerHash.of(salt, Whitespace.trim(col(Columns.CUSTOMER_ID))));
    Dataset<Row> joined =
        keyed.join(
            broadcast(hashes), keyed.col("_hash").equalTo(hashes.col("_erased_hash")), "left");
    org.apache.spark.sql.Column isErased = coalesce(col("_erased"), lit(false));
    return joined
        .withColumn(
            Columns.REASON,
            when(isErased, lit(Reasons.ERASED_CUSTOMER)).otherwise(col(Columns.REASON)))
        .withColumn(
            Columns.DETAIL, when(isErased, lit(null).cast("string")).otherwise(col(Columns.DETAIL)))
        .withColumn(
            Columns.RAW, when(isErased, lit(null).cast("string")).otherwise(col(Columns.RAW)))
        .drop("_hash", "_erased_hash", "_erased");
  }
}

package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.landing.LandingFile;
import io.cxgap.common.landing.Source;
import io.cxgap.common.quality.Reasons;
import io.cxgap.common.quality.RecordRules;
import io.cxgap.common.quality.RowRules;
import io.cxgap.common.transform.Duplicates;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A classified batch (the output of {@link RowRules}) split for bronze and quarantine (DESIGN.md
 * §4): spread where a file was read whole, the rows counted once {@link Duplicates} marked them,
 * the accepted rows shaped for {@code bronze.<source>} and the rejected ones for {@code
 * bronze.quarantine}.
 */
public final class BatchSplit {
  private BatchSplit() {}

  /** Landing bytes per partition of a {@link #spread} batch. */
  public static final long BYTES_PER_PARTITION = 128L << 20;

  /** The columns by which a source's duplicates are found. */
  public static List<String> keys(Source source) {
    return switch (source) {
      case CUSTOMERS -> List.of(Columns.CUSTOMER_ID, Columns.UPDATED_AT);
      case SURVEYS -> List.of(Columns.RESPONSE_ID, Columns.TOUCHPOINT);
      case INTERACTIONS -> List.of(Columns.EVENT_ID);
    };
  }

  /**
   * The partitions of a batch of {@code bytes} landing bytes: {@code configured}
   * (spark.sql.shuffle.partitions), or one per {@link #BYTES_PER_PARTITION} where that is more, at
   * most 10,000.
   */
  public static int partitions(long bytes, int configured) {
    long needed = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(configured, Math.min(10_000, needed));
  }

  /** Landing bytes of one CSV file above which a classified batch is spread ({@link #spread}). */
  public static final long LARGEST_UNSPREAD = 1L << 30;

  /**
   * {@code classified} in the partitions it was read in (JSON lines and Parquet by 128 MiB slices,
   * a CSV file whole: quoted line breaks keep it from being split), except where {@code files} has
   * a CSV file over {@link #LARGEST_UNSPREAD}: then dealt round-robin into {@link #partitions}, so
   * that the passes after classification (counting, duplicates, the writes) do not run on one core
   * for that file, nor keep a partition of many gigabytes on disk.
   */
  public static Dataset<Row> spread(
      Dataset<Row> classified, List<LandingFile> files, int configured) {
    boolean large =
        files.stream()
            .anyMatch(f -> f.format() == LandingFile.Format.CSV && f.size() > LARGEST_UNSPREAD);
    long bytes = files.stream().mapToLong(LandingFile::size).sum();
    return large ? classified.repartition(partitions(bytes, configured)) : classified;
  }

  /**
   * {@code classified} with its {@code raw} text kept only where the row has a quarantine reason:
   * only {@link #quarantined} writes it, and an accepted row's raw text would otherwise be carried
   * (to disk, where the ingest step keeps the batch) and read again on every pass over the batch.
   */
  public static Dataset<Row> rawOfQuarantinedOnly(Dataset<Row> classified) {
    return classified.withColumn(
        Columns.RAW, when(col(Columns.REASON).isNotNull(), col(Columns.RAW)));
  }

  /** Counts the rows of a batch marked by {@link Duplicates}, in one pass over it. */
  public static BatchCounts count(Dataset<Row> marked) {
    Row n =
        marked
            .agg(
                functions.count(lit(1)),
                sum(when(col(Columns.REASON).isNotNull(), 1).otherwise(0)),
                sum(when(col(Duplicates.DUPLICATE), 1).otherwise(0)),
                sum(when(col(Columns.REASON).equalTo(Reasons.ERASED_CUSTOMER), 1).otherwise(0)))
            .head();
    long read = n.getLong(0);
    // the sums of no rows are null
    long quarantined = read == 0 ? 0 : n.getLong(1);
    long duplicate = read == 0 ? 0 : n.getLong(2);
    long erased = read == 0 ? 0 : n.getLong(3);
    return new BatchCounts(read, read - quarantined - duplicate, quarantined, duplicate, erased);
  }

  /**
   * The rows of {@code bronze.<source>}: those with no reason that are not duplicates, without the
   * lineage and mark columns, tagged with the batch and run.
   */
  public static Dataset<Row> accepted(Dataset<Row> marked, long batchId, String runId) {
    return marked
        .where(col(Columns.REASON).isNull().and(not(col(Duplicates.DUPLICATE))))
        .drop(
            Columns.RAW,
            Columns.REASON,
            Columns.DETAIL,
            Duplicates.DUPLICATE,
            RowRules.KNOWN_CUSTOMER)
        .withColumn(Columns.BATCH_ID, lit(batchId))
        .withColumn(Columns.RUN_ID, lit(runId));
  }

  /**
   * The rows of {@code bronze.quarantine}: those with a reason, as {@code source, reason, detail,
   * raw, file, run_id, batch_id}, the raw text cut by {@link RecordRules#quarantineRaw}.
   */
  public static Dataset<Row> quarantined(
      Dataset<Row> marked, Source source, long batchId, String runId) {
    return marked
        .where(col(Columns.REASON).isNotNull())
        .select(
            lit(source.folder()).as(Columns.SOURCE),
            col(Columns.REASON),
            col(Columns.DETAIL),
            RecordRules.quarantineRaw(col(Columns.RAW), col(Columns.REASON)).as(Columns.RAW),
            col(Columns.FILE),
            lit(runId).as(Columns.RUN_ID),
            lit(batchId).as(Columns.BATCH_ID));
  }
}

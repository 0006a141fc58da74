package io.cxgap.common.ingest;

import static org.apache.spark.sql.functions.col;

import io.cxgap.common.Columns;
import io.cxgap.common.landing.LandingFile;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a run does with the landing files (DESIGN.md §4, §6): which files make a new batch, and what
 * becomes of the pending batch of a run that died — resumed with exactly its files, abandoned, or
 * refused when part of it was written and a file of it is gone.
 */
public final class BatchRecovery {
  private BatchRecovery() {}

  /** What is done with a pending batch. */
  public enum Action {
    /** Every file is still listed: the batch is redone with exactly its files. */
    RESUME,
    /** A file is gone and no row of the batch was written: the batch is dropped. */
    ABANDON,
    /** A file is gone and rows of the batch were written: the batch cannot complete. */
    FAIL
  }

  /** The paths of {@code batch} that {@code listed} no longer holds, in the batch's order. */
  public static List<String> gone(List<LandingFile> batch, List<LandingFile> listed) {
    Set<String> present = new HashSet<>();
    listed.forEach(f -> present.add(f.path()));
    return batch.stream().map(LandingFile::path).filter(p -> !present.contains(p)).toList();
  }

  /**
   * The action for a pending batch of which {@code gone} files are gone; {@code landed} (whether
   * any row of the batch was written) is asked only when a file is gone.
   */
  public static Action action(List<String> gone, BooleanSupplier landed) {
    if (gone.isEmpty()) {
      return Action.RESUME;
    }
    return landed.getAsBoolean() ? Action.FAIL : Action.ABANDON;
  }

  /** The files of {@code listed} whose paths no batch has taken, in listed order. */
  public static List<LandingFile> fresh(List<LandingFile> listed, Set<String> known) {
    return listed.stream().filter(f -> !known.contains(f.path())).toList();
  }

  /** Whether {@code table} (a bronze source table) holds a row of batch {@code batchId}. */
  public static boolean holds(Dataset<Row> table, long batchId) {
    return !table.where(col(Columns.BATCH_ID).equalTo(batchId)).limit(1).isEmpty();
  }

  /** Whether {@code quarantine} holds a row of {@code source}'s batch {@code batchId}. */
  public static boolean holds(Dataset<Row> quarantine, String source, long batchId) {
    return !quarantine
        .where(col(Columns.SOURCE).equalTo(source).and(col(Columns.BATCH_ID).equalTo(batchId)))
        .limit(1)
        .isEmpty();
  }
}

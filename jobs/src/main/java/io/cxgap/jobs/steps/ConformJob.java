package io.cxgap.jobs.steps;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Columns;
import io.cxgap.common.Table;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.transform.CustomersAsOf;
import io.cxgap.common.transform.Normalise;
import io.cxgap.jobs.runstate.FaultPoints;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze → silver (DESIGN.md §2): the CRM state as of the end of D (one slice of {@code
 * silver.customers} per as_of_date, no personal data), and the survey items and interactions of
 * every bronze batch not yet conformed, normalised. Silver's newest batch id says which batches it
 * holds; an append is one commit, so a rerun adds nothing twice.
 */
public final class ConformJob {
  private ConformJob() {}

  /** The run log's words for a warehouse without channel logs (DESIGN.md §4). */
  static final String NO_INTERACTIONS =
      "no interactions found (silver.interactions is empty): friction columns are contacts = 0"
          + " and null rates";

  public static StepResult run(JobContext ctx) {
    Map<String, Long> counts = new TreeMap<>();
    String bronzeCustomers = ctx.table(Table.BRONZE_CUSTOMERS);
    long customers = 0;
    if (DeltaIO.exists(ctx.spark(), bronzeCustomers)) {
      Dataset<Row> asOf =
          CustomersAsOf.asOf(
              DeltaIO.read(ctx.spark(), bronzeCustomers),
              ctx.date(),
              ctx.config().segmentDimensions());
      String path = ctx.table(Table.SILVER_CUSTOMERS);
      DeltaIO.replaceDate(asOf, path, ctx.date());
      customers = DeltaIO.readDate(ctx.spark(), path, ctx.date()).count();
    }
    counts.put("customers.as_of", customers);
    FaultPoints.hit("conform.customers");
    Set<Table> empty = EnumSet.noneOf(Table.class);
    long items =
        conformNew(
            ctx, Table.BRONZE_SURVEYS, Table.SURVEY_ITEMS, Normalise::surveyItems, counts, empty);
    FaultPoints.hit("conform.survey_items");
    long contacts =
        conformNew(
            ctx,
            Table.BRONZE_INTERACTIONS,
            Table.SILVER_INTERACTIONS,
            Normalise::interactions,
            counts,
            empty);
    long inversions = counts.getOrDefault(INVERSIONS, 0L);
    String msg =
        String.format(
            Locale.ROOT,
            "customers as of %s: %d; new survey items: %d, %d of them zone-of-tolerance inversions (adequate > expectation) kept for the gap without zone values; new interactions: %d",
            ctx.date(),
            customers,
            items,
            inversions,
            contacts);
    for (Table t : empty) {
      msg += t == Table.SILVER_INTERACTIONS ? "; " + NO_INTERACTIONS : "; " + t + " is empty";
    }
    return new StepResult(items + contacts, customers + items + contacts, 0, msg, counts);
  }

  /** The run-log count of the new survey items with adequate > expectation (DESIGN.md §4). */
  static final String INVERSIONS = Table.SURVEY_ITEMS.id() + ".zot_inversions";

  /**
   * Appends the bronze batches newer than silver's newest, transformed; returns rows added. Where
   * the transformed rows carry {@code zot_inversion}, their inversions are counted in the same
   * pass. Adds {@code silverTable} to {@code empty} where it holds no row after this.
   */
  private static long conformNew(
      JobContext ctx,
      Table bronzeTable,
      Table silverTable,
      UnaryOperator<Dataset<Row>> transform,
      Map<String, Long> counts,
      Set<Table> empty) {
    String bronzePath = ctx.table(bronzeTable);
    String silverPath = ctx.table(silverTable);
    if (!DeltaIO.exists(ctx.spark(), bronzePath)) {
      counts.put(silverTable.id() + ".added", 0L);
      empty.add(silverTable);
      return 0;
    }
    long done = maxBatch(DeltaIO.readIfExists(ctx.spark(), silverPath).orElse(null));
    Dataset<Row> bronze = DeltaIO.read(ctx.spark(), bronzePath);
    long newest = maxBatch(bronze);
    long added = 0;
    if (newest > done) {
      Dataset<Row> out = transform.apply(bronze.where(col(Columns.BATCH_ID).gt(done)));
      if (Arrays.asList(out.columns()).contains(Columns.ZOT_INVERSION)) {
        Row n = out.agg(count(lit(1)), Normalise.inversions()).head();
        added = n.getLong(0);
        counts.put(INVERSIONS, n.getLong(1));
      } else {
        added = out.count();
      }
      DeltaIO.append(out, silverPath);
    } else if (!DeltaIO.exists(ctx.spark(), silverPath)) {
      // a source without rows so far (DESIGN.md §4 "Survey-only programs"): its silver table is
      // created empty, with the schema the transform gives, so the gold steps read it as empty
      DeltaIO.append(transform.apply(bronze.limit(0)), silverPath);
    }
    counts.put(silverTable.id() + ".added", added);
    if (done == 0 && added == 0) {
      empty.add(silverTable);
    }
    return added;
  }

  private static long maxBatch(Dataset<Row> df) {
    if (df == null) {
      return 0;
    }
    Row r = df.agg(max(col(Columns.BATCH_ID))).head();
    return r.isNullAt(0) ? 0 : r.getLong(0);
  }
}

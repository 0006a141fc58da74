package io.cxgap.common.drivers;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Moments of truth, gold.touchpoint_driver (DESIGN.md §5): per as_of_date and touchpoint, how much
 * of the variation in customers' overall outcome the touchpoint's gap explains.
 *
 * <p>The customer matrix holds the customers with a survey item and an {@code overall_nps} in the
 * window: per touchpoint the customer's mean gap (unanswered: the mean of that column over the
 * customers of the matrix who answered it), against the customer's mean overall_nps × 10 (each
 * response counted once). It is reduced on the executors to its means and co-moments; only that k ×
 * k summary reaches the driver.
 *
 * <p>Columns: {@code as_of_date} (date), {@code window_days} (int), {@code touchpoint}, {@code
 * journey_stage}, {@code dimension} (strings, from the catalog), {@code customers} (long, customers
 * in the matrix), {@code respondents} (long, of those, the ones who answered the touchpoint),
 * {@code importance} (double, the touchpoint's LMG / Shapley share of R², ≥ 0; the date's
 * importances sum to {@code r2}; 0 for a gap that does not vary), {@code importance_share}
 * (importance / r2), {@code r2} (double, of the regression of the outcome on every touchpoint's
 * gap), {@code gap_mean} (double, the mean over the answering customers of their mean gap on the
 * touchpoint — customers without an overall_nps do not count, so it can differ from
 * gold.gap_segment_touchpoint, which averages item rows), {@code quadrant}, {@code priority_rank}
 * (int, 1 first, by importance_share × max(0, -gap_mean)), {@code method} ({@code lmg}, or {@code
 * relative_weights} above {@code cx.drivers.max-exact-touchpoints} varying touchpoints).
 *
 * <p>Touchpoints no customer of the matrix answered get no row. With fewer than 3 customers, an
 * outcome that does not vary, or R² not above 0, the date gets no rows and the message says why.
 */
public final class TouchpointDrivers {
  static final String CUSTOMERS = "customers";
  static final String RESPONDENTS = "respondents";
  static final String IMPORTANCE = "importance";
  static final String IMPORTANCE_SHARE = "importance_share";
  static final String R2 = "r2";
  static final String GAP_MEAN = "gap_mean";
  static final String QUADRANT = "quadrant";
  static final String PRIORITY_RANK = "priority_rank";
  static final String METHOD = "method";

  /** The schema of gold.touchpoint_driver. */
  public static final StructType SCHEMA =
      new StructType()
          .add(AS_OF_DATE, DataTypes.DateType, false)
          .add(WINDOW_DAYS, DataTypes.IntegerType, false)
          .add(TOUCHPOINT, DataTypes.StringType, false)
          .add(JOURNEY_STAGE, DataTypes.StringType, false)
          .add(DIMENSION, DataTypes.StringType, false)
          .add(CUSTOMERS, DataTypes.LongType, false)
          .add(RESPONDENTS, DataTypes.LongType, false)
          .add(IMPORTANCE, DataTypes.DoubleType, false)
          .add(IMPORTANCE_SHARE, DataTypes.DoubleType, false)
          .add(R2, DataTypes.DoubleType, false)
          .add(GAP_MEAN, DataTypes.DoubleType, false)
          .add(QUADRANT, DataTypes.StringType, false)
          .add(PRIORITY_RANK, DataTypes.IntegerType, false)
          .add(METHOD, DataTypes.StringType, false);

  private TouchpointDrivers() {}

  /**
   * What a run found: the rows (empty when there is no fit), the matrix's counts and a one-line
   * summary for the run log.
   */
  public record Result(
      List<DriverRow> rows,
      long customersWithResponse,
      long customers,
      long items,
      String message) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  /**
   * Decomposes the outcome's R² over the catalog's touchpoints.
   *
   * @param windowItems silver survey items of the window (customer_id, response_id, touchpoint,
   *     gap, overall_nps)
   * @param maxExactTouchpoints above this many varying touchpoints, relative weights replace LMG
   */
  public static Result compute(
      Dataset<Row> windowItems, TouchpointCatalog catalog, int maxExactTouchpoints) {
    List<String> ids =
        catalog.touchpoints().stream().map(Touchpoint::id).collect(Collectors.toList());
    // the moments take two passes over the matrix (means, then co-moments about them): keep it
    // rather than aggregate the window's items into it twice
    Dataset<Row> matrix =
        CustomerMatrix.perCustomer(windowItems, ids).persist(StorageLevel.MEMORY_AND_DISK());
    Moments m;
    try {
      m = CustomerMatrix.moments(matrix, ids);
    } finally {
      matrix.unpersist();
    }
    DriverFit.Result f = DriverFit.of(m, maxExactTouchpoints);
    String counts =
        String.format(
            Locale.ROOT,
            "%d customers with a response in the window, %d with an overall_nps; %d touchpoints answered",
            m.customersWithResponse(),
            m.n(),
            m.k());
    if (f.fit() == null) {
      return new Result(
          List.of(),
          m.customersWithResponse(),
          m.n(),
          m.items(),
          counts + "; no rows: " + f.noFitReason());
    }
    List<DriverRow> rows = DriverTable.rows(m, f.fit(), catalog);
    String top =
        rows.stream()
            .sorted(Comparator.comparingDouble(DriverRow::importance).reversed())
            .limit(3)
            .map(DriverRow::touchpoint)
            .collect(Collectors.joining(", "));
    String msg =
        String.format(
            Locale.ROOT,
            "%s; R² %.3f (%s); most important: %s",
            counts,
            f.fit().r2(),
            f.fit().method(),
            top);
    return new Result(rows, m.customersWithResponse(), m.n(), m.items(), msg);
  }

  /** The rows as one as_of_date's slice of gold.touchpoint_driver, sorted by touchpoint. */
  public static Dataset<Row> table(
      SparkSession spark, LocalDate asOf, int windowDays, List<DriverRow> rows) {
    List<Row> out = new ArrayList<>(rows.size());
    Date d = Date.valueOf(asOf);
    for (DriverRow r : rows) {
      out.add(
          RowFactory.create(
              d,
              windowDays,
              r.touchpoint(),
              r.journeyStage(),
              r.dimension(),
              r.customers(),
              r.respondents(),
              r.importance(),
              r.importanceShare(),
              r.r2(),
              r.gapMean(),
              r.quadrant(),
              r.priorityRank(),
              r.method()));
    }
    return spark.createDataFrame(out, SCHEMA).orderBy(TOUCHPOINT);
  }
}

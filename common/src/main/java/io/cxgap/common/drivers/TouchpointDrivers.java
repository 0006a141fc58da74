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
 * relative_weights} above {@code cx.drivers.max-exact-touchpoints} varying touchpoints), {@code
 * importance_ci95_low/high} and {@code share_ci95_low/high} (doubles, 2.5th and 97.5th percentiles
 * over {@code cx.drivers.bootstrap} Poisson(1) replicates, each refitted with one more predictor of
 * seeded N(0,1) noise; the share leaves the noise's importance out of R²), {@code significant}
 * (boolean, the 2.5th percentile of importance − the noise's importance is above 0). The intervals
 * and {@code significant} are null when the bootstrap is off or the matrix has fewer than max(50,
 * 10 · touchpoints) customers; a touchpoint that is not significant gets no {@code priority_rank}.
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
  static final String IMPORTANCE_CI95_LOW = "importance_ci95_low";
  static final String IMPORTANCE_CI95_HIGH = "importance_ci95_high";
  static final String SHARE_CI95_LOW = "share_ci95_low";
  static final String SHARE_CI95_HIGH = "share_ci95_high";
  static final String SIGNIFICANT = "significant";

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
          .add(PRIORITY_RANK, DataTypes.IntegerType, true)
          .add(METHOD, DataTypes.StringType, false)
          .add(IMPORTANCE_CI95_LOW, DataTypes.DoubleType, true)
          .add(IMPORTANCE_CI95_HIGH, DataTypes.DoubleType, true)
          .add(SHARE_CI95_LOW, DataTypes.DoubleType, true)
          .add(SHARE_CI95_HIGH, DataTypes.DoubleType, true)
          .add(SIGNIFICANT, DataTypes.BooleanType, true);

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
   * The bootstrap's settings: {@code replicates} (0: no intervals), drawn from {@code seed} and the
   * as_of_date {@code date}.
   */
  public record Bootstrap(int replicates, long seed, LocalDate date) {
    /** No intervals. */
    public static final Bootstrap OFF = new Bootstrap(0, 0, LocalDate.EPOCH);
  }

  /** {@link #compute(Dataset, TouchpointCatalog, int, Bootstrap)} without intervals. */
  public static Result compute(
      Dataset<Row> windowItems, TouchpointCatalog catalog, int maxExactTouchpoints) {
    return compute(windowItems, catalog, maxExactTouchpoints, Bootstrap.OFF);
  }

  /**
   * Decomposes the outcome's R² over the catalog's touchpoints, with bootstrap intervals.
   *
   * @param windowItems silver survey items of the window (customer_id, response_id, touchpoint,
   *     gap, overall_nps)
   * @param maxExactTouchpoints above this many varying touchpoints, relative weights replace LMG
   */
  public static Result compute(
      Dataset<Row> windowItems,
      TouchpointCatalog catalog,
      int maxExactTouchpoints,
      Bootstrap bootstrap) {
    List<String> ids =
        catalog.touchpoints().stream().map(Touchpoint::id).collect(Collectors.toList());
    // the moments take two passes over the matrix (means, then co-moments about them) and the
    // bootstrap a third: keep it rather than aggregate the window's items into it again
    Dataset<Row> matrix =
        CustomerMatrix.perCustomer(windowItems, ids).persist(StorageLevel.MEMORY_AND_DISK());
    Moments m;
    DriverFit.Result f;
    DriverIntervals intervals = null;
    String bootstrapNote;
    try {
      m = CustomerMatrix.moments(matrix, ids);
      f = DriverFit.of(m, maxExactTouchpoints);
      if (f.fit() == null || bootstrap.replicates() == 0) {
        bootstrapNote = "";
      } else if (m.n() < DriverIntervals.minCustomers(m.k())) {
        bootstrapNote =
            String.format(
                Locale.ROOT,
                "; no intervals: fewer than %d customers",
                DriverIntervals.minCustomers(m.k()));
      } else if (DriverFit.LMG.equals(f.fit().method())
          && !DriverIntervals.exactAffordable(bootstrap.replicates(), m.k())) {
        bootstrapNote =
            String.format(
                Locale.ROOT,
                "; no intervals: %d replicates of LMG over %d touchpoints and the noise predictor"
                    + " would fit %d subsets; lower cx.drivers.max-exact-touchpoints below %d to"
                    + " bootstrap relative weights, or lower cx.drivers.bootstrap",
                bootstrap.replicates(),
                m.k(),
                (long) bootstrap.replicates() << (m.k() + 1),
                m.k());
      } else {
        ReplicateSums sums =
            ReplicatePass.sums(
                matrix, m, bootstrap.seed(), bootstrap.date(), bootstrap.replicates());
        intervals = DriverIntervals.of(sums, m, DriverFit.LMG.equals(f.fit().method()));
        bootstrapNote =
            intervals == null
                ? "; no intervals: no bootstrap replicate gave a fit"
                : String.format(
                    Locale.ROOT,
                    "; %d of %d bootstrap replicates fitted, %d touchpoints significant",
                    intervals.replicates(),
                    bootstrap.replicates(),
                    countTrue(intervals.significant()));
      }
    } finally {
      matrix.unpersist();
    }
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
    List<DriverRow> rows = DriverTable.rows(m, f.fit(), intervals, catalog);
    String top =
        rows.stream()
            .sorted(Comparator.comparingDouble(DriverRow::importance).reversed())
            .limit(3)
            .map(DriverRow::touchpoint)
            .collect(Collectors.joining(", "));
    String msg =
        String.format(
            Locale.ROOT,
            "%s; R² %.3f (%s); most important: %s%s",
            counts,
            f.fit().r2(),
            f.fit().method(),
            top,
            bootstrapNote);
    return new Result(rows, m.customersWithResponse(), m.n(), m.items(), msg);
  }

  private static int countTrue(boolean[] v) {
    int n = 0;
    for (boolean b : v) {
      n += b ? 1 : 0;
    }
    return n;
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
              r.method(),
              r.importanceCi95Low(),
              r.importanceCi95High(),
              r.shareCi95Low(),
              r.shareCi95High(),
              r.significant()));
    }
    return spark.createDataFrame(out, SCHEMA).orderBy(TOUCHPOINT);
  }
}

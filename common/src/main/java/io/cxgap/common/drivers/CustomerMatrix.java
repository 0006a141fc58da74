package io.cxgap.common.drivers;

import static io.cxgap.common.Columns.*;
import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

/**
 * The customer-level matrix of DESIGN.md §5 gold.touchpoint_driver and its moments.
 *
 * <p>{@link #perCustomer} is a pure transform: one row per customer with a survey item in the
 * window, the customer's mean gap per touchpoint (null where unanswered) and the outcome, the mean
 * {@code overall_nps} × 10 over the customer's responses (each response counted once, not once per
 * item; null without any overall_nps). {@link #moments} reduces it in two aggregations — the column
 * means, then every co-moment with unanswered cells imputed by those means — and brings only the k
 * × k result to the driver.
 */
final class CustomerMatrix {
  static final String OUTCOME = "outcome";
  static final String ITEMS = "items";
  private static final String RESPONSE_NPS = "response_nps";

  private CustomerMatrix() {}

  /** The matrix column of a touchpoint's mean gap. */
  static String gapColumn(String touchpoint) {
    return "gap_" + touchpoint;
  }

  /**
   * One row per customer with an item in {@code windowItems}: {@code customer_id}, {@code items},
   * {@code outcome} and {@code gap_<touchpoint>} for each of {@code touchpoints}. Items on other
   * touchpoints count in {@code items} only.
   */
  static Dataset<Row> perCustomer(Dataset<Row> windowItems, List<String> touchpoints) {
    List<Column> perResponse = new ArrayList<>();
    perResponse.add(avg(col(OVERALL_NPS)).as(RESPONSE_NPS));
    perResponse.add(count(lit(1)).as(ITEMS));
    for (int i = 0; i < touchpoints.size(); i++) {
      Column gap = when(col(TOUCHPOINT).equalTo(touchpoints.get(i)), col(GAP));
      perResponse.add(sum(gap).as("s" + i));
      perResponse.add(count(gap).as("c" + i));
    }
    Dataset<Row> responses =
        agg(
            windowItems
                .where(col(CUSTOMER_ID).isNotNull())
                .groupBy(col(CUSTOMER_ID), col(RESPONSE_ID)),
            perResponse);

    List<Column> perCustomer = new ArrayList<>();
    perCustomer.add(sum(col(ITEMS)).as(ITEMS));
    perCustomer.add(avg(col(RESPONSE_NPS)).multiply(10.0).as(OUTCOME));
    for (int i = 0; i < touchpoints.size(); i++) {
      Column answered = sum(col("c" + i));
      perCustomer.add(
          when(answered.gt(0), sum(col("s" + i)).divide(answered))
              .as(gapColumn(touchpoints.get(i))));
    }
    return agg(responses.groupBy(col(CUSTOMER_ID)), perCustomer);
  }

  /**
   * The moments of the matrix: customers with an outcome only; touchpoints that none of them
   * answered are left out. Two aggregations over {@code perCustomer}, each collecting one row.
   */
  static Moments moments(Dataset<Row> perCustomer, List<String> touchpoints) {
    int k = touchpoints.size();
    Column inMatrix = col(OUTCOME).isNotNull();
    List<Column> first = new ArrayList<>();
    first.add(count(lit(1)));
    first.add(coalesce(sum(col(ITEMS)), lit(0L)));
    first.add(count(col(OUTCOME)));
    first.add(avg(col(OUTCOME)));
    for (String t : touchpoints) {
      Column gap = when(inMatrix, col(gapColumn(t)));
      first.add(count(gap));
      first.add(avg(gap));
    }
    Row r = agg(perCustomer.groupBy(), first).head();
    long customers = r.getLong(0);
    long items = r.getLong(1);
    long n = r.getLong(2);
    double outcomeMean = r.isNullAt(3) ? Double.NaN : r.getDouble(3);

    List<String> answered = new ArrayList<>();
    List<Long> respondents = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      long c = r.getLong(4 + 2 * i);
      if (c > 0) {
        answered.add(touchpoints.get(i));
        respondents.add(c);
        means.add(r.getDouble(5 + 2 * i));
      }
    }
    double[] m = means.stream().mapToDouble(Double::doubleValue).toArray();
    long[] resp = respondents.stream().mapToLong(Long::longValue).toArray();
    int a = answered.size();
    double[][] cxx = new double[a][a];
    double[] cxy = new double[a];
    double cyy = 0;
    if (n > 0) {
      Row s = coMoments(perCustomer.where(inMatrix), answered, m, outcomeMean);
      int at = 0;
      for (int i = 0; i < a; i++) {
        for (int j = i; j < a; j++) {
          cxx[i][j] = s.getDouble(at++);
          cxx[j][i] = cxx[i][j];
        }
      }
      for (int i = 0; i < a; i++) {
        cxy[i] = s.getDouble(at++);
      }
      cyy = s.getDouble(at);
    }
    return new Moments(answered, customers, items, n, resp, m, outcomeMean, cxx, cxy, cyy);
  }

  /** Σ d_i d_j (i ≤ j), Σ d_i d_y, Σ d_y² with d = imputed value − column mean, in one agg. */
  private static Row coMoments(
      Dataset<Row> matrix, List<String> touchpoints, double[] means, double outcomeMean) {
    int a = touchpoints.size();
    Column[] d = new Column[a];
    for (int i = 0; i < a; i++) {
      // an unanswered cell is imputed by the column mean, so its deviation is 0
      d[i] = coalesce(col(gapColumn(touchpoints.get(i))).minus(lit(means[i])), lit(0.0));
    }
    Column dy = col(OUTCOME).minus(lit(outcomeMean));
    List<Column> sums = new ArrayList<>();
    for (int i = 0; i < a; i++) {
      for (int j = i; j < a; j++) {
        sums.add(sum(d[i].multiply(d[j])));
      }
    }
    for (int i = 0; i < a; i++) {
      sums.add(sum(d[i].multiply(dy)));
    }
    sums.add(sum(dy.multiply(dy)));
    return agg(matrix.groupBy(), sums).head();
  }

  private static Dataset<Row> agg(RelationalGroupedDataset grouped, List<Column> columns) {
    return grouped.agg(columns.get(0), columns.subList(1, columns.size()).toArray(new Column[0]));
  }
}

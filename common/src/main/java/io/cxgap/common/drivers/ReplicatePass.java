package io.cxgap.common.drivers;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The driver bootstrap's one pass over the customer matrix (DESIGN.md §5): every customer adds its
 * centred variables' co-moment terms to every replicate with its Poisson(1) weight there, in one
 * {@code treeAggregate}; only the replicates' sums reach the driver.
 *
 * <p>The variables, in order: each touchpoint of the moments (gap − the matrix mean of the column;
 * 0 where unanswered, i.e. imputed by that mean as in the estimate), the customer's N(0,1) noise,
 * and the outcome − its mean.
 */
final class ReplicatePass {
  private ReplicatePass() {}

  /** Index of the noise variable among {@code k} touchpoints: k; the outcome is k + 1. */
  static int noise(int k) {
    return k;
  }

  static ReplicateSums sums(
      Dataset<Row> perCustomer, Moments m, long seed, LocalDate date, int replicates) {
    int k = m.k();
    List<Column> cols = new ArrayList<>();
    cols.add(col(CUSTOMER_ID));
    cols.add(col(CustomerMatrix.OUTCOME));
    for (String t : m.touchpoints()) {
      cols.add(col(CustomerMatrix.gapColumn(t)));
    }
    Dataset<Row> rows =
        perCustomer
            .where(col(CustomerMatrix.OUTCOME).isNotNull())
            .select(cols.toArray(new Column[0]));
    Adder add = new Adder(m.means(), m.outcomeMean(), seed, date, replicates);
    Function2<ReplicateSums, ReplicateSums, ReplicateSums> merge = ReplicateSums::merge;
    return rows.javaRDD().treeAggregate(new ReplicateSums(replicates, k + 2), add, merge);
  }

  /** One customer row (customer_id, outcome, gaps…) into the sums. */
  static final class Adder implements Function2<ReplicateSums, Row, ReplicateSums> {
    private static final long serialVersionUID = 1L;
    private final double[] means;
    private final double outcomeMean;
    private final long seed;
    private final LocalDate date;
    private final int replicates;

    Adder(double[] means, double outcomeMean, long seed, LocalDate date, int replicates) {
      this.means = means.clone();
      this.outcomeMean = outcomeMean;
      this.seed = seed;
      this.date = date;
      this.replicates = replicates;
    }

    @Override
    public ReplicateSums call(ReplicateSums sums, Row r) {
      int k = means.length;
      int[] weights = new int[replicates];
      double[] d = new double[k + 2];
      d[noise(k)] = BootstrapDraws.draw(BootstrapDraws.seed(seed, date, r.getString(0)), weights);
      d[k + 1] = r.getDouble(1) - outcomeMean;
      for (int i = 0; i < k; i++) {
        d[i] = r.isNullAt(2 + i) ? 0.0 : r.getDouble(2 + i) - means[i];
      }
      return sums.add(ReplicateSums.terms(d), weights);
    }
  }
}

package io.cxgap.common.stats;

import static org.apache.spark.sql.functions.udf;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.StatisticalSummaryValues;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Student's t and Welch's t-test from summary statistics (DESIGN.md §5 gap intervals, gap_trend,
 * initiative_check), the distribution functions Spark has no built-in for, from commons-math3. They
 * run on small tables of aggregated cells, never per item row.
 */
public final class TTests {
  private TTests() {}

  /** Student's t quantile t(0.975, n-1); null for n < 2. */
  public static Double t975(Long n) {
    if (n == null || n < 2) {
      return null;
    }
    return new TDistribution(null, n - 1.0).inverseCumulativeProbability(0.975);
  }

  /** Student's t quantile t(0.975, df) for real degrees of freedom; null unless df > 0. */
  public static Double t975Df(Double df) {
    if (df == null || !(df > 0) || df.isInfinite()) {
      return null;
    }
    return new TDistribution(null, df).inverseCumulativeProbability(0.975);
  }

  /** Two-sided p of Welch's t-test from two samples' mean, variance and size; null if undefined. */
  public static Double welchP(Double m1, Double v1, Long n1, Double m2, Double v2, Long n2) {
    if (m1 == null
        || m2 == null
        || v1 == null
        || v2 == null
        || n1 == null
        || n2 == null
        || n1 < 2
        || n2 < 2) {
      return null;
    }
    if (v1 == 0 && v2 == 0) {
      return m1.equals(m2) ? 1.0 : 0.0;
    }
    return new TTest()
        .tTest(
            new StatisticalSummaryValues(m1, v1, n1, 0, 0, 0),
            new StatisticalSummaryValues(m2, v2, n2, 0, 0, 0));
  }

  /** {@code t(0.975, n-1)} of a long count column. */
  public static final UserDefinedFunction T975 =
      udf((UDF1<Long, Double>) TTests::t975, DataTypes.DoubleType);

  /** {@code t(0.975, df)} of a double degrees-of-freedom column. */
  public static final UserDefinedFunction T975_DF =
      udf((UDF1<Double, Double>) TTests::t975Df, DataTypes.DoubleType);

  /** {@link #welchP} over (mean, variance, n) of two samples. */
  public static final UserDefinedFunction WELCH_P =
      udf(
          (UDF6<Double, Double, Long, Double, Double, Long, Double>) TTests::welchP,
          DataTypes.DoubleType);
}

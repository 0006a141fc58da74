package io.cxgap.common.clusters;

import static io.cxgap.common.Columns.CUSTOMER_ID;
import static io.cxgap.common.Columns.GAP;
import static io.cxgap.common.Columns.TOUCHPOINT;
import static io.cxgap.common.Columns.WAIT_S;
import static org.apache.spark.sql.functions.*;

import io.cxgap.common.transform.Friction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The customer feature vectors pain clusters are built from (DESIGN.md §5): one row per customer
 * with at least one survey item in the window.
 *
 * <ul>
 *   <li>per catalog touchpoint, {@code max(0, -mean gap) / 100}, 0 where the customer did not
 *       answer it;
 *   <li>{@code friction_abandon = w · (abandoned + 5·base) / (contacts + 5)}, and the same for
 *       {@code friction_repeat}: the customer's share shrunk toward the window's base rate with a
 *       prior of 5 contacts;
 *   <li>{@code friction_wait = w · min(1, ((Σ wait_s + 5·mean wait) / (n_wait + 5)) / cap)}, where
 *       {@code n_wait} counts the customer's contacts that have a {@code wait_s}: a contact without
 *       one is unknown, not zero, as in the base mean wait.
 * </ul>
 *
 * {@code w} is {@code cx.clusters.friction-weight}, {@code cap} is {@code cx.clusters.wait-cap-s}.
 */
public final class PainFeatures {
  public static final String FRICTION_ABANDON = "friction_abandon";
  public static final String FRICTION_REPEAT = "friction_repeat";
  public static final String FRICTION_WAIT = "friction_wait";

  /** Weight of the window's base rate in each friction feature, in contacts. */
  public static final double PRIOR_CONTACTS = 5;

  static final String CONTACTS = "_contacts";
  static final String ABANDONED = "_abandoned";
  static final String REPEATS = "_repeats";
  static final String WAIT_SUM = "_wait_sum";
  static final String WAIT_N = "_wait_n";

  private PainFeatures() {}

  /**
   * The window's friction base rates over all its contacts: abandoned share, repeat share, and the
   * mean {@code wait_s} of the contacts that have one; 0 where the window has none.
   */
  public record BaseRates(double abandon, double repeat, double meanWait) implements Serializable {
    /** One aggregation over the per-customer {@link #contactTotals} (sums of sums). */
    public static BaseRates of(Dataset<Row> contactTotals) {
      Row r =
          contactTotals
              .agg(
                  sum(col(CONTACTS)).cast("double"),
                  sum(col(ABANDONED)).cast("double"),
                  sum(col(REPEATS)).cast("double"),
                  sum(col(WAIT_SUM)).cast("double"),
                  sum(col(WAIT_N)).cast("double"))
              .head();
      return new BaseRates(ratio(r, 1, 0), ratio(r, 2, 0), ratio(r, 3, 4));
    }

    /**
     * {@code num / den}, and 0 over no contacts: a base rate over none is undefined. A window with
     * no contacts at all (a survey-only program, DESIGN.md §4) thus gets 0 for every friction
     * feature and baseline, not NaN, and clusters form on the touchpoint gaps alone.
     */
    private static double ratio(Row r, int num, int den) {
      return r.isNullAt(den) || r.getDouble(den) == 0 ? 0.0 : r.getDouble(num) / r.getDouble(den);
    }
  }

  /**
   * Per customer with a contact in the window: contacts, abandoned contacts, repeat contacts, the
   * sum of {@code wait_s} and the number of contacts that have one.
   *
   * @param flaggedContacts the window's contacts with {@link Friction} flags
   */
  public static Dataset<Row> contactTotals(Dataset<Row> flaggedContacts) {
    return flaggedContacts
        .groupBy(col(CUSTOMER_ID))
        .agg(
            count(lit(1)).as(CONTACTS),
            sum(when(col(Friction.IS_ABANDONED), 1).otherwise(0)).as(ABANDONED),
            sum(when(col(Friction.IS_REPEAT), 1).otherwise(0)).as(REPEATS),
            sum(col(WAIT_S).cast("double")).as(WAIT_SUM),
            count(col(WAIT_S)).as(WAIT_N));
  }

  /** Feature names in vector order: the touchpoint ids, then the three friction features. */
  public static List<String> names(List<String> touchpointIds) {
    List<String> n = new ArrayList<>(touchpointIds);
    n.add(FRICTION_ABANDON);
    n.add(FRICTION_REPEAT);
    n.add(FRICTION_WAIT);
    return List.copyOf(n);
  }

  /**
   * Each feature's value for a customer without pain and without contacts: 0 on touchpoints, the
   * weighted base rate on friction. Labels measure friction against it (see {@link ClusterLabels}).
   */
  public static Map<String, Double> baseline(
      List<String> touchpointIds, BaseRates base, double frictionWeight, double waitCapS) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String t : touchpointIds) {
      m.put(t, 0.0);
    }
    m.put(FRICTION_ABANDON, frictionWeight * base.abandon());
    m.put(FRICTION_REPEAT, frictionWeight * base.repeat());
    m.put(FRICTION_WAIT, frictionWeight * Math.min(1.0, base.meanWait() / waitCapS));
    return m;
  }

  /**
   * {@code customer_id} and {@code features} (a Spark ML vector in {@link #names} order) per
   * customer with an item in {@code windowItems}.
   *
   * @param windowItems silver survey items of the window
   * @param contactTotals {@link #contactTotals} of the window's contacts
   */
  public static Dataset<Row> build(
      Dataset<Row> windowItems,
      Dataset<Row> contactTotals,
      BaseRates base,
      List<String> touchpointIds,
      double frictionWeight,
      double waitCapS) {
    List<Column> meanGaps = new ArrayList<>();
    for (int i = 0; i < touchpointIds.size(); i++) {
      meanGaps.add(avg(when(col(TOUCHPOINT).equalTo(touchpointIds.get(i)), col(GAP))).as("_g" + i));
    }
    Dataset<Row> pains =
        windowItems
            .groupBy(col(CUSTOMER_ID))
            .agg(meanGaps.get(0), meanGaps.subList(1, meanGaps.size()).toArray(new Column[0]));
    List<Column> values = new ArrayList<>();
    for (int i = 0; i < touchpointIds.size(); i++) {
      values.add(greatest(lit(0.0), negate(col("_g" + i))).divide(100.0));
    }
    values.add(shrunk(col(ABANDONED), col(CONTACTS), base.abandon()).multiply(frictionWeight));
    values.add(shrunk(col(REPEATS), col(CONTACTS), base.repeat()).multiply(frictionWeight));
    Column meanWait = shrunk(col(WAIT_SUM), col(WAIT_N), base.meanWait());
    values.add(least(lit(1.0), meanWait.divide(waitCapS)).multiply(frictionWeight));
    return pains
        .join(contactTotals, pains.col(CUSTOMER_ID).equalTo(contactTotals.col(CUSTOMER_ID)), "left")
        .select(
            pains.col(CUSTOMER_ID),
            org.apache
                .spark
                .ml
                .functions
                .array_to_vector(array(values.toArray(new Column[0])))
                .as(ClusterColumns.FEATURES));
  }

  /** {@code (x + prior·base) / (n + prior)}, with no contacts counting as x = n = 0. */
  private static Column shrunk(Column x, Column n, double base) {
    double prior = PRIOR_CONTACTS;
    return coalesce(x, lit(0)).plus(prior * base).divide(coalesce(n, lit(0)).plus(prior));
  }
}

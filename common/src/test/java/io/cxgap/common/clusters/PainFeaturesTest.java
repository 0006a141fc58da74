package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.clusters.PainFeatures.BaseRates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The feature formulas of DESIGN.md §5 on three customers, worked by hand.
 *
 * <p>Contacts in the window: C1 has three (one abandoned waiting 600 s, one repeat waiting 1200 s,
 * one without a wait), C3 two (one abandoned waiting 300 s, one waiting 5900 s), C2 none. The
 * window's base: abandoned 2/5 = 0.4, repeats 1/5 = 0.2, mean wait (600+1200+300+5900)/4 = 2000 s.
 * C3 answered no survey, so it is not clustered, but its contacts count in the base.
 */
class PainFeaturesTest extends SparkTestBase {
  static final List<String> TOUCHPOINTS = List.of("billing", "app", "delivery");
  static final double W = 0.5;
  static final double CAP = 1800;

  private static Dataset<Row> items() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("touchpoint", DataTypes.StringType)
            .add("gap", DataTypes.DoubleType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("C1", "billing", -40.0),
                RowFactory.create("C1", "billing", -20.0),
                RowFactory.create("C1", "app", 10.0),
                RowFactory.create("C2", "app", -10.0),
                RowFactory.create("C2", "delivery", -50.0),
                RowFactory.create("C2", "billing", 5.0)),
            s);
  }

  private static Dataset<Row> contacts() {
    StructType s =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("is_abandoned", DataTypes.BooleanType)
            .add("is_repeat", DataTypes.BooleanType)
            .add("wait_s", DataTypes.DoubleType);
    return spark()
        .createDataFrame(
            List.of(
                RowFactory.create("C1", true, false, 600.0),
                RowFactory.create("C1", false, true, 1200.0),
                RowFactory.create("C1", false, false, null),
                RowFactory.create("C3", true, false, 300.0),
                RowFactory.create("C3", false, false, 5900.0)),
            s);
  }

  private static Map<String, double[]> features(double weight) {
    Dataset<Row> totals = PainFeatures.contactTotals(contacts());
    BaseRates base = BaseRates.of(totals);
    Map<String, double[]> out = new HashMap<>();
    for (Row r :
        PainFeatures.build(items(), totals, base, TOUCHPOINTS, weight, CAP).collectAsList()) {
      out.put(r.getString(0), ((Vector) r.get(1)).toArray());
    }
    return out;
  }

  @Test
  void baseRates_areTheWindowsShares_andTheMeanOfKnownWaits() {
    BaseRates b = BaseRates.of(PainFeatures.contactTotals(contacts()));
    assertThat(b.abandon()).isCloseTo(0.4, within(1e-12));
    assertThat(b.repeat()).isCloseTo(0.2, within(1e-12));
    assertThat(b.meanWait()).isCloseTo(2000.0, within(1e-9));
  }

  @Test
  void onlyCustomersWithASurveyItem_getFeatures_inNamedOrder() {
    assertThat(features(W).keySet()).containsExactlyInAnyOrder("C1", "C2");
    assertThat(PainFeatures.names(TOUCHPOINTS))
        .containsExactly(
            "billing", "app", "delivery", "friction_abandon", "friction_repeat", "friction_wait");
  }

  @Test
  void touchpointFeature_isMinusTheMeanGapOver100_zeroWhenPositiveOrUnanswered() {
    double[] c1 = features(W).get("C1");
    double[] c2 = features(W).get("C2");
    assertThat(c1[0]).as("C1 billing: mean gap (-40-20)/2 = -30").isCloseTo(0.30, within(1e-12));
    assertThat(c1[1]).as("C1 app: gap +10").isZero();
    assertThat(c1[2]).as("C1 delivery: unanswered").isZero();
    assertThat(c2[0]).as("C2 billing: gap +5").isZero();
    assertThat(c2[1]).as("C2 app: gap -10").isCloseTo(0.10, within(1e-12));
    assertThat(c2[2]).as("C2 delivery: gap -50").isCloseTo(0.50, within(1e-12));
  }

  @Test
  void frictionFeatures_areShrunkTowardTheBase_withAPriorOfFiveContacts() {
    double[] c1 = features(W).get("C1");
    // abandoned: 0.5 * (1 + 5*0.4) / (3 + 5) = 0.5 * 3/8
    assertThat(c1[3]).isCloseTo(0.5 * 3.0 / 8.0, within(1e-12));
    // repeats: 0.5 * (1 + 5*0.2) / (3 + 5) = 0.5 * 2/8
    assertThat(c1[4]).isCloseTo(0.5 * 2.0 / 8.0, within(1e-12));
    // wait: two contacts with a wait: 0.5 * ((600 + 1200 + 5*2000) / (2 + 5)) / 1800
    assertThat(c1[5]).isCloseTo(0.5 * (11800.0 / 7.0) / 1800.0, within(1e-12));
  }

  @Test
  void aCustomerWithoutContacts_sitsAtTheBase_andTheWaitIsCapped() {
    double[] c2 = features(W).get("C2");
    assertThat(c2[3]).as("abandoned: 0.5 * 0.4").isCloseTo(0.2, within(1e-12));
    assertThat(c2[4]).as("repeats: 0.5 * 0.2").isCloseTo(0.1, within(1e-12));
    assertThat(c2[5]).as("wait: 0.5 * min(1, 2000/1800)").isCloseTo(0.5, within(1e-12));
  }

  @Test
  void theFrictionWeight_scalesOnlyFriction() {
    double[] c1 = features(1.0).get("C1");
    assertThat(c1[0]).isCloseTo(0.30, within(1e-12));
    assertThat(c1[3]).isCloseTo(3.0 / 8.0, within(1e-12));
    assertThat(c1[4]).isCloseTo(2.0 / 8.0, within(1e-12));
    assertThat(c1[5]).isCloseTo((11800.0 / 7.0) / 1800.0, within(1e-12));
  }

  @Test
  void baseline_isZeroOnTouchpoints_andTheWeightedBaseOnFriction() {
    Map<String, Double> b =
        PainFeatures.baseline(TOUCHPOINTS, new BaseRates(0.4, 0.2, 900), W, CAP);
    assertThat(b)
        .containsExactly(
            Map.entry("billing", 0.0),
            Map.entry("app", 0.0),
            Map.entry("delivery", 0.0),
            Map.entry("friction_abandon", 0.2),
            Map.entry("friction_repeat", 0.1),
            Map.entry("friction_wait", 0.25));
  }

  @Test
  void noContactsAtAll_giveBaseRatesOfZero_andFrictionFeaturesOfZero_notNaN() {
    // a survey-only program (DESIGN.md §4): a base rate over no contacts is undefined; 0 is chosen
    Dataset<Row> totals = PainFeatures.contactTotals(contacts().limit(0));
    BaseRates base = BaseRates.of(totals);
    assertThat(base).isEqualTo(new BaseRates(0, 0, 0));
    assertThat(PainFeatures.baseline(TOUCHPOINTS, base, W, CAP).values()).containsOnly(0.0);
    List<Row> rows = PainFeatures.build(items(), totals, base, TOUCHPOINTS, W, CAP).collectAsList();
    assertThat(rows).hasSize(2);
    for (Row r : rows) {
      double[] f = ((Vector) r.get(1)).toArray();
      assertThat(new double[] {f[3], f[4], f[5]})
          .as("friction features of %s", r.getString(0))
          .containsExactly(0.0, 0.0, 0.0);
    }
  }
}

package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;

/** The customer matrix of DESIGN.md §5 gold.touchpoint_driver, its imputation and its moments. */
class CustomerMatrixTest extends SparkTestBase {
  static final StructType ITEMS =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("response_id", DataTypes.StringType)
          .add("touchpoint", DataTypes.StringType)
          .add("gap", DataTypes.DoubleType)
          .add("overall_nps", DataTypes.DoubleType);

  /** Survey items: {customer, response, touchpoint, gap, nps (null: not given)}. */
  static Dataset<Row> items(Object[]... rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create(r));
    }
    return spark().createDataFrame(out, ITEMS);
  }

  /*
   * A answers t1 (-10) and t2 (20) in one response, nps 6          → t1 -10,  t2 20,   outcome 60
   * B answers t1 in two responses: -30 with nps 4, -20 with nps 5  → t1 -25,  t2 —,    outcome 45
   * C answers t2 (0), nps 8                                        → t1 —,    t2 0,    outcome 80
   * D answers t1 (50) and t3 (10) without an overall_nps           → not in the matrix
   * Matrix: n = 3; t3 is answered by nobody in it and is left out.
   * Column means over the answering matrix customers: t1 (-10 - 25) / 2 = -17.5 (D's 50 does not
   * count), t2 (20 + 0) / 2 = 10; outcome (60 + 45 + 80) / 3 = 185/3.
   * Imputed: B's t2 = 10, C's t1 = -17.5. Deviations: t1 7.5 -7.5 0; t2 10 0 -10;
   * outcome -5/3 -50/3 55/3.
   * Σd1² = 112.5, Σd2² = 200, Σd1d2 = 75, Σd1dy = -12.5 + 125 = 112.5,
   * Σd2dy = -50/3 - 550/3 = -200, Σdy² = (25 + 2500 + 3025) / 9 = 5550/9.
   */
  static Dataset<Row> threeCustomers() {
    return items(
        new Object[] {"A", "R1", "t1", -10.0, 6.0},
        new Object[] {"A", "R1", "t2", 20.0, 6.0},
        new Object[] {"B", "R2", "t1", -30.0, 4.0},
        new Object[] {"B", "R3", "t1", -20.0, 5.0},
        new Object[] {"C", "R4", "t2", 0.0, 8.0},
        new Object[] {"D", "R5", "t1", 50.0, null},
        new Object[] {"D", "R5", "t3", 10.0, null});
  }

  static final List<String> T123 = List.of("t1", "t2", "t3");

  @Test
  void unansweredCells_takeTheColumnMeanOverAnsweringMatrixCustomers() {
    Moments m = CustomerMatrix.moments(CustomerMatrix.perCustomer(threeCustomers(), T123), T123);
    assertThat(m.customersWithResponse()).as("customers with a response").isEqualTo(4);
    assertThat(m.items()).isEqualTo(7);
    assertThat(m.n()).as("customers in the matrix").isEqualTo(3);
    assertThat(m.touchpoints())
        .as("t3 answered by nobody in the matrix")
        .containsExactly("t1", "t2");
    assertThat(m.respondents()).containsExactly(2, 2);
    assertThat(m.means()).containsExactly(new double[] {-17.5, 10}, within(1e-12));
    assertThat(m.outcomeMean()).isCloseTo(185.0 / 3, within(1e-12));
    assertThat(m.cxx()[0][0]).isCloseTo(112.5, within(1e-9));
    assertThat(m.cxx()[1][1]).isCloseTo(200, within(1e-9));
    assertThat(m.cxx()[0][1]).isCloseTo(75, within(1e-9));
    assertThat(m.cxx()[1][0]).isCloseTo(75, within(1e-9));
    assertThat(m.cxy()).containsExactly(new double[] {112.5, -200}, within(1e-9));
    assertThat(m.cyy()).isCloseTo(5550.0 / 9, within(1e-9));
  }

  @Test
  void outcome_isTheMeanOverResponses_eachCountedOnce_times10() {
    // R1 has three items with nps 2, R2 one item with nps 8: per response (2 + 8) / 2 = 5 → 50
    // (per item it would be (2 + 2 + 2 + 8) / 4 = 3.5).
    Dataset<Row> one =
        items(
            new Object[] {"A", "R1", "t1", -10.0, 2.0},
            new Object[] {"A", "R1", "t2", -10.0, 2.0},
            new Object[] {"A", "R1", "t3", -10.0, 2.0},
            new Object[] {"A", "R2", "t1", 30.0, 8.0});
    Row a = CustomerMatrix.perCustomer(one, T123).head();
    assertThat(a.<Double>getAs("outcome")).isCloseTo(50.0, within(1e-12));
    assertThat(a.<Double>getAs("gap_t1")).as("mean of -10 and 30").isCloseTo(10.0, within(1e-12));
    assertThat(a.<Long>getAs("items")).isEqualTo(4);
  }

  @Test
  void noCustomerWithAnOverallNps_givesAnEmptyMatrix_withoutFailing() {
    Moments m =
        CustomerMatrix.moments(
            CustomerMatrix.perCustomer(items(new Object[] {"D", "R5", "t1", 50.0, null}), T123),
            T123);
    assertThat(m.n()).isZero();
    assertThat(m.customersWithResponse()).isEqualTo(1);
    assertThat(m.touchpoints()).isEmpty();
  }

  @Test
  void moments_costTwoGlobalAggregations() throws TimeoutException {
    Dataset<Row> perCustomer = CustomerMatrix.perCustomer(threeCustomers(), T123);
    AtomicInteger queries = new AtomicInteger();
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            queries.incrementAndGet();
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
        };
    spark().sparkContext().listenerBus().waitUntilEmpty();
    spark().listenerManager().register(listener);
    try {
      CustomerMatrix.moments(perCustomer, T123);
      spark().sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark().listenerManager().unregister(listener);
    }
    assertThat(queries.get())
        .as("Spark queries: the column means, then every co-moment")
        .isEqualTo(2);
  }
}

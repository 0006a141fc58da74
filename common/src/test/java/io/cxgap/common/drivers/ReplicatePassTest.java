package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.SparkTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The driver bootstrap's one pass (DESIGN.md §5): each replicate's moments against a direct
 * weighted computation, and the same sums whatever the partitioning.
 */
class ReplicatePassTest extends SparkTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final long SEED = 42;

  /*
   * Six customers of a matrix with touchpoints a and b; C3 did not answer b. Column means over
   * the answering customers: a (10 + 20 + 30 + 40 + 50 + 60) / 6 = 35, b (-5 + 0 + 5 + 15 + 20) / 5
   * = 7; outcome (60 + 70 + 80 + 90 + 100 + 50) / 6 = 75.
   */
  static final String[] IDS = {"C1", "C2", "C3", "C4", "C5", "C6"};
  static final double[] A = {10, 20, 30, 40, 50, 60};
  static final Double[] B = {-5.0, 0.0, null, 5.0, 15.0, 20.0};
  static final double[] Y = {60, 70, 80, 90, 100, 50};

  static Dataset<Row> matrix() {
    StructType schema =
        new StructType()
            .add("customer_id", DataTypes.StringType)
            .add("items", DataTypes.LongType)
            .add("outcome", DataTypes.DoubleType)
            .add("gap_a", DataTypes.DoubleType)
            .add("gap_b", DataTypes.DoubleType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < IDS.length; i++) {
      rows.add(RowFactory.create(IDS[i], 2L, Y[i], A[i], B[i]));
    }
    // a customer without an outcome is not in the matrix
    rows.add(RowFactory.create("C7", 1L, null, 99.0, 99.0));
    return spark().createDataFrame(rows, schema);
  }

  static Moments moments() {
    double[][] zero = new double[2][2];
    return new Moments(
        List.of("a", "b"),
        7,
        13,
        6,
        new long[] {6, 5},
        new double[] {35, 7},
        75,
        zero,
        new double[2],
        0);
  }

  @Test
  void eachReplicatesMoments_matchAWeightedComputationOnTheImputedMatrix() {
    ReplicateSums sums = ReplicatePass.sums(matrix(), moments(), SEED, D, 5);
    for (int r = 0; r < 5; r++) {
      // the replicate's weights and the noise, drawn as the pass draws them
      double[] w = new double[6];
      double[][] x = new double[6][];
      for (int i = 0; i < 6; i++) {
        int[] weights = new int[5];
        double z = BootstrapDraws.draw(BootstrapDraws.seed(SEED, D, IDS[i]), weights);
        w[i] = weights[r];
        // columns a, b (C3's b imputed by the column mean 7), noise, outcome
        x[i] = new double[] {A[i], B[i] == null ? 7 : B[i], z, Y[i]};
      }
      double sw = 0;
      double[] mean = new double[4];
      for (int i = 0; i < 6; i++) {
        sw += w[i];
        for (int v = 0; v < 4; v++) {
          mean[v] += w[i] * x[i][v];
        }
      }
      for (int v = 0; v < 4; v++) {
        mean[v] /= sw;
      }
      double[][] c = new double[4][4];
      for (int i = 0; i < 6; i++) {
        for (int u = 0; u < 4; u++) {
          for (int v = 0; v < 4; v++) {
            c[u][v] += w[i] * (x[i][u] - mean[u]) * (x[i][v] - mean[v]);
          }
        }
      }
      Moments m = DriverIntervals.replicate(sums, r, moments());
      String at = "replicate " + r;
      assertThat(m.touchpoints()).containsExactly("a", "b", "noise");
      assertThat(m.n()).as(at).isEqualTo((long) sw);
      for (int u = 0; u < 3; u++) {
        assertThat(m.means()[u]).as(at + " mean " + u).isCloseTo(mean[u], within(1e-6));
        assertThat(m.cxy()[u]).as(at + " cxy " + u).isCloseTo(c[u][3], within(1e-5));
        for (int v = 0; v < 3; v++) {
          assertThat(m.cxx()[u][v]).as(at + " cxx " + u + v).isCloseTo(c[u][v], within(1e-5));
        }
      }
      assertThat(m.outcomeMean()).as(at).isCloseTo(mean[3], within(1e-6));
      assertThat(m.cyy()).as(at).isCloseTo(c[3][3], within(1e-5));
    }
  }

  @Test
  void theSums_areTheSameBitsWhateverThePartitioning_fromOneSparkJob() {
    ReplicateSums one = ReplicatePass.sums(matrix().repartition(1), moments(), SEED, D, 50);
    AtomicInteger jobs = new AtomicInteger();
    SparkListener count =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart start) {
            jobs.incrementAndGet();
          }
        };
    ReplicateSums three = ReplicatePass.sums(matrix().repartition(3), moments(), SEED, D, 50);
    // on a frame without a shuffle before it (the step's matrix is cached): one job for every
    // replicate
    ReplicateSums local =
        listening(count, () -> ReplicatePass.sums(matrix(), moments(), SEED, D, 50));
    for (int r = 0; r < 50; r++) {
      Moments a = DriverIntervals.replicate(one, r, moments());
      Moments b = DriverIntervals.replicate(three, r, moments());
      assertThat(b.cxx()).as("replicate " + r).isDeepEqualTo(a.cxx());
      assertThat(b.cxy()).as("replicate " + r).containsExactly(a.cxy());
      assertThat(b.cyy()).as("replicate " + r).isEqualTo(a.cyy());
      assertThat(DriverIntervals.replicate(local, r, moments()).cxx()).isDeepEqualTo(a.cxx());
    }
    assertThat(jobs.get()).as("Spark jobs of the pass").isEqualTo(1);
  }
}

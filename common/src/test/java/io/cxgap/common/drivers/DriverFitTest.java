package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** From the matrix's moments to R², importances and the method (DESIGN.md §5). */
class DriverFitTest {
  /*
   * The five customers of LmgTest as moments: x1 = 1 2 3 4 5, x2 = 2 1 4 3 5, y = 1 3 2 5 4.
   * Co-moments Σd1² = 10, Σd2² = 10, Σd1d2 = 8, Σd1dy = 8, Σd2dy = 3, Σdy² = 10.
   * R² = 173/180, importances 272/360 and 74/360.
   */
  static Moments twoPredictors() {
    return new Moments(
        List.of("a", "b"),
        5,
        10,
        5,
        new long[] {5, 5},
        new double[] {3, 3},
        3,
        new double[][] {{10, 8}, {8, 10}},
        new double[] {8, 3},
        10);
  }

  @Test
  void twoPredictors_fromMoments_giveTheHandWorkedR2AndImportances() {
    DriverFit fit = DriverFit.of(twoPredictors(), 16).fit();
    assertThat(fit.r2()).isCloseTo(173.0 / 180, within(1e-12));
    assertThat(fit.importance()[0]).isCloseTo(272.0 / 360, within(1e-12));
    assertThat(fit.importance()[1]).isCloseTo(74.0 / 360, within(1e-12));
    assertThat(fit.method()).isEqualTo("lmg");
  }

  @Test
  void constantColumn_getsImportanceZero_andTheOthersAreUnchanged() {
    // touchpoint "c" between a and b: every customer has gap 4 (co-moments 0).
    Moments m =
        new Moments(
            List.of("a", "c", "b"),
            5,
            15,
            5,
            new long[] {5, 5, 5},
            new double[] {3, 4, 3},
            3,
            new double[][] {{10, 0, 8}, {0, 0, 0}, {8, 0, 10}},
            new double[] {8, 0, 3},
            10);
    DriverFit.Result r = DriverFit.of(m, 16);
    assertThat(r.noFitReason()).isNull();
    assertThat(r.fit().importance())
        .containsExactly(new double[] {272.0 / 360, 0.0, 74.0 / 360}, within(1e-12));
    assertThat(r.fit().r2()).isCloseTo(173.0 / 180, within(1e-12));
  }

  @Test
  void aboveMaxExactTouchpoints_relativeWeightsReplaceLmg_andSaySo() {
    DriverFit fit = DriverFit.of(twoPredictors(), 1).fit();
    assertThat(fit.method()).isEqualTo("relative_weights");
    assertThat(fit.importance()[0] + fit.importance()[1])
        .as("still sums to R²")
        .isCloseTo(173.0 / 180, within(1e-12));
  }

  @Test
  void fewerThanThreeCustomers_noFit_andTheReasonSaysSo() {
    Moments m =
        new Moments(
            List.of("a"),
            2,
            2,
            2,
            new long[] {2},
            new double[] {0},
            50,
            new double[][] {{50}},
            new double[] {10},
            200);
    DriverFit.Result r = DriverFit.of(m, 16);
    assertThat(r.fit()).isNull();
    assertThat(r.noFitReason())
        .isEqualTo("2 customers with an overall_nps in the window, fewer than 3");
  }

  @Test
  void sameOutcomeForEveryone_noFit_R2Undefined() {
    Moments m =
        new Moments(
            List.of("a"),
            4,
            4,
            4,
            new long[] {4},
            new double[] {0},
            70,
            new double[][] {{50}},
            new double[] {0},
            0);
    DriverFit.Result r = DriverFit.of(m, 16);
    assertThat(r.fit()).isNull();
    assertThat(r.noFitReason()).contains("same mean overall_nps").contains("R² is undefined");
  }

  @Test
  void noVaryingGap_noFit_R2Undefined() {
    Moments m =
        new Moments(
            List.of("a"),
            4,
            4,
            4,
            new long[] {4},
            new double[] {-20},
            70,
            new double[][] {{0}},
            new double[] {0},
            300);
    DriverFit.Result r = DriverFit.of(m, 16);
    assertThat(r.fit()).isNull();
    assertThat(r.noFitReason()).contains("no touchpoint gap varies");
  }
}

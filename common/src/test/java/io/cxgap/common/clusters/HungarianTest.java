package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianTest {

  @Test
  void square_findsTheCheapestPermutation_workedByHand() {
    // The six permutations cost 6, 11, 5, 9, 7, 6: the cheapest is rows → columns (1, 0, 2).
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    assertThat(Hungarian.assign(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void square_isNotGreedy() {
    // Greedy takes (0,0) = 1 and is left with (1,1) = 100; the optimum is 2 + 2.
    double[][] cost = {{1, 2}, {2, 100}};
    assertThat(Hungarian.assign(cost)).containsExactly(1, 0);
  }

  @Test
  void square_matchesBruteForce_onSeededRandomMatrices() {
    SplittableRandom r = new SplittableRandom(42);
    for (int trial = 0; trial < 20; trial++) {
      int n = 2 + trial % 5;
      double[][] cost = random(r, n, n);
      int[] got = Hungarian.assign(cost);
      assertThat(distinctAssigned(got)).as("every row gets its own column").isEqualTo(n);
      assertThat(total(cost, got))
          .as("trial " + trial)
          .isCloseTo(bruteForceMin(cost), within(1e-12));
    }
  }

  @Test
  void moreRowsThanColumns_leavesTheCostliestRowsOut_workedByHand() {
    // Three new clusters, two old ones: the best pair of rows for columns (0, 1) is rows 2 → 0
    // (cost 1) and 0 → 1 (cost 2); row 1 stays unassigned.
    double[][] cost = {{9, 2}, {8, 7}, {1, 9}};
    assertThat(Hungarian.assign(cost)).containsExactly(1, -1, 0);
  }

  @Test
  void fewerRowsThanColumns_leavesColumnsUnused_workedByHand() {
    // Two new clusters, four old ones: row 0 → column 1 (1), row 1 → column 3 (1).
    double[][] cost = {{5, 1, 9, 4}, {2, 3, 8, 1}};
    assertThat(Hungarian.assign(cost)).containsExactly(1, 3);
  }

  @Test
  void rectangular_matchesBruteForce_bothWays() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      int rows = 1 + r.nextInt(6);
      int cols = 1 + r.nextInt(6);
      double[][] cost = random(r, rows, cols);
      int[] got = Hungarian.assign(cost);
      assertThat(distinctAssigned(got))
          .as(rows + "x" + cols + ": assigned rows")
          .isEqualTo(Math.min(rows, cols));
      assertThat(total(cost, got))
          .as(rows + "x" + cols)
          .isCloseTo(bruteForceMin(cost), within(1e-12));
    }
  }

  @Test
  void empty_assignsNothing() {
    assertThat(Hungarian.assign(new double[0][0])).isEmpty();
    assertThat(Hungarian.assign(new double[2][0])).containsExactly(-1, -1);
  }

  private static double[][] random(SplittableRandom r, int rows, int cols) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = r.nextDouble();
      }
    }
    return m;
  }

  private static long distinctAssigned(int[] a) {
    return java.util.Arrays.stream(a).filter(j -> j >= 0).distinct().count();
  }

  private static double total(double[][] cost, int[] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i] >= 0) {
        t += cost[i][a[i]];
      }
    }
    return t;
  }

  /** The cheapest way to pair min(rows, cols) rows with distinct columns, by enumeration. */
  private static double bruteForceMin(double[][] cost) {
    int rows = cost.length;
    int cols = cost[0].length;
    List<int[]> all = new ArrayList<>();
    enumerate(new int[rows], 0, new boolean[cols], Math.min(rows, cols), all);
    double best = Double.POSITIVE_INFINITY;
    for (int[] a : all) {
      best = Math.min(best, total(cost, a));
    }
    return best;
  }

  /** Every assignment of rows to distinct columns or -1 that uses exactly {@code want} columns. */
  private static void enumerate(int[] a, int row, boolean[] used, int want, List<int[]> out) {
    if (row == a.length) {
      if (distinctAssigned(a) == want) {
        out.add(a.clone());
      }
      return;
    }
    a[row] = -1;
    enumerate(a, row + 1, used, want, out);
    for (int j = 0; j < used.length; j++) {
      if (!used[j]) {
        used[j] = true;
        a[row] = j;
        enumerate(a, row + 1, used, want, out);
        used[j] = false;
      }
    }
    a[row] = -1;
  }
}

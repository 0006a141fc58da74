package io.cxgap.common.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.catalog.Touchpoint;
import io.cxgap.common.catalog.TouchpointCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Importance-performance quadrants and the priority rank (DESIGN.md §5). */
class DriverTableTest {
  /*
   * Four touchpoints, R² = 0.6: importance 0.30 0.20 0.05 0.05, gap_mean -20 10 -15 5.
   * Mean importance 0.15, mean gap (-20 + 10 - 15 + 5) / 4 = -5.
   *   a: 0.30 > 0.15, -20 < -5  → concentrate_here
   *   b: 0.20 > 0.15,  10 ≥ -5  → keep_up
   *   c: 0.05,        -15 < -5  → low_priority
   *   d: 0.05,          5 ≥ -5  → possible_overkill
   * Shares 0.5, 1/3, 1/12, 1/12; scores share × max(0, -gap) = 10, 0, 1.25, 0.
   * Ranks: a 1, c 2, then b and d tie at 0 and go by importance: b 3, d 4.
   */
  static final List<String> IDS = List.of("a", "b", "c", "d");

  static Moments moments() {
    double[][] cxx = new double[4][4]; // the table does not look at co-moments
    return new Moments(
        IDS,
        120,
        400,
        100,
        new long[] {90, 80, 70, 60},
        new double[] {-20, 10, -15, 5},
        70,
        cxx,
        new double[4],
        1);
  }

  static TouchpointCatalog catalog() {
    return new TouchpointCatalog(
        List.of(
            new Touchpoint("a", "A", "support", "responsiveness", List.of(), 0),
            new Touchpoint("b", "B", "usage", "reliability", List.of(), 0),
            new Touchpoint("c", "C", "purchase", "tangibles", List.of(), 0),
            new Touchpoint("d", "D", "renewal", "empathy", List.of(), 0)));
  }

  @Test
  void quadrants_followImportanceAndGapAgainstTheirMeans() {
    assertThat(DriverTable.quadrant(0.30, -20, 0.15, -5)).isEqualTo("concentrate_here");
    assertThat(DriverTable.quadrant(0.20, 10, 0.15, -5)).isEqualTo("keep_up");
    assertThat(DriverTable.quadrant(0.05, -15, 0.15, -5)).isEqualTo("low_priority");
    assertThat(DriverTable.quadrant(0.05, 5, 0.15, -5)).isEqualTo("possible_overkill");
  }

  @Test
  void quadrant_atExactlyTheMeans_isNotImportant_andPerformsWell() {
    assertThat(DriverTable.quadrant(0.15, -5, 0.15, -5)).isEqualTo("possible_overkill");
  }

  @Test
  void priorityRank_isByShareTimesNegativeGap_tiesByImportance() {
    int[] rank =
        DriverTable.priorityRanks(
            IDS,
            new double[] {0.30, 0.20, 0.05, 0.05},
            new double[] {0.5, 1.0 / 3, 1.0 / 12, 1.0 / 12},
            new double[] {-20, 10, -15, 5});
    assertThat(rank).containsExactly(1, 3, 2, 4);
  }

  @Test
  void priorityRank_fullTie_goesByTouchpointId() {
    int[] rank =
        DriverTable.priorityRanks(
            List.of("z", "y"),
            new double[] {0.1, 0.1},
            new double[] {0.5, 0.5},
            new double[] {3, 3});
    assertThat(rank).containsExactly(2, 1);
  }

  @Test
  void rows_carryCatalogAttributes_counts_shares_quadrantsAndRanks() {
    DriverFit fit = new DriverFit(0.6, new double[] {0.30, 0.20, 0.05, 0.05}, "lmg");
    List<DriverRow> rows = DriverTable.rows(moments(), fit, catalog());
    assertThat(rows).extracting(DriverRow::touchpoint).containsExactly("a", "b", "c", "d");
    assertThat(rows)
        .extracting(DriverRow::quadrant)
        .containsExactly("concentrate_here", "keep_up", "low_priority", "possible_overkill");
    assertThat(rows).extracting(DriverRow::priorityRank).containsExactly(1, 3, 2, 4);
    assertThat(rows)
        .extracting(DriverRow::journeyStage)
        .containsExactly("support", "usage", "purchase", "renewal");
    assertThat(rows)
        .extracting(DriverRow::dimension)
        .containsExactly("responsiveness", "reliability", "tangibles", "empathy");
    assertThat(rows).extracting(DriverRow::respondents).containsExactly(90L, 80L, 70L, 60L);
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.customers()).isEqualTo(100);
              assertThat(r.r2()).isEqualTo(0.6);
              assertThat(r.method()).isEqualTo("lmg");
            });
    assertThat(rows.get(0).importanceShare()).isCloseTo(0.5, within(1e-12));
    assertThat(rows.get(1).importanceShare()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(rows.get(2).importanceShare()).isCloseTo(1.0 / 12, within(1e-12));
    assertThat(rows.get(2).gapMean()).isEqualTo(-15.0);
  }

  @Test
  void significantRanks_renumberTheSignificantInOrder_andDropTheOthers() {
    // ranks 3 1 4 2; the second is not significant: by rank the significant are d (2), a (3),
    // c (4), which become 1, 2, 3
    assertThat(
            DriverTable.significantRanks(
                new int[] {3, 1, 4, 2}, new boolean[] {true, false, true, true}))
        .containsExactly(2, null, 3, 1);
    assertThat(DriverTable.significantRanks(new int[] {3, 1, 4, 2}, null))
        .as("without significance every rank stays")
        .containsExactly(3, 1, 4, 2);
  }
}

package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxgap.common.clusters.ClusterMatcher.Assigned;
import io.cxgap.common.clusters.ClusterMatcher.Previous;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterMatcherTest {
  static final double MAX = 0.5;

  @Test
  void eachCentroid_keepsTheIdOfItsNearestPreviousCentroid() {
    List<Previous> previous =
        List.of(
            new Previous(7, Map.of("a", 0.3, "b", 0.0)),
            new Previous(9, Map.of("a", 0.0, "b", 0.3)));
    List<Map<String, Double>> current =
        List.of(Map.of("a", 0.01, "b", 0.31), Map.of("a", 0.29, "b", 0.02));
    List<Assigned> got = ClusterMatcher.match(current, new long[] {10, 10}, previous, 9, MAX);
    assertThat(got.get(0).id()).isEqualTo(9);
    assertThat(got.get(0).matchDistance())
        .isCloseTo(Math.sqrt(0.01 * 0.01 + 0.01 * 0.01), within(1e-12));
    assertThat(got.get(1).id()).isEqualTo(7);
    assertThat(got.get(1).matchDistance())
        .isCloseTo(Math.sqrt(0.01 * 0.01 + 0.02 * 0.02), within(1e-12));
  }

  @Test
  void aMatchFartherThanTheMaximum_isANewCluster_withAnIdNeverUsedBefore() {
    // The only pairing puts (0, 0.4) against (0.3, 0): distance 0.5, above a maximum of 0.45.
    List<Previous> previous = List.of(new Previous(3, Map.of("a", 0.3, "b", 0.0)));
    List<Assigned> got =
        ClusterMatcher.match(
            List.of(Map.of("a", 0.0, "b", 0.4)), new long[] {10}, previous, 11, 0.45);
    assertThat(got).containsExactly(new Assigned(12, null));
    // At exactly the maximum the id is kept.
    got =
        ClusterMatcher.match(
            List.of(Map.of("a", 0.0, "b", 0.4)), new long[] {10}, previous, 11, 0.5);
    assertThat(got.get(0).id()).isEqualTo(3);
  }

  @Test
  void moreClustersThanLastNight_newOnesGetNewIds_largestFirst() {
    List<Previous> previous = List.of(new Previous(4, Map.of("a", 0.3, "b", 0.0)));
    List<Map<String, Double>> current =
        List.of(
            Map.of("a", 0.0, "b", 0.3), Map.of("a", 0.31, "b", 0.0), Map.of("a", 0.0, "b", 0.0));
    List<Assigned> got = ClusterMatcher.match(current, new long[] {5, 20, 50}, previous, 6, MAX);
    assertThat(got.get(1).id()).as("the cluster near last night's id 4").isEqualTo(4);
    assertThat(got.get(1).matchDistance()).isCloseTo(0.01, within(1e-12));
    assertThat(got.get(2)).as("the larger new cluster").isEqualTo(new Assigned(7, null));
    assertThat(got.get(0)).as("the smaller new cluster").isEqualTo(new Assigned(8, null));
  }

  @Test
  void fewerClustersThanLastNight_eachKeepsItsNearestId_theRestRetire() {
    List<Previous> previous =
        List.of(
            new Previous(1, Map.of("a", 0.3, "b", 0.0)),
            new Previous(2, Map.of("a", 0.0, "b", 0.3)),
            new Previous(3, Map.of("a", 0.0, "b", 0.0)));
    List<Map<String, Double>> current =
        List.of(Map.of("a", 0.0, "b", 0.02), Map.of("a", 0.02, "b", 0.29));
    List<Assigned> got = ClusterMatcher.match(current, new long[] {10, 10}, previous, 3, MAX);
    assertThat(got.get(0).id()).isEqualTo(3);
    assertThat(got.get(1).id()).isEqualTo(2);
  }

  @Test
  void aFirstRun_numbersClustersFromOne_largestFirst() {
    List<Map<String, Double>> current =
        List.of(Map.of("a", 0.0), Map.of("a", 0.3), Map.of("a", 0.6));
    List<Assigned> got = ClusterMatcher.match(current, new long[] {10, 30, 20}, List.of(), 0, MAX);
    assertThat(got)
        .containsExactly(new Assigned(3, null), new Assigned(1, null), new Assigned(2, null));
  }

  @Test
  void aFeatureMissingOnOneSide_countsAsZero() {
    // Last night's catalog had no touchpoint b: distance = |0.1 - 0|.
    assertThat(
            ClusterMatcher.distance(
                Map.of("a", 0.3, "b", 0.1), Map.of("a", 0.3), List.of("a", "b")))
        .isCloseTo(0.1, within(1e-12));
    List<Assigned> got =
        ClusterMatcher.match(
            List.of(Map.of("a", 0.3, "b", 0.1)),
            new long[] {1},
            List.of(new Previous(5, Map.of("a", 0.3, "c", 0.2))),
            5,
            MAX);
    assertThat(got.get(0).id()).isEqualTo(5);
    assertThat(got.get(0).matchDistance())
        .isCloseTo(Math.sqrt(0.1 * 0.1 + 0.2 * 0.2), within(1e-12));
  }
}

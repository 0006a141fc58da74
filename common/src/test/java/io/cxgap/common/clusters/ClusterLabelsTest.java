package io.cxgap.common.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterLabelsTest {
  static final Map<String, Double> NO_BASELINE = Map.of();

  private static Map<String, Double> centroid(Object... kv) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Double) kv[i + 1]);
    }
    return m;
  }

  @Test
  void label_namesTheTwoLargestPains_largestFirst() {
    Map<String, Double> c =
        centroid("billing", 0.32, "app", 0.06, "support_call", 0.35, "website", 0.01);
    List<String> top = ClusterLabels.topPains(c, NO_BASELINE);
    assertThat(top).containsExactly("support_call", "billing");
    assertThat(ClusterLabels.label(top)).isEqualTo("support_call + billing");
  }

  @Test
  void everyValueBelow005_isNoPain() {
    Map<String, Double> c = centroid("billing", 0.049, "app", 0.0, "support_call", 0.02);
    assertThat(ClusterLabels.topPains(c, NO_BASELINE)).isEmpty();
    assertThat(ClusterLabels.label(List.of())).isEqualTo("no pain");
  }

  @Test
  void exactly005_isAPain() {
    assertThat(ClusterLabels.topPains(centroid("app", 0.05, "billing", 0.0), NO_BASELINE))
        .containsExactly("app");
  }

  @Test
  void friction_countsOnlyAboveTheWindowsBaseLevel() {
    // friction_repeat 0.07 sits 0.01 above its baseline 0.06: not a pain. friction_wait 0.30 is
    // 0.20 above its baseline 0.10: a pain, ranked by that excess below billing's 0.25.
    Map<String, Double> baseline =
        centroid("billing", 0.0, "friction_repeat", 0.06, "friction_wait", 0.10);
    Map<String, Double> calm =
        centroid("billing", 0.01, "friction_repeat", 0.07, "friction_wait", 0.11);
    assertThat(ClusterLabels.label(ClusterLabels.topPains(calm, baseline))).isEqualTo("no pain");
    Map<String, Double> waiting =
        centroid("billing", 0.25, "friction_repeat", 0.07, "friction_wait", 0.30);
    assertThat(ClusterLabels.label(ClusterLabels.topPains(waiting, baseline)))
        .isEqualTo("billing + friction_wait");
  }

  @Test
  void ties_areBrokenByName() {
    assertThat(
            ClusterLabels.topPains(
                centroid("website", 0.2, "app", 0.2, "billing", 0.1), NO_BASELINE))
        .containsExactly("app", "website");
  }
}

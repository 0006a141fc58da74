package io.cxgap.common.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Readable cluster labels (DESIGN.md §5). A feature is a pain of a cluster when its centroid value
 * exceeds the feature's baseline by at least {@value #THRESHOLD}; the baseline is 0 for touchpoint
 * features and the window's weighted base rate for the friction features (every customer is shrunk
 * toward it, so friction at the base rate is no pain). {@code top_pains} are the at most {@value
 * #MAX_PAINS} largest pains, largest first (ties by name); the label joins them with {@code " + "},
 * or is {@value #NO_PAIN} when there is none.
 */
final class ClusterLabels {
  static final double THRESHOLD = 0.05;
  static final int MAX_PAINS = 2;
  static final String NO_PAIN = "no pain";
  static final String SEPARATOR = " + ";

  private ClusterLabels() {}

  static List<String> topPains(Map<String, Double> centroid, Map<String, Double> baseline) {
    List<Map.Entry<String, Double>> pains = new ArrayList<>();
    for (Map.Entry<String, Double> e : centroid.entrySet()) {
      double excess = e.getValue() - baseline.getOrDefault(e.getKey(), 0.0);
      if (excess >= THRESHOLD) {
        pains.add(Map.entry(e.getKey(), excess));
      }
    }
    pains.sort(
        Comparator.comparing((Map.Entry<String, Double> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey));
    return pains.stream().limit(MAX_PAINS).map(Map.Entry::getKey).toList();
  }

  static String label(List<String> topPains) {
    return topPains.isEmpty() ? NO_PAIN : String.join(SEPARATOR, topPains);
  }
}

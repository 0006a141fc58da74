package io.cxgap.common.clusters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stable cluster ids (DESIGN.md §5): tonight's centroids are matched to the previous run's by the
 * minimum total Euclidean distance ({@link Hungarian}). A match no farther than {@code
 * cx.clusters.max-match-distance} keeps the previous id; every other cluster gets a new id above
 * any id used before, the larger clusters first.
 */
final class ClusterMatcher {
  private ClusterMatcher() {}

  /** One cluster of the previous run: its id and centroid (feature name → value). */
  record Previous(int id, Map<String, Double> centroid) {}

  /**
   * The id a cluster gets, and the distance to the previous centroid it kept it from (null: new).
   */
  record Assigned(int id, Double matchDistance) {}

  /**
   * @param current tonight's centroids, by k-means index
   * @param sizes customers per current cluster, for the order new ids are given in
   * @param previous the previous run's clusters (empty on a first run)
   * @param maxIdUsed the largest id any earlier run used (0 when none)
   * @return one entry per current centroid, in the same order
   */
  static List<Assigned> match(
      List<Map<String, Double>> current,
      long[] sizes,
      List<Previous> previous,
      int maxIdUsed,
      double maxDistance) {
    List<String> features = features(current, previous);
    int k = current.size();
    double[][] cost = new double[k][previous.size()];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < previous.size(); j++) {
        cost[i][j] = distance(current.get(i), previous.get(j).centroid(), features);
      }
    }
    int[] pick = Hungarian.assign(cost);
    Assigned[] out = new Assigned[k];
    List<Integer> unmatched = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int j = pick[i];
      if (j >= 0 && cost[i][j] <= maxDistance) {
        out[i] = new Assigned(previous.get(j).id(), cost[i][j]);
      } else {
        unmatched.add(i);
      }
    }
    unmatched.sort(Comparator.<Integer>comparingLong(i -> -sizes[i]).thenComparing(i -> i));
    int next = Math.max(maxIdUsed, previous.stream().mapToInt(Previous::id).max().orElse(0));
    for (int i : unmatched) {
      out[i] = new Assigned(++next, null);
    }
    return List.of(out);
  }

  /** Euclidean distance over {@code features}; a feature missing from a centroid counts as 0. */
  static double distance(Map<String, Double> a, Map<String, Double> b, List<String> features) {
    double s = 0;
    for (String f : features) {
      double d = a.getOrDefault(f, 0.0) - b.getOrDefault(f, 0.0);
      s += d * d;
    }
    return Math.sqrt(s);
  }

  /** Tonight's features in order, then any the previous run had that tonight lacks (sorted). */
  private static List<String> features(List<Map<String, Double>> current, List<Previous> previous) {
    Set<String> f = new LinkedHashSet<>();
    current.forEach(c -> f.addAll(c.keySet()));
    Set<String> extra = new TreeSet<>();
    previous.forEach(p -> extra.addAll(p.centroid().keySet()));
    extra.removeAll(f);
    f.addAll(extra);
    return List.copyOf(f);
  }
}

package io.cxgap.common.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator planted in the survey scores beyond the rows themselves, for {@code
 * truth.json}: the three-column answers (adequate items and inversions among the rows that pass the
 * quality rules) and the dimension scores of the last window, computed the way {@code
 * gold.gap_dimension} scores them (DESIGN.md §5): each respondent's mean item gap per touchpoint,
 * their mean over the dimension's touchpoints they answered, then the mean over respondents. The
 * item gap is the latent one the written scores have in expectation, so the observed scores differ
 * from it by rounding noise only.
 */
final class PlantedScores {
  long adequateItems;
  long inversions;
  long windowAdequateItems;
  long windowInversions;

  /** Per dimension (catalog order of first appearance): the sum of respondent scores, and n. */
  final Map<String, double[]> dimensions = new LinkedHashMap<>();

  private final double[] tpSum = new double[Touchpoints.COUNT];
  private final long[] tpCount = new long[Touchpoints.COUNT];

  PlantedScores() {
    for (String d : Touchpoints.DIMENSIONS) {
      dimensions.putIfAbsent(d, new double[2]);
    }
  }

  /** A written item row that passes the quality rules. */
  void accepted(SurveyResponse.Item item, boolean inWindow) {
    if (item.adequate() != null) {
      boolean inversion = item.adequate() > item.expectation();
      adequateItems++;
      inversions += inversion ? 1 : 0;
      if (inWindow) {
        windowAdequateItems++;
        windowInversions += inversion ? 1 : 0;
      }
    }
    if (inWindow) {
      tpSum[item.touchpoint()] += item.latentGap();
      tpCount[item.touchpoint()]++;
    }
  }

  /** Ends one customer: folds their window items into the dimension scores. */
  void endCustomer() {
    for (String d : dimensions.keySet()) {
      double sum = 0;
      int answered = 0;
      List<String> dims = Touchpoints.DIMENSIONS;
      for (int t = 0; t < Touchpoints.COUNT; t++) {
        if (dims.get(t).equals(d) && tpCount[t] > 0) {
          sum += tpSum[t] / tpCount[t];
          answered++;
        }
      }
      if (answered > 0) {
        double[] acc = dimensions.get(d);
        acc[0] += sum / answered;
        acc[1]++;
      }
    }
    java.util.Arrays.fill(tpSum, 0);
    java.util.Arrays.fill(tpCount, 0);
  }
}

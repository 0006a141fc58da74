package io.cxgap.common.report;

import java.util.ArrayList;
import java.util.List;

/** A linear scale from a data domain to pixels, with round tick values. */
record Axis(double min, double max, double from, double to) {
  Axis {
    if (!(max > min)) {
      max = min + 1; // a constant series still gets a drawable axis
    }
  }

  double at(double v) {
    return from + (v - min) / (max - min) * (to - from);
  }

  /**
   * Round tick values (steps of 1, 2 or 5 × 10^n) inside the domain, about {@code count} of them.
   */
  List<Double> ticks(int count) {
    double step = niceStep((max - min) / Math.max(1, count));
    List<Double> out = new ArrayList<>();
    for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
      out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
    }
    return out;
  }

  /** The domain widened outward to multiples of the tick step, so the ends are round. */
  static Axis rounded(double min, double max, double from, double to, int count) {
    if (!(max > min)) {
      max = min + 1;
    }
    double step = niceStep((max - min) / Math.max(1, count));
    return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, from, to);
  }

  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * p;
  }
}

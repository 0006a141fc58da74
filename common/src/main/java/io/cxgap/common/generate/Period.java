package io.cxgap.common.generate;

import io.cxgap.common.generate.random.Timestamps;
import java.time.LocalDate;

/**
 * The generated period in epoch seconds (UTC): {@code [start, end)} covers the data days; the last
 * {@link LatentModel#WINDOW_DAYS} days from {@code windowStart} are the latest window.
 */
record Period(LocalDate startDate, LocalDate endDate, long start, long end, long windowStart) {

  static Period of(GeneratorOptions o) {
    LocalDate windowFrom = o.endDate().minusDays(LatentModel.WINDOW_DAYS - 1L);
    return new Period(
        o.startDate(),
        o.endDate(),
        Timestamps.startOfDay(o.startDate()),
        Timestamps.startOfDay(o.endDate().plusDays(1)),
        Timestamps.startOfDay(windowFrom));
  }

  LocalDate windowStartDate() {
    return endDate.minusDays(LatentModel.WINDOW_DAYS - 1L);
  }

  boolean inWindow(long t) {
    return t >= windowStart && t < end;
  }
}

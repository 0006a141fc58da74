package io.cxgap.jobs.options;

import io.cxgap.common.generate.GeneratorOptions;
import picocli.CommandLine.Option;

/**
 * How much sample data to generate and how much of it to break on purpose (DESIGN.md §3): the
 * {@code --days} and {@code --messy-rate} options of {@code cxgap generate} and of the benchmark,
 * as a picocli mixin.
 */
public final class SampleDataOptions {
  @Option(
      names = "--days",
      paramLabel = "N",
      description = "days of data (default ${DEFAULT-VALUE})")
  int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(
      names = "--messy-rate",
      paramLabel = "R",
      description = "share of rows broken on purpose (default ${DEFAULT-VALUE})")
  double messyRate = GeneratorOptions.DEFAULT_MESSY_RATE;

  /** The {@code --days} of data ending at the last day. */
  public int days() {
    return days;
  }

  /** The {@code --messy-rate}: the share of rows broken on purpose. */
  public double messyRate() {
    return messyRate;
  }
}

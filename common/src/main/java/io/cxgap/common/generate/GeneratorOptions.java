package io.cxgap.common.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Options of {@code cxgap generate} (DESIGN.md §3): where to write the landing zone and how much
 * sample data to plant in it.
 *
 * @param out landing root to write {@code customers/}, {@code surveys/}, {@code interactions/} and
 *     {@code truth.json} into
 * @param customers number of customers, at least 1
 * @param days number of days of survey and interaction data ending at {@code endDate}, at least 1
 * @param endDate last day of data (UTC), inclusive
 * @param seed seed of every random choice; the same options give byte-identical files
 * @param messyRate probability that a row is corrupted to break one landing rule, in [0, 0.5)
 */
public record GeneratorOptions(
    Path out, int customers, int days, LocalDate endDate, long seed, double messyRate) {

  public static final int DEFAULT_CUSTOMERS = 2000;
  public static final int DEFAULT_DAYS = 180;
  public static final LocalDate DEFAULT_END_DATE = LocalDate.of(2026, 10, 31);
  public static final long DEFAULT_SEED = 42L;
  public static final double DEFAULT_MESSY_RATE = 0.02;

  public GeneratorOptions {
    Objects.requireNonNull(out, "generate: --out is required");
    Objects.requireNonNull(endDate, "generate: --end-date is required");
    if (customers < 1) {
      throw new IllegalArgumentException(
          "generate: --customers must be at least 1, got " + customers);
    }
    if (days < 1) {
      throw new IllegalArgumentException("generate: --days must be at least 1, got " + days);
    }
    if (!(messyRate >= 0.0 && messyRate < 0.5)) {
      throw new IllegalArgumentException(
          "generate: --messy-rate must be in [0, 0.5), got " + messyRate);
    }
  }

  /** The defaults of DESIGN.md §3 writing into {@code out}. */
  public static GeneratorOptions defaults(Path out) {
    return new GeneratorOptions(
        out, DEFAULT_CUSTOMERS, DEFAULT_DAYS, DEFAULT_END_DATE, DEFAULT_SEED, DEFAULT_MESSY_RATE);
  }

  public GeneratorOptions withCustomers(int n) {
    return new GeneratorOptions(out, n, days, endDate, seed, messyRate);
  }

  public GeneratorOptions withDays(int n) {
    return new GeneratorOptions(out, customers, n, endDate, seed, messyRate);
  }

  public GeneratorOptions withEndDate(LocalDate d) {
    return new GeneratorOptions(out, customers, days, d, seed, messyRate);
  }

  public GeneratorOptions withSeed(long s) {
    return new GeneratorOptions(out, customers, days, endDate, s, messyRate);
  }

  public GeneratorOptions withMessyRate(double r) {
    return new GeneratorOptions(out, customers, days, endDate, seed, r);
  }

  /** First day of data (UTC), inclusive. */
  public LocalDate startDate() {
    return endDate.minusDays(days - 1L);
  }
}

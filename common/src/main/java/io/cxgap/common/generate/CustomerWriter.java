package io.cxgap.common.generate;

import static io.cxgap.common.Columns.*;

import io.cxgap.common.generate.files.CsvWriter;
import io.cxgap.common.generate.files.LandingOutput;
import io.cxgap.common.generate.files.PlantedReasons;
import io.cxgap.common.generate.files.Tally;
import io.cxgap.common.generate.random.Rng;
import io.cxgap.common.generate.random.Timestamps;
import io.cxgap.common.landing.Source;
import io.cxgap.common.quality.Reasons;
import java.util.SplittableRandom;

/**
 * Writes CRM versions (DESIGN.md §4 {@code customers/}): signup versions spread over {@code
 * customers-1..n.csv} by id range, later versions in {@code customers-<n+1>.csv}. A corrupted row
 * is an extra copy of a clean version, so every customer keeps a resolvable clean version.
 */
final class CustomerWriter {
  /** The CRM columns in the contract's order (DESIGN.md §4). */
  static final String HEADER = String.join(",", Source.CUSTOMERS.columns()) + "\n";

  private final GeneratorOptions options;
  private final LandingOutput out;
  private final Tally tally;
  private final PlantedReasons.Cycle cycle =
      new PlantedReasons.Cycle(PlantedReasons.CUSTOMER_REASONS);
  private final int signupFiles;

  CustomerWriter(GeneratorOptions options, LandingOutput out, Tally tally) {
    this.options = options;
    this.out = out;
    this.tally = tally;
    this.signupFiles = Math.min(3, options.customers());
  }

  void write(CustomerPlan c, SplittableRandom formats) {
    SplittableRandom mess = Rng.stream(options.seed(), Rng.MESS_CUSTOMERS, c.index());
    long block = (long) (c.index() - 1) * signupFiles / options.customers();
    String signupFile = "customers/customers-" + (block + 1) + ".csv";
    String updateFile = "customers/customers-" + (signupFiles + 1) + ".csv";
    writeVersion(c, c.first(), signupFile, formats, mess, true);
    if (c.update() != null) {
      writeVersion(c, c.update(), updateFile, formats, mess, true);
    }
    if (c.future() != null) {
      // never corrupted: a run for the end date filters it out by date before any rule applies
      writeVersion(c, c.future(), updateFile, formats, mess, false);
    }
  }

  private void writeVersion(
      CustomerPlan c,
      CustomerPlan.Version v,
      String file,
      SplittableRandom formats,
      SplittableRandom mess,
      boolean mayCorrupt) {
    Object[] row = {
      c.id(),
      c.fullName(),
      c.email(),
      c.phone(),
      v.segment(),
      v.region(),
      v.tier(),
      Timestamps.date(c.first().updatedAt()),
      Timestamps.mixed(formats, v.updatedAt())
    };
    out.write(file, HEADER, CsvWriter.line(row));
    tally.row(PlantedReasons.CUSTOMERS, file, false, 1);
    if (mayCorrupt && mess.nextDouble() < options.messyRate()) {
      String reason = cycle.next();
      Object[] bad = row.clone();
      if (reason.equals(Reasons.MISSING_REQUIRED)) {
        bad[cycle.variant() % 2 == 0 ? 0 : 8] = "";
      } else {
        bad[8] = "not-a-date";
      }
      out.write(file, HEADER, CsvWriter.line(bad));
      tally.bad(PlantedReasons.CUSTOMERS, reason, file, false, 1);
    }
  }
}

package io.cxgap.jobs.cli;

import io.cxgap.common.generate.GenerationSummary;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.options.Args;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cxgap generate}: a landing zone of sample data with planted truth (no Spark). */
@Command(
    name = "generate",
    description = "write sample landing data with planted truth (truth.json)")
public final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "landing root to write")
  Path out;

  @Option(
      names = "--customers",
      paramLabel = "N",
      description = "customers (default ${DEFAULT-VALUE})")
  int customers = GeneratorOptions.DEFAULT_CUSTOMERS;

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "days of data (default ${DEFAULT-VALUE})")
  int days = GeneratorOptions.DEFAULT_DAYS;

  @Option(
      names = "--end-date",
      paramLabel = "YYYY-MM-DD",
      description = "last day of data (default 2026-10-31)")
  String endDate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed = GeneratorOptions.DEFAULT_SEED;

  @Option(
      names = "--messy-rate",
      paramLabel = "R",
      description = "share of rows broken on purpose (default ${DEFAULT-VALUE})")
  double messyRate = GeneratorOptions.DEFAULT_MESSY_RATE;

  @Override
  public Integer call() {
    GeneratorOptions o =
        options(
            out,
            customers,
            days,
            endDate == null ? null : Args.parseDate(endDate).toString(),
            seed,
            messyRate);
    GenerationSummary s = SampleGenerator.generate(o);
    System.out.println("generated " + s);
    return 0;
  }

  static GeneratorOptions options(
      Path out, int customers, int days, String endDate, long seed, double messy) {
    try {
      return new GeneratorOptions(
          out,
          customers,
          days,
          endDate == null ? GeneratorOptions.DEFAULT_END_DATE : java.time.LocalDate.parse(endDate),
          seed,
          messy);
    } catch (IllegalArgumentException e) {
      throw io.cxgap.common.CxErrors.usage("generate: %s", e.getMessage());
    }
  }
}

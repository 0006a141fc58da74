package io.cxgap.jobs.cli;

import io.cxgap.common.generate.GenerationSummary;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.SampleDataOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      names = "--end-date",
      paramLabel = "YYYY-MM-DD",
      description = "last day of data (default 2026-10-31)")
  String endDate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "random seed (default ${DEFAULT-VALUE})")
  long seed = GeneratorOptions.DEFAULT_SEED;

  @Mixin SampleDataOptions data;

  @Override
  public Integer call() {
    GeneratorOptions o =
        options(
            out,
            customers,
            data.days(),
            endDate == null ? null : Args.parseDate(endDate).toString(),
            seed,
            data.messyRate());
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

package io.cxgap.jobs.cli;

import static org.apache.spark.sql.functions.*;

import io.cxgap.common.Table;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.config.Locations;
import io.cxgap.common.delta.DeltaIO;
import io.cxgap.common.generate.GenerationSummary;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.pipeline.PipelineRun;
import io.cxgap.jobs.pipeline.Steps;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.steps.ReportJob;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cxgap demo}: sample data if absent, nightly for its last day, a summary. */
@Command(
    name = "demo",
    description = "generate sample data if absent, run nightly for its last day, print a summary")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ConfigOptions options;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "run date (default: the sample data's last day, 2026-10-31)")
  String date;

  /** The tables the summary counts: all but bronze's ingest log. */
  static final List<Table> TABLES =
      List.of(
          Table.BRONZE_CUSTOMERS,
          Table.BRONZE_SURVEYS,
          Table.BRONZE_INTERACTIONS,
          Table.QUARANTINE,
          Table.SILVER_CUSTOMERS,
          Table.SURVEY_ITEMS,
          Table.SILVER_INTERACTIONS,
          Table.GAP_SEGMENT_TOUCHPOINT,
          Table.GAP_DIMENSION,
          Table.SERVQUAL_INDEX,
          Table.GAP_TREND,
          Table.NPS_SEGMENT,
          Table.TOUCHPOINT_DRIVER,
          Table.CUSTOMER_PAIN_CLUSTER,
          Table.PAIN_CLUSTER_PROFILE,
          Table.INITIATIVE_CHECK,
          Table.ALERT,
          Table.DETRACTOR_FOLLOWUP,
          Table.PIPELINE_RUN);

  @Override
  public Integer call() {
    CxConfig loaded = options.load();
    LocalDate d = date == null ? GeneratorOptions.DEFAULT_END_DATE : Args.parseDate(date);
    Path landing = Path.of(loaded.landing());
    if (!Files.isDirectory(landing.resolve("customers"))) {
      System.out.println("demo: no landing data in " + landing + "; generating sample data ...");
      GenerationSummary s =
          SampleGenerator.generate(
              GenerateCommand.options(
                  landing,
                  GeneratorOptions.DEFAULT_CUSTOMERS,
                  GeneratorOptions.DEFAULT_DAYS,
                  d.toString(),
                  loaded.seed(),
                  GeneratorOptions.DEFAULT_MESSY_RATE));
      System.out.println("demo: " + s);
    }
    CxConfig config = withSampleInitiatives(loaded, landing);
    System.out.println("demo: nightly --date " + d);
    PipelineRun.prepare(config, "demo", d)
        .run(
            () -> Sessions.getOrCreate(config),
            Steps.names(),
            System.out,
            Steps.Listener.NONE,
            ctx -> {
              summary(ctx, System.out);
              DemoFindings.print(ctx, System.out);
            });
    return 0;
  }

  /**
   * The config with {@code cx.initiatives} set to the sample's planted {@code initiatives.conf}
   * when demo runs on a landing zone {@code generate} wrote and no initiatives are configured; any
   * other landing zone, or a configured file, leaves the config as it is.
   */
  static CxConfig withSampleInitiatives(CxConfig config, Path landing) {
    if (config.hasInitiatives() || !Locations.isLocal(config.landing())) {
      return config;
    }
    return SampleGenerator.sampleInitiatives(landing)
        .map(
            f -> {
              System.out.println("demo: the sample's initiatives: " + f);
              return config.withInitiatives(f.toAbsolutePath().normalize().toString());
            })
        .orElse(config);
  }

  /** The report's file, as an absolute path where it is local. */
  static String reportLocation(JobContext ctx) {
    String p = ReportJob.path(ctx.config().warehouse(), ctx.date());
    return Locations.isUri(p) ? p : Path.of(p).toAbsolutePath().normalize().toString();
  }

  static void summary(JobContext ctx, PrintStream out) {
    out.println();
    out.println("Tables (Delta, under " + ctx.config().warehouse() + "):");
    for (Table t : TABLES) {
      String path = ctx.table(t);
      long n = DeltaIO.exists(ctx.spark(), path) ? DeltaIO.read(ctx.spark(), path).count() : 0;
      out.printf(Locale.ROOT, "  %-7s %-18s %9d rows  %s%n", t.layer().id(), t.id(), n, path);
    }
    String q = ctx.table(Table.QUARANTINE);
    if (DeltaIO.exists(ctx.spark(), q)) {
      out.println();
      out.println("Quarantined rows by source and reason:");
      for (Row r :
          DeltaIO.read(ctx.spark(), q)
              .groupBy("source", "reason")
              .agg(count(lit(1)).as("rows"))
              .orderBy("source", "reason")
              .collectAsList()) {
        out.printf(
            Locale.ROOT, "  %-13s %-20s %7d%n", r.getString(0), r.getString(1), r.getLong(2));
      }
    }
  }
}

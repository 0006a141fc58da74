package io.cxgap.jobs.cli;

import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.Sessions;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.options.ConfigOptions;
import io.cxgap.jobs.pipeline.PipelineRun;
import io.cxgap.jobs.pipeline.Steps;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs a list of steps for one date: {@code nightly} runs them all, each step has its own command.
 */
@Command
public final class StepCommand implements Callable<Integer> {
  private final String name;
  private final List<String> steps;

  @Mixin ConfigOptions options;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "the run date D (UTC)")
  String date;

  public StepCommand(String name, List<String> steps) {
    this.name = name;
    this.steps = List.copyOf(steps);
  }

  @Override
  public Integer call() {
    LocalDate d = Args.parseDate(date);
    CxConfig config = options.load();
    PipelineRun.prepare(config, name, d)
        .run(() -> Sessions.getOrCreate(config), steps, System.out, Steps.Listener.NONE, ctx -> {});
    return 0;
  }
}

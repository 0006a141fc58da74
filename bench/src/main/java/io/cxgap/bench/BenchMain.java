package io.cxgap.bench;

import io.cxgap.jobs.Cli;
import java.io.PrintStream;
import picocli.CommandLine;

/**
 * The benchmark's entry point, {@code bin/cxgap-bench} (README "Performance"): the {@code bench}
 * command, and the hidden {@code bench-nightly} that {@code bench --jvm new} starts in a JVM of its
 * own. Exit codes and error lines are the product's ({@link Cli#execute}).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the benchmark's command line and maps every failure to an exit code and one line on
   * stderr.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return Cli.execute(commandLine(), args, out, err);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new BenchCommand());
    cl.setCommandName("cxgap-bench");
    cl.addSubcommand(BenchNightlyCommand.NAME, new BenchNightlyCommand());
    return cl;
  }
}

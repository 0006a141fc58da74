package io.cxgap.jobs;

import io.cxgap.common.CxException;
import io.cxgap.jobs.cli.AlertsCommand;
import io.cxgap.jobs.cli.DemoCommand;
import io.cxgap.jobs.cli.GenerateCommand;
import io.cxgap.jobs.cli.RunsCommand;
import io.cxgap.jobs.cli.StepCommand;
import io.cxgap.jobs.options.Args;
import io.cxgap.jobs.pipeline.Steps;
import io.cxgap.jobs.privacy.ForgetCommand;
import io.cxgap.jobs.serve.ServeCommand;
import io.cxgap.jobs.serve.ServeUserCommand;
import io.cxgap.jobs.serve.SqlCommand;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of DESIGN.md §3. Exit codes: 0 ok, 1 job failed, 2 usage/config, 3 quality gate,
 * 4 another run holds the warehouse (see {@link io.cxgap.jobs.runstate.RunLock}).
 */
@Command(
    name = "cxgap",
    // INHERIT: every subcommand takes --help and --version too
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "cxgap 0.1.0",
    description = "Customer-experience gap analytics on Spark and Delta Lake.",
    subcommands = {DemoCommand.class, GenerateCommand.class})
public final class Cli implements Callable<Integer> {

  /** The full command tree, in the order the help lists it (DESIGN.md §3). */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Cli());
    addStep(
        cl, "nightly", Steps.names(), String.join(", ", Steps.names()) + " for one date, in order");
    Steps.ALL.forEach(s -> addStep(cl, s.name(), List.of(s.name()), s.description()));
    cl.addSubcommand("sql", new SqlCommand());
    cl.addSubcommand("serve", new ServeCommand());
    cl.addSubcommand("serve-user", new ServeUserCommand());
    cl.addSubcommand("runs", new RunsCommand());
    cl.addSubcommand("alerts", new AlertsCommand());
    cl.addSubcommand("forget", new ForgetCommand());
    return cl;
  }

  private static void addStep(CommandLine cl, String name, List<String> steps, String description) {
    CommandLine sub = new CommandLine(new StepCommand(name, steps));
    sub.getCommandSpec().usageMessage().description(description);
    cl.addSubcommand(name, sub);
  }

  @Override
  public Integer call() {
    commandLine().usage(System.out);
    return CxException.USAGE;
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.exit(code);
  }

  /** Runs the command line and maps every failure to an exit code and one line on stderr. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return execute(commandLine(), args, out, err);
  }

  /**
   * Runs {@code cl} as {@link #run} runs cxgap's: exit codes of {@link CxException}, usage errors
   * as exit 2, anything else as exit 1, each with one line on stderr. The benchmark's entry point
   * runs its commands with it.
   */
  public static int execute(CommandLine cl, String[] args, PrintStream out, PrintStream err) {
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println(
              "cxgap: "
                  + ex.getMessage()
                  + " (see "
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help)");
          return CxException.USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof CxException cx) {
            err.println("cxgap: " + cx.getMessage());
            if (cx.getCause() != null && debug()) {
              cx.getCause().printStackTrace(err);
            }
            return cx.exitCode();
          }
          err.println(
              "cxgap: " + ex.getClass().getSimpleName() + ": " + Args.firstLine(ex.getMessage()));
          if (debug()) {
            ex.printStackTrace(err);
          } else {
            err.println("cxgap: set CXGAP_DEBUG=1 for the stack trace");
          }
          return CxException.JOB_FAILED;
        });
    return cl.execute(args);
  }

  private static boolean debug() {
    return "1".equals(System.getenv("CXGAP_DEBUG"));
  }
}

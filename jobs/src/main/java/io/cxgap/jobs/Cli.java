package io.cxgap.jobs;

import io.cxgap.common.CxErrors;
import io.cxgap.common.CxException;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.spark.Sessions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command line of DESIGN.md §3. Exit codes: 0 ok, 1 job failed, 2 usage/config, 3 quality gate,
 * 4 another run holds the warehouse (see {@link RunLock}).
 */
@Command(
    name = "cxgap",
    // INHERIT: every subcommand takes --help and --version too (bench --help lists bench's options)
    scope = CommandLine.ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    version = "cxgap 0.1.0",
    description = "Customer-experience gap analytics on Spark and Delta Lake.",
    subcommands = {DemoCommand.class, GenerateCommand.class})
public final class Cli implements Callable<Integer> {

  /** Options every command that touches the pipeline takes. */
  static final class ConfigOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "HOCON file merged over conf/application.conf")
    Path config;

    @Option(names = "--set", paramLabel = "key=value", description = "override one config key (repeatable)")
    List<String> sets = new ArrayList<>();

    CxConfig load() {
      return ConfigLoader.load(Path.of("").toAbsolutePath(), config, sets);
    }

    /** The config with other {@code --set} overrides in place of the command line's. */
    CxConfig load(List<String> overrides) {
      return ConfigLoader.load(Path.of("").toAbsolutePath(), config, overrides);
    }
  }

  /** Runs a list of steps for one date: {@code nightly} runs them all, each step has its own command. */
  @Command
  static final class StepCommand implements Callable<Integer> {
    private final String name;
    private final List<String> steps;

    @Mixin ConfigOptions options;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the run date D (UTC)")
    String date;

    StepCommand(String name, List<String> steps) {
      this.name = name;
      this.steps = List.copyOf(steps);
    }

    @Override
    public Integer call() {
      LocalDate d = parseDate(date);
      CxConfig config = options.load();
      TouchpointCatalog catalog = JobContext.loadCatalog(config);
      preflight(config);
      String runId = newRunId(d);
      try (RunLock lock = RunLock.acquire(config, name, d, runId)) {
        SparkSession spark = Sessions.getOrCreate(config);
        JobContext ctx = new JobContext(config, catalog, spark, d, runId);
        Steps.runExclusive(ctx, lock, steps, System.out);
      }
      return 0;
    }
  }

  /** The full command tree, in the order the help lists it (DESIGN.md §3). */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Cli());
    addStep(cl, "nightly", List.copyOf(Steps.ALL.keySet()), String.join(", ", Steps.ALL.keySet()) + " for one date, in order");
    Steps.DESCRIPTIONS.forEach((name, description) -> addStep(cl, name, List.of(name), description));
    cl.addSubcommand("sql", new SqlCommand());
    cl.addSubcommand("serve", new ServeCommand());
    cl.addSubcommand("serve-user", new ServeUserCommand());
    cl.addSubcommand("runs", new RunsCommand());
    cl.addSubcommand("bench", new BenchCommand());
    cl.addSubcommand(BenchNightlyCommand.NAME, new BenchNightlyCommand());
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

  static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw CxErrors.usage("--date: '%s' is not a date; use YYYY-MM-DD", s);
    }
  }

  static String newRunId(LocalDate d) {
    return d + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Local landing folders are checked before Spark starts, so the error comes at once. */
  static void preflight(CxConfig config) {
    if (config.landing().matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return;
    }
    for (String s : List.of("customers", "surveys", "interactions")) {
      Path p = Path.of(config.landingPath(s));
      if (!Files.isDirectory(p)) {
        throw CxErrors.missingInput("landing folder", p.toString());
      }
    }
  }

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.exit(code);
  }

  /** Runs the command line and maps every failure to an exit code and one line on stderr. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = commandLine();
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("cxgap: " + ex.getMessage() + " (see " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
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
          err.println("cxgap: " + ex.getClass().getSimpleName() + ": " + firstLine(ex.getMessage()));
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

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}

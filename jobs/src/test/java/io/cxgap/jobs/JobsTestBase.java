package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.SparkTestBase;
import io.cxgap.common.delta.DeltaIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs the real command line in-process against the shared test SparkSession and captures what it
 * prints. Paths are passed explicitly, since tests run from the module folder.
 */
public abstract class JobsTestBase extends SparkTestBase {
  /** The repository root (Maven passes it; the module folder's parent otherwise). */
  public static Path repoRoot() {
    String p = System.getProperty("cx.repo.root");
    return p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
  }

  public static Path repoCatalog() {
    return repoRoot().resolve("conf/touchpoints.conf");
  }

  /** Exit code and output of one command line. */
  public record Outcome(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  /** A command line's entry point: {@link Cli#run} or another with its signature. */
  @FunctionalInterface
  public interface EntryPoint {
    int run(String[] args, PrintStream out, PrintStream err);
  }

  public static Outcome cli(String... args) {
    return run(Cli::run, args);
  }

  /**
   * Runs nightly's {@code steps} one command each ({@code command} runs one step) and asserts that
   * each exits 0; their outcomes, in order.
   */
  public static List<Outcome> runSteps(List<String> steps, Function<String, Outcome> command) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String step : steps) {
      Outcome o = command.apply(step);
      assertThat(o.code()).as("%s: %s", step, o).isZero();
      outcomes.add(o);
    }
    return outcomes;
  }

  /** Runs {@code entry} in-process on the shared session and captures what it prints. */
  public static Outcome run(EntryPoint entry, String... args) {
    spark(); // the shared session: the CLI's getOrCreate picks it up
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream stdout = System.out;
    System.setOut(o);
    try {
      int code = entry.run(args, o, e);
      return new Outcome(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(stdout);
    }
  }

  /**
   * {@code base} followed by --set options pointing landing, warehouse and catalog at the given
   * paths.
   */
  public static String[] args(Path landing, Path warehouse, Path catalog, String... base) {
    List<String> a = new ArrayList<>(Arrays.asList(base));
    a.addAll(
        List.of(
            "--set",
            "cx.landing=" + landing,
            "--set",
            "cx.warehouse=" + warehouse,
            "--set",
            "cx.catalog=" + catalog));
    // small test data on 2 cores: few shuffle partitions (the CLI would otherwise apply the
    // config's 8)
    a.addAll(
        List.of(
            "--set",
            "spark.sql.shuffle.partitions=2",
            "--set",
            "spark.databricks.delta.snapshotPartitions=2"));
    return a.toArray(new String[0]);
  }

  public static Dataset<Row> table(Path warehouse, String layer, String name) {
    return DeltaIO.read(spark(), warehouse.resolve(layer).resolve(name).toString());
  }
}

package io.cxgap.common.generate;

import io.cxgap.common.generate.files.LandingOutput;
import io.cxgap.common.generate.files.Tally;
import io.cxgap.common.generate.random.Rng;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * {@code cxgap generate} (DESIGN.md §3): writes a sample landing zone (§4) with planted, recorded
 * signals — pain groups, touchpoint drivers, an SMB × billing trend, channel friction, two
 * initiatives (one working, one not; declared in {@code initiatives.conf}), bad rows of every
 * quarantine reason (docs/landing-format.md), duplicates — and {@code truth.json} describing them,
 * against which the analytics are tested.
 *
 * <p>Deterministic: the same options give byte-identical files. Streaming: customers are generated
 * one at a time and their rows written at once, so memory does not grow with the customer count.
 * Files this generator wrote before under {@code out} (its own name patterns only) are removed
 * first; {@code truth.json} is written last, so its presence marks a complete generation.
 */
public final class SampleGenerator {
  static final String TRUTH = "truth.json";

  /**
   * The planted initiatives' declarations (DESIGN.md §5), beside the landing folders; only {@code
   * demo} reads it, and only for the sample landing zone ({@link #sampleInitiatives}).
   */
  public static final String INITIATIVES = PlantedInitiatives.FILE;

  private static final String SCRATCH = ".truth-customers.tmp";
  private static final String[][] OWN_FILES = {
    {"customers", "customers-*.csv"},
    {"surveys/long", "responses-*.csv"},
    {"surveys/json", "responses-*.jsonl"},
    {"surveys/wide", "export-*.csv"},
    {"interactions", "interactions-*.jsonl"},
    {".", INITIATIVES},
    {".", TRUTH},
    {".", SCRATCH},
  };

  private SampleGenerator() {}

  /** Writes the sample landing zone under {@code o.out()}; see the class comment. */
  public static GenerationSummary generate(GeneratorOptions o) {
    Path root = o.out();
    try {
      Files.createDirectories(root);
      removePrevious(root);
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot prepare output folder " + root, e);
    }
    Period period = Period.of(o);
    Tally tally = new Tally();
    Path truth = root.resolve(TRUTH);
    try (CustomerLedger ledger = new CustomerLedger(root.resolve(SCRATCH))) {
      SurveyWriter surveys;
      int files;
      try (LandingOutput out = new LandingOutput(root)) {
        CustomerWriter customers = new CustomerWriter(o, out, tally);
        surveys = new SurveyWriter(o, period, out, tally);
        InteractionWriter interactions = new InteractionWriter(o, period, out, tally);
        for (int i = 1; i <= o.customers(); i++) {
          SplittableRandom profile = Rng.stream(o.seed(), Rng.PROFILE, i);
          CustomerPlan c = CustomerPlan.draw(profile, i, period);
          customers.write(c, profile);
          surveys.write(c);
          interactions.write(c);
          ledger.add(c);
        }
        files = out.fileCount();
      }
      PlantedInitiatives.writeConf(root, period);
      TruthWriter.write(truth, o, period, ledger, tally, surveys.responses, surveys.planted);
      return new GenerationSummary(tally.all.rows, files, truth);
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot write " + truth, e);
    }
  }

  /**
   * The planted initiatives file of a landing zone this generator wrote completely (its {@code
   * truth.json} is present), or empty for any other landing zone.
   */
  public static java.util.Optional<Path> sampleInitiatives(Path landing) {
    Path conf = landing.resolve(INITIATIVES);
    return Files.isRegularFile(conf) && Files.isRegularFile(landing.resolve(TRUTH))
        ? java.util.Optional.of(conf)
        : java.util.Optional.empty();
  }

  private static void removePrevious(Path root) throws IOException {
    for (String[] own : OWN_FILES) {
      Path dir = root.resolve(own[0]).normalize();
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, own[1])) {
        for (Path f : s) {
          if (Files.isRegularFile(f)) {
            Files.delete(f);
          }
        }
      }
    }
  }
}

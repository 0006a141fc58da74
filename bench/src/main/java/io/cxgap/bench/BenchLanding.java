package io.cxgap.bench;

import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark's landing zones and warehouses on disk: a generated landing zone with its last
 * day's rows in files of their own ({@link DaySplit}), kept while the parameters match; hard links
 * of its files for the incremental case; folders deleted before a case starts afresh.
 */
final class BenchLanding {
  private BenchLanding() {}

  /**
   * Generates the landing zone {@code o.out()} with its last day split off, unless the one there
   * was made with the same parameters (written to {@code bench-params.txt} in {@code dir}, which is
   * deleted and made again otherwise).
   */
  static void prepare(Path dir, GeneratorOptions o, PrintStream log) {
    Path landing = o.out();
    String params =
        String.format(
            Locale.ROOT,
            "customers=%d days=%d end=%s seed=%d messy=%s split=%s%n",
            o.customers(),
            o.days(),
            o.endDate(),
            o.seed(),
            o.messyRate(),
            o.endDate());
    Path marker = dir.resolve("bench-params.txt");
    try {
      if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(params)) {
        log.println("bench: reusing " + landing + " (" + params.strip() + ")");
        return;
      }
      delete(dir);
      long t0 = System.nanoTime();
      SampleGenerator.generate(o);
      DaySplit.Moved moved = DaySplit.split(landing, o.endDate());
      Files.writeString(marker, params, StandardCharsets.UTF_8);
      log.printf(
          Locale.ROOT,
          "bench: generated %s in %.1f s; %,d rows of %s moved to %d day files%n",
          landing,
          (System.nanoTime() - t0) / 1e9,
          moved.rows(),
          o.endDate(),
          moved.files().size());
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot prepare " + landing, e);
    }
  }

  /**
   * Hard-links the source folders' files of {@code from} into {@code to}: the files of the split
   * day only ({@code dayFiles}) or every other file.
   */
  static void link(Path from, Path to, boolean dayFiles) {
    for (String source : List.of("customers", "surveys", "interactions")) {
      Path dir = from.resolve(source);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f :
            s.filter(Files::isRegularFile)
                .filter(p -> DaySplit.isDayFile(p) == dayFiles)
                .toList()) {
          Path target = to.resolve(from.relativize(f));
          Files.createDirectories(target.getParent());
          Files.createLink(target, f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("bench: cannot link " + dir + " into " + to, e);
      }
    }
  }

  /** Deletes {@code p} and everything below it, if it exists. */
  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot delete " + p, e);
    }
  }
}

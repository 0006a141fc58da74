package io.cxgap.common.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorDeterminismTest {

  private static GeneratorOptions small(Path out, long seed) {
    return GeneratorOptions.defaults(out)
        .withCustomers(150)
        .withDays(75)
        .withSeed(seed)
        .withMessyRate(0.05);
  }

  private static List<String> relative(Path root) throws IOException {
    return Landing.files(root).stream().map(p -> root.relativize(p).toString()).toList();
  }

  @Test
  void sameSeed_givesByteIdenticalFiles(@TempDir Path a, @TempDir Path b) throws IOException {
    SampleGenerator.generate(small(a, 7));
    SampleGenerator.generate(small(b, 7));
    List<String> files = relative(a);
    assertThat(files).hasSizeGreaterThan(5).isEqualTo(relative(b));
    for (String f : files) {
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
    }
  }

  @Test
  void differentSeed_givesDifferentData(@TempDir Path a, @TempDir Path b) throws IOException {
    SampleGenerator.generate(small(a, 7));
    SampleGenerator.generate(small(b, 8));
    Path f = Path.of("customers", "customers-1.csv");
    assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).isNotEqualTo(-1L);
    assertThat(Files.mismatch(a.resolve("truth.json"), b.resolve("truth.json"))).isNotEqualTo(-1L);
  }

  @Test
  void rerunIntoTheSameFolder_replacesItsOwnFilesAndLeavesOthers(@TempDir Path a, @TempDir Path b)
      throws IOException {
    SampleGenerator.generate(small(a, 7).withDays(200));
    Files.writeString(a.resolve("customers").resolve("keep-me.csv"), "x\n");
    SampleGenerator.generate(small(a, 7));
    SampleGenerator.generate(small(b, 7));
    List<String> left = relative(a);
    assertThat(left).contains(Path.of("customers", "keep-me.csv").toString());
    assertThat(left.stream().filter(f -> !f.endsWith("keep-me.csv")).toList())
        .isEqualTo(relative(b));
    for (String f : relative(b)) {
      assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
    }
  }
}

package io.cxgap.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** demo uses the sample's planted initiatives.conf for the sample only. */
class DemoSampleInitiativesTest {
  @TempDir Path dir;

  private CxConfig config(Path landing, String... sets) {
    List<String> all = new java.util.ArrayList<>(List.of("cx.landing=" + landing));
    all.addAll(List.of(sets));
    return ConfigLoader.load(dir, null, all);
  }

  @Test
  void generatedSample_setsCxInitiativesToItsFile() {
    Path landing = dir.resolve("sample");
    SampleGenerator.generate(GeneratorOptions.defaults(landing).withCustomers(20).withDays(30));
    CxConfig c = DemoCommand.withSampleInitiatives(config(landing), landing);
    assertThat(c.initiatives()).isEqualTo(landing.resolve("initiatives.conf").toString());
  }

  @Test
  void aLandingZoneThatIsNotTheSample_isLeftWithoutInitiatives() throws IOException {
    Path landing = dir.resolve("real");
    Files.createDirectories(landing.resolve("customers"));
    // an initiatives.conf without the sample's truth.json is not the sample's
    Files.writeString(
        landing.resolve("initiatives.conf"), "initiatives = []\n", StandardCharsets.UTF_8);
    CxConfig c = DemoCommand.withSampleInitiatives(config(landing), landing);
    assertThat(c.hasInitiatives()).isFalse();
  }

  @Test
  void aConfiguredFile_wins() {
    Path landing = dir.resolve("sample");
    SampleGenerator.generate(GeneratorOptions.defaults(landing).withCustomers(20).withDays(30));
    CxConfig c =
        DemoCommand.withSampleInitiatives(
            config(landing, "cx.initiatives=/etc/cx/mine.conf"), landing);
    assertThat(c.initiatives()).isEqualTo("/etc/cx/mine.conf");
  }
}

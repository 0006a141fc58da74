package io.cxgap.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaults_followDesignTable() {
    CxConfig c = ConfigLoader.load(dir, null, List.of());
    assertThat(c.windowDays()).isEqualTo(90);
    assertThat(c.minRespondents()).isEqualTo(5);
    assertThat(c.segmentDimensions()).containsExactly("segment", "region", "tier");
    assertThat(c.maxQuarantineShare()).isEqualTo(0.05);
    assertThat(c.clustersKMin()).isEqualTo(2);
    assertThat(c.clustersKMax()).isEqualTo(10);
    assertThat(c.seed()).isEqualTo(42);
    assertThat(c.followupDays()).isEqualTo(7);
    assertThat(c.landing()).isEqualTo(dir.resolve("data/landing").toString());
    assertThat(c.spark()).containsEntry("spark.master", "local[*]");
  }

  @Test
  void initiatives_noneByDefault_aSetFileResolvesAgainstTheWorkDir() {
    CxConfig none = ConfigLoader.load(dir, null, List.of());
    assertThat(none.initiatives()).isEmpty();
    assertThat(none.hasInitiatives()).isFalse();
    CxConfig some = ConfigLoader.load(dir, null, List.of("cx.initiatives=conf/initiatives.conf"));
    assertThat(some.initiatives()).isEqualTo(dir.resolve("conf/initiatives.conf").toString());
    assertThat(some.hasInitiatives()).isTrue();
  }

  @Test
  void configFileThenSet_overrideInThatOrder() throws IOException {
    Path f = dir.resolve("my.conf");
    Files.writeString(f, "cx { window-days = 30, min-respondents = 3 }\n", StandardCharsets.UTF_8);
    CxConfig c =
        ConfigLoader.load(
            dir,
            f,
            List.of(
                "cx.window-days=7",
                "cx.warehouse=s3a://bucket/wh",
                "cx.segment-dimensions=[tier]"));
    assertThat(c.windowDays()).isEqualTo(7);
    assertThat(c.minRespondents()).isEqualTo(3);
    assertThat(c.warehouse()).isEqualTo("s3a://bucket/wh");
    assertThat(c.segmentDimensions()).containsExactly("tier");
    assertThat(c.tablePath("gold", "pipeline_run")).isEqualTo("s3a://bucket/wh/gold/pipeline_run");
  }

  @Test
  void badValue_isAUsageError_namingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, null, List.of("cx.window-days=0")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("cx.window-days")
        .satisfies(e -> assertThat(((CxException) e).exitCode()).isEqualTo(2));
    assertThatThrownBy(() -> ConfigLoader.load(dir, null, List.of("cx.window-days=ninety")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("window-days");
    assertThatThrownBy(() -> ConfigLoader.load(dir, null, List.of("cx.followup-days=0")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("cx.followup-days");
  }

  @Test
  void unknownKey_isRejected_soTyposDoNotPassSilently() {
    assertThatThrownBy(() -> ConfigLoader.load(dir, null, List.of("cx.windowdays=30")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("cx.windowdays");
  }

  @Test
  void unreadableOrMissingConfigFile_isAUsageError() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(dir, dir.resolve("nope.conf"), List.of()))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("nope.conf");
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "cx { window-days = \n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ConfigLoader.load(dir, bad, List.of()))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("bad.conf");
  }

  @Test
  void secrets_areMaskedInTheDescription() {
    CxConfig c = ConfigLoader.load(dir, null, List.of("spark.hadoop.fs.s3a.secret.key=hunter2"));
    assertThat(String.join("\n", ConfigLoader.describe(c)))
        .doesNotContain("hunter2")
        .contains("spark.hadoop.fs.s3a.secret.key = ****");
  }
}

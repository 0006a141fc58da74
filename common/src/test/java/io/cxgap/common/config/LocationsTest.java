package io.cxgap.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocationsTest {
  @Test
  void plainPathsAndFileUris_areLocal_otherSchemesAreNot() {
    assertThat(Locations.isLocal("data/warehouse")).isTrue();
    assertThat(Locations.isLocal("/srv/cx/warehouse")).isTrue();
    assertThat(Locations.isLocal("file:/srv/cx/warehouse")).isTrue();
    assertThat(Locations.isLocal("FILE:///srv/cx")).isTrue();
    assertThat(Locations.isLocal("C:\\cx\\warehouse")).isTrue();
    assertThat(Locations.isLocal("s3a://bucket/warehouse")).isFalse();
    assertThat(Locations.isLocal("abfss://c@acct.dfs.core.windows.net/wh")).isFalse();
    assertThat(Locations.isLocal("hdfs:/user/cx")).isFalse();
  }

  @Test
  void onlySchemesAreUris() {
    assertThat(Locations.isUri("s3a://bucket/x")).isTrue();
    assertThat(Locations.isUri("file:/x")).isTrue();
    assertThat(Locations.isUri("data/warehouse")).isFalse();
    assertThat(Locations.isUri("D:/cx")).isFalse();
    assertThat(Locations.isUri("1abc:/x")).as("a scheme starts with a letter").isFalse();
  }

  @Test
  void localPath_isThePathOfALocalLocation_only() {
    assertThat(Locations.localPath("data/wh")).contains(Path.of("data/wh"));
    assertThat(Locations.localPath("file:/srv/wh")).contains(Path.of("/srv/wh"));
    assertThat(Locations.localPath("file:///srv/wh")).contains(Path.of("/srv/wh"));
    assertThat(Locations.localPath("s3a://b/wh")).isEmpty();
  }
}

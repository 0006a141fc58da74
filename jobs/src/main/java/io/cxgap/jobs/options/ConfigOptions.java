package io.cxgap.jobs.options;

import io.cxgap.common.config.ConfigLoader;
import io.cxgap.common.config.CxConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that touches the pipeline takes (DESIGN.md §3): a picocli mixin. */
public final class ConfigOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "HOCON file merged over conf/application.conf")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "key=value",
      description = "override one config key (repeatable)")
  List<String> sets = new ArrayList<>();

  /** The {@code --config} file, or null. */
  public Path config() {
    return config;
  }

  /** The {@code --set} overrides, in command-line order. */
  public List<String> sets() {
    return List.copyOf(sets);
  }

  /** The config: conf/application.conf, then {@code --config}, then each {@code --set}. */
  public CxConfig load() {
    return ConfigLoader.load(Path.of("").toAbsolutePath(), config, sets);
  }

  /** The config with other {@code --set} overrides in place of the command line's. */
  public CxConfig load(List<String> overrides) {
    return ConfigLoader.load(Path.of("").toAbsolutePath(), config, overrides);
  }
}

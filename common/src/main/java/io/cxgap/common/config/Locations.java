package io.cxgap.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one test of where a configured location lives (DESIGN.md §7): a plain path or a {@code file:}
 * URI is on this machine; any other URI ({@code s3a://}, {@code abfss://}, {@code hdfs://}) is on a
 * Hadoop file system. A Windows drive ({@code C:\data}) is a plain path, not a scheme.
 */
public final class Locations {
  private Locations() {}

  /** Whether {@code location} names a scheme ({@code s3a:}, {@code file:}), rather than a path. */
  public static boolean isUri(String location) {
    return location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
        && !location.matches("^[a-zA-Z]:[\\\\/].*");
  }

  /** Whether {@code location} is on this machine: a plain path or a {@code file:} URI. */
  public static boolean isLocal(String location) {
    return !isUri(location) || location.regionMatches(true, 0, "file:", 0, 5);
  }

  /** The local path of {@code location}; empty where it is on another file system. */
  public static Optional<Path> localPath(String location) {
    if (!isUri(location)) {
      return Optional.of(Path.of(location));
    }
    return isLocal(location)
        ? Optional.of(Path.of(URI.create(location).getPath()))
        : Optional.empty();
  }
}

package io.cxgap.common.landing;

import java.io.Serializable;
import java.util.Locale;

/** One file in a source folder, as listed by {@link LandingFiles}. */
public record LandingFile(String path, long size, long modifiedMillis) implements Serializable {

  /** Formats by extension (DESIGN.md §4). */
  public enum Format {
    CSV,
    JSON,
    PARQUET,
    UNSUPPORTED
  }

  public Format format() {
    String p = path.toLowerCase(Locale.ROOT);
    if (p.endsWith(".csv")) {
      return Format.CSV;
    }
    if (p.endsWith(".json") || p.endsWith(".jsonl") || p.endsWith(".ndjson")) {
      return Format.JSON;
    }
    if (p.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    return Format.UNSUPPORTED;
  }
}

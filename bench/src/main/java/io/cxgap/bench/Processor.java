package io.cxgap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The processor a benchmark ran on, for its results: the same code's times differ by half between
 * two machines that both call themselves "AMD EPYC" (docs/performance.md), so a run names the
 * family, model and clock it had. Linux's {@code /proc/cpuinfo}; elsewhere nothing.
 */
final class Processor {
  static final Path CPUINFO = Path.of("/proc/cpuinfo");

  private Processor() {}

  /** This machine's processor, or empty where {@code /proc/cpuinfo} cannot be read. */
  static Optional<String> describe() {
    try {
      return describe(Files.readString(CPUINFO, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The first processor of a {@code /proc/cpuinfo} text, for example {@code AMD EPYC (family 25,
   * model 1, 2445 MHz)}; the parts the text lacks are left out, and empty without a model name.
   */
  static Optional<String> describe(String cpuinfo) {
    Map<String, String> first = new LinkedHashMap<>();
    for (String line : cpuinfo.split("\n")) {
      if (line.isBlank()) {
        if (!first.isEmpty()) {
          break;
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    String name = first.get("model name");
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder details = new StringBuilder();
    append(details, "family ", first.get("cpu family"));
    append(details, "model ", first.get("model"));
    String mhz = first.get("cpu MHz");
    if (mhz != null) {
      try {
        append(details, "", String.format(Locale.ROOT, "%.0f MHz", Double.parseDouble(mhz)));
      } catch (NumberFormatException e) {
        // a clock that is not a number is left out
      }
    }
    return Optional.of(
        name.replaceAll("\\s+", " ") + (details.isEmpty() ? "" : " (" + details + ")"));
  }

  private static void append(StringBuilder b, String prefix, String value) {
    if (value != null && !value.isEmpty()) {
      b.append(b.isEmpty() ? "" : ", ").append(prefix).append(value);
    }
  }
}

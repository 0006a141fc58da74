package io.cxgap.common.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link SampleGenerator#generate} wrote.
 *
 * @param rows rows written per source ({@code customers}, {@code surveys} in item rows, {@code
 *     interactions} including planted duplicates and malformed lines)
 * @param files number of data files written (truth.json not included)
 * @param truth path of {@code truth.json}, the planted truth
 */
public record GenerationSummary(Map<String, Long> rows, int files, Path truth) {
  public GenerationSummary {
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }
}

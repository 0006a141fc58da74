package io.cxgap.common.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Per-customer truth kept out of memory: each customer's pain group and whether it has a future CRM
 * version go to a scratch file that {@link TruthWriter} streams into {@code truth.json}; only
 * aggregate counts stay in memory.
 */
final class CustomerLedger implements AutoCloseable {
  private final Path scratch;
  private final BufferedWriter out;
  final long[] groupCounts = new long[PainGroup.values().length];
  final Map<String, Map<String, Long>> asOfEnd = new TreeMap<>();
  long futureVersions;
  long trendCustomers;

  CustomerLedger(Path scratch) {
    this.scratch = scratch;
    try {
      this.out = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot write " + scratch, e);
    }
  }

  void add(CustomerPlan c) {
    groupCounts[c.group().ordinal()]++;
    CustomerPlan.Version v = c.asOfEnd();
    count("segment", v.segment());
    count("region", v.region());
    count("tier", v.tier());
    if (c.trendSegment()) {
      trendCustomers++;
    }
    if (c.future() != null) {
      futureVersions++;
    }
    try {
      out.write(c.id() + "," + c.group().id + "," + (c.future() != null ? "F" : "-") + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot write " + scratch, e);
    }
  }

  private void count(String dimension, String value) {
    asOfEnd
        .computeIfAbsent(dimension, d -> new TreeMap<>())
        .merge(value.isEmpty() ? "unknown" : value, 1L, Long::sum);
  }

  /** Calls {@code each(customerId, group)} in customer order; {@code futureOnly} filters. */
  void forEach(boolean futureOnly, BiConsumer<String, String> each) throws IOException {
    out.flush();
    try (BufferedReader in = Files.newBufferedReader(scratch, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", -1);
        if (!futureOnly || f[2].equals("F")) {
          each.accept(f[0], f[1]);
        }
      }
    }
  }

  @Override
  public void close() {
    try {
      out.close();
      Files.deleteIfExists(scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("generate: cannot remove " + scratch, e);
    }
  }
}

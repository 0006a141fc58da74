package io.cxgap.bench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code bench-runs.csv}: a header, then one {@link BenchRow} a line, appended run after run. */
public final class BenchCsv {
  static final String HEADER =
      "run_id,run_at,label,load,scale,customers,case,step,wall_s,rows_in,rows_out,rows_per_s,peak_heap_mib,note";

  private BenchCsv() {}

  /** Appends {@code rows} to {@code csv}, writing the header first into a new or empty file. */
  public static void append(Path csv, List<BenchRow> rows) {
    try {
      Files.createDirectories(csv.toAbsolutePath().getParent());
      StringBuilder b = new StringBuilder();
      if (!Files.exists(csv) || Files.size(csv) == 0) {
        b.append(HEADER).append('\n');
      }
      rows.forEach(r -> b.append(r.csv()).append('\n'));
      Files.writeString(
          csv,
          b,
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot write " + csv, e);
    }
  }

  /** Every row of {@code csv}, in file order. */
  public static List<BenchRow> read(Path csv) {
    try {
      List<BenchRow> out = new ArrayList<>();
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("run_id,")) {
          out.add(BenchRow.parse(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("bench: cannot read " + csv, e);
    }
  }
}

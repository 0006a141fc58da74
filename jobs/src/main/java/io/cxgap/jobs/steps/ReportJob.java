package io.cxgap.jobs.steps;

import io.cxgap.common.config.Locations;
import io.cxgap.common.report.HtmlReport;
import io.cxgap.common.report.ReportData;
import io.cxgap.jobs.runstate.JobContext;
import io.cxgap.jobs.runstate.StepResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * gold → {@code <warehouse>/reports/cx-report-<D>.html} (DESIGN.md §2): reads D's gold rows,
 * renders the self-contained HTML report and replaces the file in one step (written beside it, then
 * renamed), so a reader never sees half a report.
 */
public final class ReportJob {
  private ReportJob() {}

  /** Where the report of {@code date} goes: {@code <warehouse>/reports/cx-report-<D>.html}. */
  public static String path(String warehouse, LocalDate date) {
    String w = warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
    return w + "/reports/cx-report-" + date + ".html";
  }

  public static StepResult run(JobContext ctx) {
    ReportData data = ReportInputs.read(ctx);
    byte[] html = HtmlReport.render(data).getBytes(StandardCharsets.UTF_8);
    String path = path(ctx.config().warehouse(), ctx.date());
    write(ctx, path, html);
    long read =
        data.gaps().size() + data.drivers().size() + data.clusters().size() + data.trends().size();
    String message =
        String.format(
            Locale.ROOT,
            "%s (%d KB): %d gap cells, %d drivers, %d clusters, %d trend cells",
            path,
            (html.length + 1023) / 1024,
            data.gaps().size(),
            data.drivers().size(),
            data.clusters().size(),
            data.trends().size());
    return new StepResult(read, 1, 0, message, Map.of("report.bytes", (long) html.length));
  }

  private static void write(JobContext ctx, String path, byte[] bytes) {
    try {
      if (isLocal(path)) {
        Path target = Path.of(path.startsWith("file:") ? URI.create(path).getPath() : path);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      // HDFS, S3, ADLS …: an object store makes the file visible when the stream closes
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(path);
      FileSystem fs = target.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(target, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isLocal(String path) {
    return Locations.isLocal(path);
  }
}

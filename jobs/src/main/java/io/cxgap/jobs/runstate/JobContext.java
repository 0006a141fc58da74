package io.cxgap.jobs.runstate;

import io.cxgap.common.Table;
import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;

/** What every job step gets: the typed config, the catalog, the session, the date and run id. */
public record JobContext(
    CxConfig config, TouchpointCatalog catalog, SparkSession spark, LocalDate date, String runId) {

  /** The path of {@code <warehouse>/<layer>/<name>}. */
  public String table(Table table) {
    return config.tablePath(table);
  }

  public static TouchpointCatalog loadCatalog(CxConfig config) {
    return TouchpointCatalog.load(Path.of(config.catalog()));
  }

  /** A new run id: the date D and eight hex digits, as the run log and the run lock record it. */
  public static String newRunId(LocalDate d) {
    return d + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}

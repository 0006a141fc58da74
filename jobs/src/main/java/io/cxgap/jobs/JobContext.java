package io.cxgap.jobs;

import io.cxgap.common.catalog.TouchpointCatalog;
import io.cxgap.common.config.CxConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/** What every job step gets: the typed config, the catalog, the session, the date and run id. */
record JobContext(
    CxConfig config, TouchpointCatalog catalog, SparkSession spark, LocalDate date, String runId) {

  String table(String layer, String name) {
    return config.tablePath(layer, name);
  }

  static TouchpointCatalog loadCatalog(CxConfig config) {
    return TouchpointCatalog.load(Path.of(config.catalog()));
  }
}

package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.config.Locations;
import io.cxgap.common.spark.Sessions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * Where the catalog of {@code cx_bronze}, {@code cx_silver} and {@code cx_gold} lives (DESIGN.md
 * §7), for {@code sql} and {@code serve}:
 *
 * <ul>
 *   <li>{@link Kind#EXTERNAL}: a Hive metastore service, when {@code hive.metastore.uris} is set
 *       (as {@code spark.hadoop.hive.metastore.uris} in the config, a system property, or a {@code
 *       hive-site.xml} on the classpath), or Spark is told {@code spark.sql.catalogImplementation =
 *       hive} by the cluster;
 *   <li>{@link Kind#EMBEDDED}: an embedded Derby metastore in {@code <warehouse>/_metastore}, when
 *       the warehouse is on the local disk and the call needs it: it writes, or its statement may
 *       use a view, table or function a user keeps there ({@link UserObjects}). Opening it costs
 *       seconds of Derby and Hive start-up, so other calls skip it;
 *   <li>{@link Kind#IN_MEMORY}: Spark's in-memory catalog, rebuilt at each start, where Hive
 *       support is not on the classpath, the warehouse is remote without a metastore service, the
 *       call does not need the embedded metastore, or that is in use by another process (Derby
 *       admits one at a time).
 * </ul>
 *
 * In every case the catalog's schema of a Delta table follows the table ({@code
 * spark.databricks.delta.catalog.update.enabled}).
 */
final class Metastore {
  enum Kind {
    EXTERNAL,
    EMBEDDED,
    IN_MEMORY
  }

  /** The session, the kind of catalog it got, a line saying so, and whether that is a fallback. */
  record Opened(SparkSession spark, Kind kind, String description, boolean fallback) {}

  static final String FOLDER = "_metastore";
  static final String URIS = "hive.metastore.uris";

  private Metastore() {}

  /** The metastore folder of a local warehouse: {@code <warehouse>/_metastore}. */
  static Path folder(CxConfig config) {
    return Path.of(config.warehouse()).toAbsolutePath().normalize().resolve(FOLDER);
  }

  static boolean hiveOnClasspath() {
    try {
      ClassLoader cl = Thread.currentThread().getContextClassLoader();
      Class.forName("org.apache.spark.sql.hive.HiveSessionStateBuilder", false, cl);
      Class.forName("org.apache.hadoop.hive.conf.HiveConf", false, cl);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  static boolean external(CxConfig config) {
    Map<String, String> s = config.spark();
    return s.containsKey("spark.hadoop." + URIS)
        || s.containsKey("spark." + URIS)
        || System.getProperty(URIS) != null
        || System.getProperty("spark.hadoop." + URIS) != null
        || "hive".equals(System.getProperty("spark.sql.catalogImplementation"))
        || Thread.currentThread().getContextClassLoader().getResource("hive-site.xml") != null;
  }

  static boolean localWarehouse(CxConfig config) {
    String w = config.warehouse();
    return Locations.isLocal(w);
  }

  /**
   * The session {@code serve} answers from: Spark's in-memory catalog, which {@code serve} fills
   * with the layers it exposes only, and no queries of files by path (DESIGN.md §7). A config that
   * names another catalog implementation still wins; the read-only guard then keeps clients to the
   * exposed databases.
   */
  static Opened forServing(CxConfig config) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.databricks.delta.catalog.update.enabled", "true");
    s.put("spark.sql.catalogImplementation", "in-memory");
    s.put("spark.sql.runSQLOnFiles", "false");
    s.put("spark.sql.hive.thriftServer.singleSession", "false");
    return asConfigured(Sessions.getOrCreate(config, s), "the server's own");
  }

  /** The session with the catalog it was given, whatever it is: {@code whose} catalog says so. */
  private static Opened asConfigured(SparkSession spark, String whose) {
    String impl = spark.conf().get("spark.sql.catalogImplementation", "in-memory");
    Kind kind = "hive".equals(impl) ? Kind.EXTERNAL : Kind.IN_MEMORY;
    return new Opened(spark, kind, whose + " " + impl + " catalog", false);
  }

  /**
   * Opens (or joins) the session with the catalog this config and machine allow, for a call that
   * writes ({@code writes}) or not and runs {@code statement}.
   */
  static Opened open(
      CxConfig config, Map<String, String> extra, boolean writes, StatementTables statement) {
    Map<String, String> s = new LinkedHashMap<>(extra);
    s.put("spark.databricks.delta.catalog.update.enabled", "true");
    if (SparkSession.getDefaultSession().isDefined()) { // in-process callers (tests) share theirs
      return asConfigured(Sessions.getOrCreate(config, s), "the running session's");
    }
    String chosen = config.spark().get("spark.sql.catalogImplementation");
    Kind kind;
    String description;
    boolean fallback = false;
    if ("in-memory".equals(chosen)) {
      kind = Kind.IN_MEMORY;
      description = "in-memory catalog (spark.sql.catalogImplementation = in-memory)";
    } else if (!hiveOnClasspath()) {
      kind = Kind.IN_MEMORY;
      description = "in-memory catalog (no Hive support on the classpath)";
    } else if (external(config)) {
      kind = Kind.EXTERNAL;
      description =
          "Hive metastore "
              + config.spark().getOrDefault("spark.hadoop." + URIS, "configured by the cluster");
    } else if (!localWarehouse(config)) {
      kind = Kind.IN_MEMORY;
      description =
          "in-memory catalog (the warehouse is not on the local disk; set spark.hadoop."
              + URIS
              + " for a lasting one)";
    } else {
      Path dir = folder(config);
      Optional<List<String>> kept = kept(dir);
      if (!writes && kept.isPresent() && !UserObjects.usedBy(statement, kept.get())) {
        kind = Kind.IN_MEMORY;
        description =
            "in-memory catalog: the statement uses nothing of yours in the metastore " + dir;
        s.putAll(besides(dir));
      } else if (inUse(dir)) {
        kind = Kind.IN_MEMORY;
        description =
            "in-memory catalog: the metastore "
                + dir
                + " is in use by another process (another cxgap sql?)";
        fallback = true;
      } else {
        kind = Kind.EMBEDDED;
        description = "embedded metastore " + dir;
        s.putAll(embedded(dir));
      }
    }
    s.put("spark.sql.catalogImplementation", kind == Kind.IN_MEMORY ? "in-memory" : "hive");
    return new Opened(Sessions.getOrCreate(config, s), kind, description, fallback);
  }

  /**
   * The user's objects in the embedded metastore in {@code dir}: none when there is no metastore
   * yet, the list the last call that opened it wrote, or empty (not known) without that list.
   */
  static Optional<List<String>> kept(Path dir) {
    if (!Files.exists(dir.resolve("metastore_db"))) {
      return Optional.of(List.of());
    }
    return UserObjects.read(dir);
  }

  /**
   * Settings of an in-memory catalog used instead of the embedded metastore in {@code dir}: its
   * databases' folders go where the metastore's do, not into the working directory.
   */
  static Map<String, String> besides(Path dir) {
    return Map.of("spark.sql.warehouse.dir", dir.resolve("warehouse").toUri().toString());
  }

  /** Settings of an embedded Derby metastore in {@code dir}; creates the folder. */
  static Map<String, String> embedded(Path dir) {
    try {
      for (String sub : List.of("scratch", "scratch-local", "operation_logs")) {
        Files.createDirectories(dir.resolve(sub));
      }
    } catch (IOException e) {
      throw CxErrors.usage("cannot create the metastore folder %s: %s", dir, e.getMessage());
    }
    // derby.log goes to derby.system.home, not the working directory
    System.setProperty("derby.system.home", dir.toString());
    Map<String, String> s = new LinkedHashMap<>();
    s.put(
        "spark.hadoop.javax.jdo.option.ConnectionURL",
        "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true");
    s.put("spark.hadoop.datanucleus.schema.autoCreateAll", "true");
    s.put("spark.hadoop.hive.metastore.schema.verification", "false");
    s.putAll(besides(dir));
    s.put("spark.hadoop.hive.exec.scratchdir", dir.resolve("scratch").toString());
    s.put("spark.hadoop.hive.exec.local.scratchdir", dir.resolve("scratch-local").toString());
    s.put(
        "spark.hadoop.hive.server2.logging.operation.log.location",
        dir.resolve("operation_logs").toString());
    return s;
  }

  /**
   * Whether another process has the Derby database open: Derby holds an exclusive OS lock on {@code
   * dbex.lck} while the database is booted (a stale file after a crash is not locked).
   */
  static boolean inUse(Path dir) {
    Path lock = dir.resolve("metastore_db").resolve("dbex.lck");
    if (!Files.exists(lock)) {
      return false;
    }
    try (RandomAccessFile f = new RandomAccessFile(lock.toFile(), "rw");
        FileChannel ch = f.getChannel()) {
      FileLock l = ch.tryLock();
      if (l == null) {
        return true;
      }
      l.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

package io.cxgap.jobs.serve;

import io.cxgap.common.Layer;
import io.cxgap.common.config.CxConfig;
import io.cxgap.common.delta.DeltaIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import scala.Option;

/**
 * Names the warehouse's Delta tables in the session catalog (DESIGN.md §7): {@code cx_bronze},
 * {@code cx_silver} and {@code cx_gold} databases whose tables point at {@code
 * <warehouse>/<layer>/<table>}. Registering again is cheap and idempotent: it adds new tables,
 * re-points a table whose warehouse moved, and drops entries whose Delta table is gone (never the
 * data, never a user's own views or tables elsewhere).
 */
final class WarehouseCatalog {
  static final List<String> LAYERS = Arrays.stream(Layer.values()).map(Layer::id).toList();

  private static final Map<String, String> COMMENTS =
      Map.of(
          Layer.BRONZE.id(),
              "cxgap bronze: typed, validated landing data, quarantine and ingest log (may hold personal data)",
          Layer.SILVER.id(),
              "cxgap silver: conformed customers, survey items and interactions, no personal data",
          Layer.GOLD.id(),
              "cxgap gold: gap, trend, driver and pain-cluster tables for analysts and BI tools, and the run log");

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private WarehouseCatalog() {}

  static String database(String layer) {
    return Layer.DATABASE_PREFIX + layer;
  }

  /** Registers every Delta table found; returns their qualified names. */
  static List<String> register(SparkSession spark, CxConfig config) {
    return register(spark, config, LAYERS);
  }

  /** Registers the Delta tables of these layers only (what {@code serve} exposes). */
  static List<String> register(SparkSession spark, CxConfig config, List<String> layers) {
    return register(spark, config, layers, StatementTables.UNKNOWN);
  }

  /**
   * Registers the Delta tables that {@code statement} names (every table, and drops vanished
   * entries, when its names are not known); the three databases are always there.
   */
  static List<String> register(
      SparkSession spark, CxConfig config, List<String> layers, StatementTables statement) {
    List<String> names = new ArrayList<>();
    for (String layer : layers) {
      String db = database(layer);
      spark.sql("CREATE DATABASE IF NOT EXISTS " + db + " COMMENT " + literal(COMMENTS.get(layer)));
      Path root = layerRoot(spark, config, layer);
      Optional<Set<String>> named = statement.in(db);
      List<String> found =
          named.isPresent() ? named(spark, root, named.get()) : tables(spark, root);
      for (String table : found) {
        Path location = new Path(root, table);
        Optional<URI> registered = location(spark, db, table);
        if (registered.isPresent() && !sameLocation(registered.get(), location)) {
          spark.sql("DROP TABLE " + db + "." + table); // an external table: the data stays
          registered = Optional.empty();
        }
        if (registered.isEmpty()) {
          spark.sql(
              "CREATE TABLE IF NOT EXISTS "
                  + db
                  + "."
                  + table
                  + " USING delta LOCATION "
                  + literal(location.toString()));
        }
        names.add(db + "." + table);
      }
      if (named.isEmpty()) {
        dropVanished(spark, db, root, found);
      }
    }
    return names;
  }

  /** Drops catalog entries that point into this layer's folder at a Delta table no longer there. */
  private static void dropVanished(SparkSession spark, String db, Path root, List<String> found) {
    String prefix = root.toUri().getPath() + "/";
    for (Row r : spark.sql("SHOW TABLES IN " + db).collectAsList()) {
      String table = r.getString(r.fieldIndex("tableName"));
      if (r.getBoolean(r.fieldIndex("isTemporary")) || found.contains(table)) {
        continue;
      }
      Optional<URI> loc = location(spark, db, table);
      if (loc.isPresent()
          && loc.get().getPath() != null
          && loc.get().getPath().startsWith(prefix)) {
        spark.sql("DROP TABLE IF EXISTS " + db + "." + table);
      }
    }
  }

  /**
   * Where the catalog says a table lives (a metastore look-up only); empty for no such table, or a
   * view.
   */
  static Optional<URI> location(SparkSession spark, String db, String table) {
    TableIdentifier id = new TableIdentifier(table, Option.apply(db));
    CatalogTable t;
    try {
      if (!spark.sessionState().catalog().tableExists(id)) {
        return Optional.empty();
      }
      t = spark.sessionState().catalog().getTableMetadata(id);
    } catch (Exception e) { // Scala declares NoSuchTableException / NoSuchDatabaseException
      return Optional.empty();
    }
    if (t.tableType() == CatalogTableType.VIEW()) {
      return Optional.empty();
    }
    Option<URI> uri = t.storage().locationUri();
    return uri.isDefined() ? Optional.of(uri.get()) : Optional.empty();
  }

  /**
   * Whether {@code t}, an entry of {@code layer}'s database, is what {@link #register} makes: a
   * table (not a view) at {@code <warehouse>/<layer>/<its name>}.
   */
  static boolean isWarehouseTable(
      SparkSession spark, CxConfig config, String layer, CatalogTable t) {
    if (t.tableType() == CatalogTableType.VIEW() || t.storage().locationUri().isEmpty()) {
      return false;
    }
    Path expected = new Path(layerRoot(spark, config, layer), t.identifier().table());
    return sameLocation(t.storage().locationUri().get(), expected);
  }

  /** {@code <warehouse>/<layer>}, qualified by its file system (file:/… for a local path). */
  private static Path layerRoot(SparkSession spark, CxConfig config, String layer) {
    return qualified(spark, config.tablePath(layer, "x")).getParent();
  }

  private static boolean sameLocation(URI registered, Path location) {
    return new Path(registered).toString().equals(location.toString());
  }

  private static Path qualified(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p);
    } catch (IOException e) {
      throw new UncheckedIOException("resolving " + path + ": " + e.getMessage(), e);
    }
  }

  /** Those of {@code wanted} that are Delta tables under {@code root}, sorted. */
  private static List<String> named(SparkSession spark, Path root, Set<String> wanted) {
    List<String> out = new ArrayList<>();
    for (String name : wanted) {
      if (TABLE_NAME.matcher(name).matches()
          && DeltaIO.exists(spark, new Path(root, name).toString())) {
        out.add(name);
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  private static List<String> tables(SparkSession spark, Path root) {
    List<String> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root)) {
        return out;
      }
      for (FileStatus s : fs.listStatus(root)) {
        String name = s.getPath().getName();
        if (s.isDirectory()
            && TABLE_NAME.matcher(name).matches()
            && DeltaIO.exists(spark, s.getPath().toString())) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + root + ": " + e.getMessage(), e);
    }
    out.sort(String::compareTo);
    return out;
  }

  private static String literal(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}

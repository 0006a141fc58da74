package io.cxgap.jobs.serve;

import io.cxgap.common.config.CxConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import scala.collection.JavaConverters;

/**
 * What a user keeps in the embedded metastore besides the warehouse's own tables (DESIGN.md §7):
 * views and tables made with {@code sql --allow-writes}, their databases and functions. Each call
 * that opens the metastore writes the list to {@code <warehouse>/_metastore/user-objects.txt}, so
 * that a later {@code sql} opens the metastore (seconds of Derby and Hive start-up) only when its
 * statement may use one of them, and otherwise answers from an in-memory catalog. No file (a
 * metastore written before the list existed, or a call that died while it held the metastore) means
 * "not known": the metastore is opened.
 *
 * <p>Lines are {@code table db.name}, {@code database db} or {@code function db.name}.
 */
final class UserObjects {
  static final String FILE = "user-objects.txt";

  private UserObjects() {}

  /** The user's objects in the session's catalog: everything but the warehouse's own tables. */
  static List<String> list(SparkSession spark, CxConfig config) {
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    List<String> out = new ArrayList<>();
    for (String db : JavaConverters.seqAsJavaList(catalog.listDatabases())) {
      Optional<String> layer =
          WarehouseCatalog.LAYERS.stream()
              .filter(l -> WarehouseCatalog.database(l).equals(db))
              .findFirst();
      if (layer.isEmpty() && !db.equals("default")) {
        out.add("database " + db);
      }
      for (String t : JavaConverters.seqAsJavaList(catalog.listTables(db))) {
        if (layer.isEmpty()
            || !WarehouseCatalog.isWarehouseTable(
                spark, config, layer.get(), catalog.getTable(db, t))) {
          out.add("table " + db + "." + t);
        }
      }
      for (String f : JavaConverters.seqAsJavaList(catalog.listFunctions(db, "*"))) {
        out.add("function " + db + "." + f);
      }
    }
    out.sort(String::compareTo);
    return out;
  }

  /** The list the last call that opened the metastore in {@code dir} left; empty if none. */
  static Optional<List<String>> read(Path dir) {
    try {
      return Optional.of(
          Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList());
    } catch (IOException e) { // none yet, or unreadable: not known
      return Optional.empty();
    }
  }

  /** Writes the list (atomically: a reader sees the old list or the new one). */
  static void write(Path dir, List<String> objects) {
    try {
      Path tmp = Files.createTempFile(dir, FILE, ".tmp");
      Files.write(tmp, objects, StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /** Removes the list: until it is written again, the metastore's objects are not known. */
  static void forget(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("removing " + dir.resolve(FILE) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether a statement may use one of {@code objects}: when its names are not known, when the
   * metastore holds functions (a query's function calls are not looked at), or when it names one of
   * the tables or views, or a table in one of the databases. A name without a database is one of
   * {@code default}.
   */
  static boolean usedBy(StatementTables statement, List<String> objects) {
    if (objects.isEmpty()) {
      return false;
    }
    if (statement.names().isEmpty()) {
      return true;
    }
    Set<String> names = statement.names().get();
    for (String o : objects) {
      String[] kindName = o.split(" ", 2);
      String name = kindName[1].toLowerCase(Locale.ROOT);
      boolean used =
          switch (kindName[0]) {
            case "table" -> names.stream().anyMatch(n -> qualified(n).equals(name));
            case "database" -> names.stream().anyMatch(n -> qualified(n).startsWith(name + "."));
            default -> true;
          };
      if (used) {
        return true;
      }
    }
    return false;
  }

  private static String qualified(String name) {
    return name.contains(".") ? name : "default." + name;
  }
}

package io.cxgap.common.generate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** conf/touchpoints.conf read directly with Typesafe Config, for tests. */
final class ConfCatalog {
  /** Ids in catalog order → name followed by aliases. */
  final Map<String, List<String>> names = new LinkedHashMap<>();

  /** Trimmed lower-case id, name or alias → id. */
  final Map<String, String> lookup = new LinkedHashMap<>();

  private ConfCatalog() {}

  static ConfCatalog load() {
    ConfCatalog c = new ConfCatalog();
    Config conf = ConfigFactory.parseFile(file().toFile()).resolve();
    for (Config t : conf.getConfigList("touchpoints")) {
      String id = t.getString("id");
      List<String> n = new ArrayList<>();
      n.add(t.getString("name"));
      n.addAll(t.getStringList("aliases"));
      c.names.put(id, n);
      c.lookup.put(key(id), id);
      n.forEach(x -> c.lookup.put(key(x), id));
    }
    return c;
  }

  String resolve(String raw) {
    return raw == null ? null : lookup.get(key(raw));
  }

  private static String key(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  static Path file() {
    String root = System.getProperty("cx.repo.root");
    if (root != null && Files.exists(Path.of(root, "conf", "touchpoints.conf"))) {
      return Path.of(root, "conf", "touchpoints.conf");
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("conf/touchpoints.conf"))) {
        return d.resolve("conf/touchpoints.conf");
      }
    }
    throw new IllegalStateException(
        "conf/touchpoints.conf not found above " + Path.of("").toAbsolutePath());
  }
}

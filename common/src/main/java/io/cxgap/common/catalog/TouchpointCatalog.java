package io.cxgap.common.catalog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import io.cxgap.common.CxErrors;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The touchpoint catalog (DESIGN.md §4): ids, names and aliases that survey and interaction
 * touchpoints resolve through, case-insensitively after trimming.
 */
public final class TouchpointCatalog implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Set<String> STAGES =
      Set.of("awareness", "purchase", "onboarding", "usage", "support", "renewal");
  private static final Set<String> DIMENSIONS =
      Set.of("tangibles", "reliability", "responsiveness", "assurance", "empathy");

  private final List<Touchpoint> touchpoints;
  private final Map<String, String> lookup;

  public TouchpointCatalog(List<Touchpoint> touchpoints) {
    if (touchpoints.isEmpty()) {
      throw CxErrors.usage("touchpoint catalog is empty: define at least one touchpoint");
    }
    this.touchpoints = List.copyOf(touchpoints);
    Map<String, String> m = new LinkedHashMap<>();
    for (Touchpoint t : touchpoints) {
      List<String> keys = new ArrayList<>();
      keys.add(t.id());
      keys.add(t.name());
      keys.addAll(t.aliases());
      for (String k : keys) {
        String key = key(k);
        String prev = m.putIfAbsent(key, t.id());
        if (prev != null && !prev.equals(t.id())) {
          throw CxErrors.usage(
              "touchpoint catalog: '%s' names both '%s' and '%s'; make names and aliases unique",
              k, prev, t.id());
        }
      }
    }
    this.lookup = Map.copyOf(m);
  }

  /** Normalises a raw touchpoint value the way lookups compare it. */
  public static String key(String raw) {
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  public List<Touchpoint> touchpoints() {
    return touchpoints;
  }

  /** Name or alias key (see {@link #key}) to touchpoint id. */
  public Map<String, String> lookup() {
    return lookup;
  }

  public Optional<String> resolve(String raw) {
    return raw == null ? Optional.empty() : Optional.ofNullable(lookup.get(key(raw)));
  }

  public Touchpoint byId(String id) {
    return touchpoints.stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no touchpoint with id " + id));
  }

  /** Loads a catalog file; any problem is a usage error naming the file and entry. */
  public static TouchpointCatalog load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw CxErrors.missingInput("touchpoint catalog (cx.catalog)", file.toString());
    }
    Config c;
    try {
      c = ConfigFactory.parseFile(file.toFile()).resolve();
    } catch (ConfigException e) {
      throw CxErrors.usage("touchpoint catalog %s is not valid HOCON: %s", file, e.getMessage());
    }
    if (!c.hasPath("touchpoints")) {
      throw CxErrors.usage("touchpoint catalog %s has no 'touchpoints' list", file);
    }
    List<Touchpoint> out = new ArrayList<>();
    int i = 0;
    for (Config t : c.getConfigList("touchpoints")) {
      out.add(entry(t, file, i++));
    }
    return new TouchpointCatalog(out);
  }

  private static Touchpoint entry(Config t, Path file, int index) {
    String where = file + " touchpoints[" + index + "]";
    try {
      String id = t.getString("id").strip();
      if (!id.matches("[A-Za-z0-9_]+")) {
        throw CxErrors.usage("%s: id '%s' must be letters, digits and _ only", where, id);
      }
      String stage = t.getString("journey-stage").strip().toLowerCase(Locale.ROOT);
      String dim = t.getString("dimension").strip().toLowerCase(Locale.ROOT);
      if (!STAGES.contains(stage)) {
        throw CxErrors.usage(
            "%s (%s): journey-stage '%s' is not one of %s", where, id, stage, STAGES);
      }
      if (!DIMENSIONS.contains(dim)) {
        throw CxErrors.usage(
            "%s (%s): dimension '%s' is not one of %s", where, id, dim, DIMENSIONS);
      }
      List<String> aliases = t.hasPath("aliases") ? t.getStringList("aliases") : List.of();
      double target = t.hasPath("target-gap") ? t.getDouble("target-gap") : 0.0;
      String name = t.hasPath("name") ? t.getString("name") : id;
      return new Touchpoint(id, name, stage, dim, aliases, target);
    } catch (ConfigException e) {
      throw CxErrors.usage("%s: %s", where, e.getMessage());
    }
  }
}

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
  private static final java.util.regex.Pattern DIMENSION =
      java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _/&+-]*");

  private final List<Touchpoint> touchpoints;
  private final Map<String, String> lookup;
  private final Map<String, Double> weights;

  public TouchpointCatalog(List<Touchpoint> touchpoints) {
    this(touchpoints, Map.of());
  }

  /**
   * A catalog with dimension weights: points per dimension (a 100-point allocation or any
   * non-negative numbers), each naming a dimension some touchpoint has; at least one above 0.
   */
  public TouchpointCatalog(List<Touchpoint> touchpoints, Map<String, Double> dimensionWeights) {
    this(touchpoints, dimensionWeights, "touchpoint catalog");
  }

  /**
   * @param origin what the errors name: "touchpoint catalog", or the file it was loaded from
   */
  private TouchpointCatalog(
      List<Touchpoint> touchpoints, Map<String, Double> dimensionWeights, String origin) {
    if (touchpoints.isEmpty()) {
      throw CxErrors.usage("%s: no touchpoints; define at least one", origin);
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
              "%s: '%s' names both '%s' and '%s'; make names and aliases unique",
              origin, k, prev, t.id());
        }
      }
    }
    this.lookup = Map.copyOf(m);
    this.weights = checkedWeights(dimensionWeights, dimensions(), origin);
  }

  private static Map<String, Double> checkedWeights(
      Map<String, Double> raw, List<String> dims, String origin) {
    Map<String, Double> out = new LinkedHashMap<>();
    double sum = 0;
    for (Map.Entry<String, Double> e : raw.entrySet()) {
      String dim = e.getKey().strip().toLowerCase(Locale.ROOT);
      double w = e.getValue();
      if (!dims.contains(dim)) {
        throw CxErrors.usage(
            "%s: dimension-weights names '%s', which no touchpoint has; the"
                + " catalog's dimensions are %s",
            origin, e.getKey(), dims);
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw CxErrors.usage(
            "%s: dimension-weights.%s = %s; give a number >= 0 (points of a"
                + " 100-point allocation, or any non-negative numbers)",
            origin, e.getKey(), e.getValue());
      }
      out.put(dim, w);
      sum += w;
    }
    if (!out.isEmpty() && sum <= 0) {
      throw CxErrors.usage("%s: dimension-weights are all 0; give at least one above 0", origin);
    }
    final double total = sum;
    Map<String, Double> normalised = new LinkedHashMap<>();
    out.forEach((d, w) -> normalised.put(d, w / total));
    return java.util.Collections.unmodifiableMap(normalised);
  }

  /** The dimensions the touchpoints carry, in catalog order. */
  public List<String> dimensions() {
    return touchpoints.stream().map(Touchpoint::dimension).distinct().toList();
  }

  /**
   * Dimension weights normalised to sum to 1 over the dimensions the catalog weights; empty when it
   * gives none (DESIGN.md §4).
   */
  public Map<String, Double> dimensionWeights() {
    return weights;
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
    return new TouchpointCatalog(out, weights(c, file), file.toString());
  }

  private static Map<String, Double> weights(Config c, Path file) {
    if (!c.hasPath("dimension-weights")) {
      return Map.of();
    }
    Map<String, Double> out = new LinkedHashMap<>();
    Config w;
    try {
      w = c.getConfig("dimension-weights");
    } catch (ConfigException e) {
      throw CxErrors.usage(
          "%s: dimension-weights must be an object of dimension = points, e.g."
              + " dimension-weights { reliability = 30, empathy = 20 }",
          file);
    }
    for (String key : w.root().keySet()) {
      try {
        out.put(key, w.getDouble(com.typesafe.config.ConfigUtil.quoteString(key)));
      } catch (ConfigException e) {
        throw CxErrors.usage("%s: dimension-weights.%s: %s", file, key, e.getMessage());
      }
    }
    return out;
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
      if (!DIMENSION.matcher(dim).matches()) {
        throw CxErrors.usage(
            "%s (%s): dimension '%s' must start with a letter or digit and hold only letters,"
                + " digits, spaces and _ / & + -",
            where, id, dim);
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

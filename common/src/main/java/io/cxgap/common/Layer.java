package io.cxgap.common;

import java.util.Locale;
import java.util.Optional;

/**
 * The warehouse's three layers (DESIGN.md §2): each a folder {@code <warehouse>/<layer>} of Delta
 * tables, and a database {@code cx_<layer>} in the SQL catalog (§7).
 */
public enum Layer {
  BRONZE,
  SILVER,
  GOLD;

  /** The prefix of a layer's database name in the SQL catalog. */
  public static final String DATABASE_PREFIX = "cx_";

  /** The layer's folder under the warehouse: {@code bronze}, {@code silver} or {@code gold}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The layer's database in the SQL catalog: {@code cx_bronze}, {@code cx_silver}, {@code cx_gold}.
   */
  public String database() {
    return DATABASE_PREFIX + id();
  }

  /** The layer whose {@link #id()} this is, if any. */
  public static Optional<Layer> of(String id) {
    for (Layer l : values()) {
      if (l.id().equals(id)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}

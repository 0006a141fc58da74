package io.cxgap.common.catalog;

import java.io.Serializable;
import java.util.List;

/** One catalog entry (DESIGN.md §4). */
public record Touchpoint(
    String id,
    String name,
    String journeyStage,
    String dimension,
    List<String> aliases,
    double targetGap)
    implements Serializable {
  public Touchpoint {
    aliases = List.copyOf(aliases);
  }
}

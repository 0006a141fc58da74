package io.cxgap.common.generate.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what was planted: rows, quarantine reasons and duplicates per source, per file, and for
 * the rows whose written timestamp falls in the last window ({@code inWindow}; rows with a broken
 * or blank timestamp never do).
 */
public final class Tally {
  /** Counts for one scope: all files, one file, or the last window. */
  public static final class Counts {
    public final Map<String, Long> rows = new LinkedHashMap<>();
    public final Map<String, Map<String, Long>> quarantine = new LinkedHashMap<>();
    public final Map<String, Long> duplicates = new LinkedHashMap<>();

    Counts init(String source) {
      rows.put(source, 0L);
      Map<String, Long> q = new LinkedHashMap<>();
      PlantedReasons.reported(source).forEach(r -> q.put(r, 0L));
      quarantine.put(source, q);
      if (source.equals(PlantedReasons.INTERACTIONS)) {
        duplicates.put(source, 0L);
      }
      return this;
    }

    void row(String source, long n) {
      rows.merge(source, n, Long::sum);
    }

    void bad(String source, String reason, long n) {
      quarantine.computeIfAbsent(source, s -> new LinkedHashMap<>()).merge(reason, n, Long::sum);
    }

    void duplicate(String source) {
      duplicates.merge(source, 1L, Long::sum);
    }
  }

  public final Counts all = new Counts();
  public final Counts window = new Counts();
  public final Map<String, Counts> files = new TreeMap<>();

  public Tally() {
    for (String s :
        new String[] {
          PlantedReasons.CUSTOMERS, PlantedReasons.SURVEYS, PlantedReasons.INTERACTIONS
        }) {
      all.init(s);
      if (!s.equals(PlantedReasons.CUSTOMERS)) {
        window.init(s);
      }
    }
  }

  public void row(String source, String file, boolean inWindow, long n) {
    all.row(source, n);
    file(source, file).row(source, n);
    if (inWindow) {
      window.row(source, n);
    }
  }

  /** {@code n} rows written ({@link #row} is implied) that break {@code reason}. */
  public void bad(String source, String reason, String file, boolean inWindow, long n) {
    row(source, file, inWindow, n);
    all.bad(source, reason, n);
    file(source, file).bad(source, reason, n);
    if (inWindow) {
      window.bad(source, reason, n);
    }
  }

  /** One duplicate row written ({@link #row} is implied). */
  public void duplicate(String source, String file, boolean inWindow) {
    row(source, file, inWindow, 1);
    all.duplicate(source);
    file(source, file).duplicate(source);
    if (inWindow) {
      window.duplicate(source);
    }
  }

  /** A file holds rows of one source. */
  private Counts file(String source, String file) {
    return files.computeIfAbsent(file, f -> new Counts().init(source));
  }
}

package io.cxgap.jobs.runstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Named points between the writes of a run (DESIGN.md §6), where a test makes the run fail or stop,
 * to prove that a rerun neither loses nor doubles rows. Inert unless a setting names the point:
 *
 * <ul>
 *   <li>{@code -Dcxgap.fault=<point>} (or {@code CXGAP_FAULT}): the step throws there;
 *   <li>{@code -Dcxgap.pause=<point>} (or {@code CXGAP_PAUSE}): the process writes {@code
 *       <point>.reached} (holding its pid) into {@code -Dcxgap.pause.dir} (or {@code
 *       CXGAP_PAUSE_DIR}, default the temp folder) and waits until {@code <point>.release} appears
 *       there. A test SIGKILLs the process while it waits, or releases it.
 * </ul>
 *
 * Points: {@code ingest.<source>.planned|bronze|quarantine}, {@code conform.customers}, {@code
 * conform.survey_items}, {@code <step>.done} (between steps, after the run log row), {@code
 * gaps.committed} (after the gold slice's Delta commit, before the run log row).
 */
public final class FaultPoints {
  public static final String FAULT = "cxgap.fault";
  public static final String PAUSE = "cxgap.pause";
  public static final String PAUSE_DIR = "cxgap.pause.dir";

  private FaultPoints() {}

  public static void hit(String point) {
    if (point.equals(setting(FAULT))) {
      throw new IllegalStateException("injected fault at " + point);
    }
    if (point.equals(setting(PAUSE))) {
      pause(point);
    }
  }

  /** A system property, else the environment variable of the same name (CXGAP_PAUSE ...). */
  private static String setting(String property) {
    String v = System.getProperty(property);
    return v != null
        ? v
        : System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
  }

  private static void pause(String point) {
    String d = setting(PAUSE_DIR);
    Path dir = Path.of(d != null ? d : System.getProperty("java.io.tmpdir"));
    Path reached = dir.resolve(point + ".reached");
    Path release = dir.resolve(point + ".release");
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, ".reached", ".tmp");
      Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
      Files.move(tmp, reached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      while (!Files.exists(release)) {
        Thread.sleep(20);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("pause point " + point + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at pause point " + point, e);
    }
  }
}

package io.cxgap.jobs;

/**
 * Named points between the writes of a step, where a test can make the run die
 * ({@code -Dcxgap.fault=<point>}) to prove that a rerun neither loses nor doubles rows. Inert
 * unless the property names the point.
 */
final class FaultPoints {
  private FaultPoints() {}

  static void hit(String point) {
    if (point.equals(System.getProperty("cxgap.fault"))) {
      throw new IllegalStateException("injected fault at " + point);
    }
  }
}

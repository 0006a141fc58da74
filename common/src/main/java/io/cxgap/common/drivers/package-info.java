/**
 * Moments of truth (DESIGN.md §5, {@code gold.driver_touchpoint}): per-customer touchpoint gaps
 * against overall satisfaction, importance by relative weights (LMG / Shapley decomposition of R²),
 * and the importance-performance quadrant and priority of each touchpoint. May depend on {@code
 * catalog} and the root package.
 */
package io.cxgap.common.drivers;

/**
 * The SERVQUAL gap and its trend (DESIGN.md §5, {@code gold.gap_segment_touchpoint} and {@code
 * gold.gap_trend}): means, intervals and suppression per segment cut and touchpoint, and the
 * period-over-period tests that flag a deteriorating gap. May depend on {@code catalog}, {@code
 * transform}, {@code stats} and the root package.
 */
package io.cxgap.common.gaps;

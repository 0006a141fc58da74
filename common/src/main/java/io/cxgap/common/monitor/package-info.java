/**
 * Proactive monitoring (DESIGN.md §5 "Proactive monitoring: initiatives"): the initiatives a
 * business declares in {@code cx.initiatives}, and {@code gold.initiative_check}, which verifies
 * each night whether their expected change is happening. May depend on {@code catalog}, {@code
 * gaps} (the segment cuts), {@code stats}, {@code transform} and the root package.
 */
package io.cxgap.common.monitor;

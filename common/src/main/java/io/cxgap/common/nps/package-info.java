/**
 * Net Promoter Score per segment cut (DESIGN.md §5 {@code gold.nps_segment}): counts, shares, the
 * adjusted-Wald interval, and the test against the previous window. May depend on {@code gaps} (the
 * segment cuts and the trend directions), {@code stats}, {@code transform} and the root package.
 */
package io.cxgap.common.nps;

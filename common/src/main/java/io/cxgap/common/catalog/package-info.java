/**
 * The touchpoint catalog (DESIGN.md §4, {@code conf/touchpoints.conf}): each touchpoint with its
 * journey stage, SERVQUAL dimension and channel, loaded and validated. May depend on the root
 * package only.
 */
package io.cxgap.common.catalog;

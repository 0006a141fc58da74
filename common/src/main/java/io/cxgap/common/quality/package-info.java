/**
 * The quarantine rules (DESIGN.md §4): each source's string records typed, and each row marked with
 * the first rule it breaks, its reason code and detail; the whitespace trimming and cleaned columns
 * those rules read. Pure: Dataset in, Dataset out, no I/O, no clock. May depend on {@code landing}
 * (its sources and record columns) and {@link io.cxgap.common.Columns} only.
 */
package io.cxgap.common.quality;

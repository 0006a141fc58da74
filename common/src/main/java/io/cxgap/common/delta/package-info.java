/**
 * The one place that reads and writes Delta tables (DESIGN.md §2, §6, §8): appends, date-slice
 * replaces, versions and the table documentation, written so that a nightly run rebuilds as little
 * Delta state as it can. Depends on Spark and Delta only.
 */
package io.cxgap.common.delta;

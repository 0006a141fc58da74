/**
 * Statistics shared by the gold tables (DESIGN.md §5): Student's t and Welch's t-test from summary
 * statistics, the false discovery control of the tables that test many cells in one run, and the
 * direction rule of the tables that compare two windows. Column expressions and plain functions
 * only; may depend on the root package only.
 */
package io.cxgap.common.stats;

/**
 * Statistics shared by the gold tables that test many cells in one run (DESIGN.md §5 "False
 * discovery control"). Column expressions only; may depend on the root package only.
 */
package io.cxgap.common.stats;

/**
 * What the gold tables and their columns mean (DESIGN.md §5), written into each table as its
 * description and column comments for analysts and BI tools. Depends on Spark only.
 */
package io.cxgap.common.gold;

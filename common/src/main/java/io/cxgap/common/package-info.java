/**
 * The common module: pure transformations on Spark Datasets and plain Java, one package a concern,
 * and the few types every package shares ({@link io.cxgap.common.Columns}, {@link
 * io.cxgap.common.CxErrors}, {@link io.cxgap.common.CxException} with its exit codes, DESIGN.md
 * §3). Nothing here reads a landing zone or writes a table on its own account except through {@code
 * delta}; the jobs module reads, calls these functions and writes. Depends on Spark, Delta,
 * Typesafe Config and commons-math3, never on the jobs or bench modules.
 */
package io.cxgap.common;

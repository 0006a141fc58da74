/**
 * The entry point: {@link io.cxgap.jobs.Cli}, the {@code cxgap} command line of DESIGN.md §3, which
 * builds the command tree from the rooms below it and maps every failure to an exit code. Its name
 * is the main class of bin/cxgap and of the -spark.jar. Nothing in the subpackages depends on it.
 */
package io.cxgap.jobs;

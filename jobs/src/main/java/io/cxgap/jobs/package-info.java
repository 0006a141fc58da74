/**
 * The entry point: {@link io.cxgap.jobs.Cli}, the {@code cxgap} command line of DESIGN.md §3, which
 * builds the command tree from the packages below it and maps every failure to an exit code. Its
 * name is the main class of bin/cxgap and of the -spark.jar. No package below depends on it; the
 * benchmark's entry point (the bench module) runs its commands through {@code Cli.execute}.
 */
package io.cxgap.jobs;

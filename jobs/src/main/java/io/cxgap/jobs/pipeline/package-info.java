/**
 * The pipeline: its steps in DESIGN.md §2 order, and the runner that runs them under the run lock
 * and records each in the run log (§6). May depend on {@code steps}, {@code runstate} and the
 * common module; commands depend on it, it depends on no command.
 */
package io.cxgap.jobs.pipeline;

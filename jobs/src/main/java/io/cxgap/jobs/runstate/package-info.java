/**
 * The state of a run (DESIGN.md §6): the context every step gets and the result it returns, the
 * warehouse's run lock, the run log (gold.pipeline_run) and the fault points tests kill runs at.
 * Depends on the common module only.
 */
package io.cxgap.jobs.runstate;

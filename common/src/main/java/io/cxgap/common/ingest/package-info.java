/**
 * Ingest's logic, apart from its reads and writes (DESIGN.md §4 inputs and quarantine, §6 run
 * semantics): the known-customer mark of survey rows, the split of a classified batch into bronze
 * and quarantine rows with its row accounting, and what a run does with new files and with the
 * pending batch of a run that died. Dataset and plain values in, Dataset or values out; no paths,
 * no config, no clock. May depend on {@code landing}, {@code quality}, {@code transform} and {@link
 * io.cxgap.common.Columns}; the ingest step (jobs' {@code IngestJob}) depends on it.
 */
package io.cxgap.common.ingest;

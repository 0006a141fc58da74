/**
 * Erasure (DESIGN.md §3 {@code forget}, §6): the command, and the job that deletes a customer's
 * rows from every table, records the erasure in {@code gold.erasure_log}, VACUUMs and cuts back the
 * transaction log. May depend on {@code options}, {@code runstate}, {@code steps} and the common
 * module.
 */
package io.cxgap.jobs.privacy;

/**
 * Proactive monitoring (DESIGN.md §5 "Proactive monitoring"): what a CX team must look at today
 * ({@code gold.alert}), the detractors to call back ({@code gold.detractor_followup}) and whether
 * planned initiatives deliver ({@code gold.initiative_check}). Reads the other gold tables' slices
 * of the run date; may depend on {@code gaps}, {@code nps}, {@code clusters}, {@code stats}, {@code
 * transform} and the root package.
 */
package io.cxgap.common.monitor;

/**
 * Proactive monitoring (DESIGN.md §5 "Proactive monitoring"): the initiatives a business declares
 * in {@code cx.initiatives} and {@code gold.initiative_check}, which verifies each night whether
 * their expected change is happening; what a CX team must look at today ({@code gold.alert}); the
 * detractors to call back ({@code gold.detractor_followup}). Reads the other gold tables' slices of
 * the run date; may depend on {@code catalog}, {@code gaps}, {@code nps}, {@code clusters}, {@code
 * stats}, {@code transform} and the root package.
 */
package io.cxgap.common.monitor;

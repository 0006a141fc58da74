/**
 * Silver-layer transformations shared by the gold steps (DESIGN.md §2, §5): the analysis window,
 * CRM state as of a date, duplicate removal, score normalisation to 0..100, and interaction
 * friction per customer and touchpoint. May depend on the root package only.
 */
package io.cxgap.common.transform;

package io.cxgap.common.monitor;

import io.cxgap.common.Columns;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * One declared initiative (DESIGN.md §5): a change the business expects in the gap of one
 * touchpoint in one segment cut, between {@code started} and {@code due}. Built by {@link
 * Initiatives#load}, which validates it against the catalog and config.
 *
 * @param id unique key of the initiative, e.g. {@code ivr-2026}
 * @param name what people call it, e.g. "New phone menu"
 * @param touchpoint catalog touchpoint id
 * @param segmentDimension {@code total} for the whole base, else one of cx.segment-dimensions
 * @param segmentValue {@code all} for the whole base (as the gap tables name it), else a CRM value
 * @param started first day the change is in effect (UTC)
 * @param due the day by which the change is expected in full, after {@code started}
 * @param expectedChange expected change of the mean gap in 0..100 points, not 0; positive means the
 *     gap is expected to grow (experience to catch up with expectation)
 */
public record Initiative(
    String id,
    String name,
    String touchpoint,
    String segmentDimension,
    String segmentValue,
    LocalDate started,
    LocalDate due,
    double expectedChange)
    implements Serializable {

  /** The segment as the file writes it: {@code total} or {@code dim=value}. */
  public String segment() {
    return isTotal() ? Columns.TOTAL : segmentDimension + "=" + segmentValue;
  }

  /** True for the whole base (segment "total"). */
  public boolean isTotal() {
    return segmentDimension.equals(Columns.TOTAL);
  }
}

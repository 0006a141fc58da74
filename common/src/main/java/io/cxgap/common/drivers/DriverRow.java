package io.cxgap.common.drivers;

/**
 * One row of gold.touchpoint_driver for one as_of_date (DESIGN.md §5); see {@link
 * TouchpointDrivers} for the meaning of each field. The intervals and {@code significant} are null
 * where the bootstrap is off or the matrix is too small; {@code priorityRank} is null for a
 * touchpoint that is not significant.
 */
public record DriverRow(
    String touchpoint,
    String journeyStage,
    String dimension,
    long customers,
    long respondents,
    double importance,
    double importanceShare,
    double r2,
    double gapMean,
    String quadrant,
    Integer priorityRank,
    String method,
    Double importanceCi95Low,
    Double importanceCi95High,
    Double shareCi95Low,
    Double shareCi95High,
    Boolean significant) {}

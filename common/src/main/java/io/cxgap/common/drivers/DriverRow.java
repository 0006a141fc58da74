package io.cxgap.common.drivers;

/**
 * One row of gold.touchpoint_driver for one as_of_date (DESIGN.md §5); see {@link
 * TouchpointDrivers} for the meaning of each field.
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
    int priorityRank,
    String method) {}

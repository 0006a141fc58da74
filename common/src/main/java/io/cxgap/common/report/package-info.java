/**
 * The HTML report (DESIGN.md §5): one self-contained page with inline SVG charts (gap heatmap,
 * importance-performance map, trends, clusters, data quality), built from plain records in {@link
 * io.cxgap.common.report.ReportData}, never from Spark. Depends on the JDK only.
 */
package io.cxgap.common.report;

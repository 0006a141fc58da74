/**
 * The landing zone (DESIGN.md §4): the three sources and their contract columns, the listing of a
 * source's files, and the reader that turns CSV (wide survey exports included), JSON lines and
 * Parquet files into string records with their file, raw text and parser note. Reads files; types
 * and judges nothing (that is {@code quality}). May depend on {@link io.cxgap.common.Columns},
 * {@link io.cxgap.common.CxErrors}, Spark and Hadoop only.
 */
package io.cxgap.common.landing;

/**
 * The benchmark's results (README "Performance"): one CSV row per measured step in {@code
 * bench-runs.csv}, appended run after run, and the Markdown summary {@code bench-summary.md} built
 * from it. Plain files and arithmetic: it depends on the common module only, and nothing in it
 * knows Spark, the pipeline or DuckDB.
 */
package io.cxgap.bench.results;

/**
 * The benchmark (README "Performance"), a harness beside the product (DESIGN.md §2), run by
 * bin/cxgap-bench through {@link io.cxgap.bench.BenchMain}: {@code bench} times nightly at scale
 * factors, in its own JVM or a child JVM per run ({@code bench-nightly}), and checks the gap table
 * against a DuckDB peer. Its results, the CSV and the Markdown summary, are in {@code
 * io.cxgap.bench.results}, which depends on nothing here. It depends on cxgap-jobs (pipeline,
 * runstate, options) and common; the product does not depend on it.
 */
package io.cxgap.bench;

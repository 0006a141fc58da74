/**
 * The benchmark (README "Performance"): {@code bench} times nightly at scale factors, in this JVM or
 * a child JVM per run ({@code bench-nightly}), and checks the gap table against a DuckDB peer. A
 * harness that only measures: it depends on {@code pipeline}, {@code runstate}, {@code options}, the
 * common module and the name of {@link io.cxgap.jobs.Cli} (its child JVM's main class); the product
 * does not depend on it beyond registering its commands.
 */
package io.cxgap.jobs.bench;

/**
 * The sample generator behind {@code cxgap generate} and {@code demo} (DESIGN.md §3, §4): seeded
 * synthetic customers, surveys and interactions with planted gaps, drivers, clusters and bad rows,
 * written as a landing zone with the planted truth beside it. The same options and seed give the
 * same files. May depend on {@code generate.files}, {@code generate.random}, {@code landing},
 * {@code quality} and the root package.
 */
package io.cxgap.common.generate;

/**
 * The pipeline's commands (DESIGN.md §3): {@code nightly} and one command a step, {@code demo},
 * {@code generate}, {@code runs} and {@code alerts}. Each parses its options, starts a run and
 * hands it to the pipeline. May depend on {@code pipeline}, {@code steps}, {@code runstate}, {@code
 * options} and the common module; nothing but {@link io.cxgap.jobs.Cli} depends on it.
 */
package io.cxgap.jobs.cli;

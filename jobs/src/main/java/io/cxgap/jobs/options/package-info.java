/**
 * What every command parses the same way (DESIGN.md §3): {@code --config} and {@code --set} into a
 * typed config, a {@code --date}, the sample generator's {@code --days} and {@code --messy-rate},
 * one-line error messages. Shared by the pipeline's, serving's and the benchmark's commands, so it
 * depends on the common module and picocli only.
 */
package io.cxgap.jobs.options;

/**
 * What every command parses the same way (DESIGN.md §3): {@code --config} and {@code --set} into a
 * typed config, a {@code --date}, one-line error messages. Shared by the pipeline's, serving's and
 * the benchmark's commands, so it depends on the common module and picocli only.
 */
package io.cxgap.jobs.options;

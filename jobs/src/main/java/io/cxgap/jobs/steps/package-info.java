/**
 * One class a pipeline step of DESIGN.md §2 (ingest, conform, gaps, trends, drivers, clusters,
 * monitor, report): each reads its layer, calls the common module's pure transforms and writes its
 * tables; with the silver and gold helpers they share and the ingest log of landing batches (§4,
 * §6). May depend on {@code runstate} and the common module only.
 */
package io.cxgap.jobs.steps;

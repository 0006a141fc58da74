/**
 * Pain-point clusters (DESIGN.md §5, {@code gold.customer_clusters} and {@code
 * gold.cluster_profiles}): per-customer pain features, seeded k-means with k chosen by silhouette,
 * cluster profiles and labels, and matching today's clusters to the previous run's (Hungarian
 * assignment) so ids stay stable. May depend on {@code transform}, {@code spark} and the root
 * package.
 */
package io.cxgap.common.clusters;

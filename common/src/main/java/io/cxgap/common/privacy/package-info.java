/**
 * Erasure and retention of personal data (DESIGN.md §6): salted customer hashes, which rows name an
 * erased customer, which bronze rows are past retention. Pure column logic; the {@code forget}
 * command and the ingest step do the I/O.
 */
package io.cxgap.common.privacy;

/**
 * How the generator writes and counts what it writes: RFC 4180 CSV and JSON Lines rows, the
 * landing-zone file layout, the quarantine reasons it plants and the tally of rows per file and
 * window. Depends on the JDK only.
 */
package io.cxgap.common.generate.files;

/**
 * Serving (DESIGN.md §7): {@code sql} and {@code serve} over the warehouse's catalog and metastore,
 * read-only unless asked, and {@code serve-user} with the password file serve's logins check.
 * Depends on {@code options} and the common module only; no pipeline code.
 */
package io.cxgap.jobs.serve;

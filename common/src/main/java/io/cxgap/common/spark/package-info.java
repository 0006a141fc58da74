/**
 * Spark sessions as cxgap builds them (DESIGN.md §7, §8): the session settings and extensions, and
 * the read-only guard that {@code serve} and {@code sql} install, with its statement rules. May
 * depend on {@code config} and the root package.
 */
package io.cxgap.common.spark;

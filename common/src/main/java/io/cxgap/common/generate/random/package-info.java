/**
 * The generator's seeded randomness: one independent stream per purpose and index, the
 * distributions drawn from, fake names, contacts and comments, and timestamps in the formats the
 * landing contract accepts. Depends on the JDK only.
 */
package io.cxgap.common.generate.random;

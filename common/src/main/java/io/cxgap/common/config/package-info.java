/**
 * The run configuration (DESIGN.md §3, §7): {@code conf/application.conf} (HOCON) with {@code
 * --set} overrides, validated into {@link io.cxgap.common.config.CxConfig}; the serve settings; and
 * {@link io.cxgap.common.config.Locations}, the one place that tells a local path from a URI. May
 * depend on the root package only.
 */
package io.cxgap.common.config;

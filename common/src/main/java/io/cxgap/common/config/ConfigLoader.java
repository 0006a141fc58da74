package io.cxgap.common.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import io.cxgap.common.CxErrors;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads HOCON config in layers: built-in defaults (conf/application.conf packaged on the
 * classpath), {@code conf/application.conf} in the working directory when present, the {@code
 * --config} file, then each {@code --set key=value}. Unknown {@code cx.*} keys are errors.
 */
public final class ConfigLoader {
  private static final String DEFAULTS_RESOURCE = "cxgap/application.conf";
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(secret|password|passwd|token|credential|access\\.key|secret\\.key|sas).*");

  private ConfigLoader() {}

  /** Loads and validates; every problem is a usage error (exit 2) that names the key or file. */
  public static CxConfig load(Path workDir, Path configFile, List<String> sets) {
    Config merged = merged(workDir, configFile, sets);
    return toRecord(merged, workDir);
  }

  static Config merged(Path workDir, Path configFile, List<String> sets) {
    Config defaults =
        ConfigFactory.parseResources(
            ConfigLoader.class.getClassLoader(),
            DEFAULTS_RESOURCE,
            ConfigParseOptions.defaults().setAllowMissing(false));
    Config c = defaults;
    Path local = workDir.resolve("conf/application.conf");
    if (Files.isRegularFile(local)) {
      c = parseFile(local).withFallback(c);
    }
    if (configFile != null) {
      Path f = configFile.isAbsolute() ? configFile : workDir.resolve(configFile);
      if (!Files.isRegularFile(f)) {
        throw CxErrors.usage("config file not found: %s", f);
      }
      c = parseFile(f).withFallback(c);
    }
    for (String s : sets) {
      c = parseSet(s).withFallback(c);
    }
    try {
      return c.resolve();
    } catch (ConfigException e) {
      throw CxErrors.usage("config: %s", e.getMessage());
    }
  }

  private static Config parseFile(Path f) {
    if (!Files.isReadable(f)) {
      throw CxErrors.usage("config file not readable: %s", f);
    }
    try {
      return ConfigFactory.parseFile(
          f.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw CxErrors.usage("config file %s is not valid HOCON: %s", f, e.getMessage());
    }
  }

  static Config parseSet(String kv) {
    int eq = kv.indexOf('=');
    if (eq <= 0) {
      throw CxErrors.usage("--set takes key=value, got '%s'", kv);
    }
    String key = kv.substring(0, eq).trim();
    String value = kv.substring(eq + 1).trim();
    String hocon =
        value.startsWith("[") || value.startsWith("{") || value.equals("null")
            ? value
            : ConfigUtil.quoteString(value);
    try {
      return ConfigFactory.parseString(key + " = " + hocon);
    } catch (ConfigException e) {
      throw CxErrors.usage("--set %s: %s", kv, e.getMessage());
    }
  }

  private static final Set<String> KNOWN_CX_KEYS =
      Set.of(
          "landing",
          "warehouse",
          "window-days",
          "min-respondents",
          "segment-dimensions",
          "seed",
          "catalog",
          "quality.max-quarantine-share",
          "sources.surveys.wide.expectation-prefix",
          "sources.surveys.wide.experience-prefix",
          "sources.surveys.wide.adequate-prefix",
          "trends.min-delta",
          "clusters.k-min",
          "clusters.k-max",
          "clusters.friction-weight",
          "clusters.wait-cap-s",
          "clusters.max-match-distance",
          "clusters.silhouette-sample",
          "drivers.max-exact-touchpoints",
          "drivers.bootstrap",
          "initiatives",
          "followup-days",
          "serve.users",
          "serve.tls.keystore",
          "serve.tls.keystore-password-env",
          "privacy.salt",
          "privacy.vacuum-hours",
          "privacy.bronze-retention-days");

  static CxConfig toRecord(Config c, Path workDir) {
    Config cx = c.getConfig("cx");
    for (Map.Entry<String, ConfigValue> e : cx.entrySet()) {
      if (!KNOWN_CX_KEYS.contains(e.getKey()) && !e.getKey().startsWith("serve.ldap.")) {
        throw CxErrors.config(
            "cx." + e.getKey(), "unknown key; see README.md for the keys cxgap reads");
      }
    }
    try {
      return new CxConfig(
          location(cx.getString("landing"), workDir),
          location(cx.getString("warehouse"), workDir),
          cx.getInt("window-days"),
          cx.getInt("min-respondents"),
          cx.getStringList("segment-dimensions"),
          cx.getDouble("quality.max-quarantine-share"),
          cx.getLong("seed"),
          location(cx.getString("catalog"), workDir),
          cx.getString("sources.surveys.wide.expectation-prefix"),
          cx.getString("sources.surveys.wide.experience-prefix"),
          cx.getString("sources.surveys.wide.adequate-prefix"),
          cx.getDouble("trends.min-delta"),
          cx.getInt("clusters.k-min"),
          cx.getInt("clusters.k-max"),
          cx.getDouble("clusters.friction-weight"),
          cx.getDouble("clusters.wait-cap-s"),
          cx.getDouble("clusters.max-match-distance"),
          cx.getInt("clusters.silhouette-sample"),
          cx.getInt("drivers.max-exact-touchpoints"),
          cx.getInt("drivers.bootstrap"),
          initiatives(cx, workDir),
          cx.getInt("followup-days"),
          serve(cx, workDir),
          privacy(cx),
          sparkSettings(c));
    } catch (ConfigException.Missing e) {
      throw CxErrors.config(e.getMessage().replaceAll(".*'(.*)'.*", "$1"), "missing");
    } catch (ConfigException.WrongType | ConfigException.BadValue e) {
      throw CxErrors.usage("config: %s", e.getMessage());
    }
  }

  /** {@code cx.initiatives}: a file, or "" where it is null (the default) or empty. */
  private static String initiatives(Config cx, Path workDir) {
    if (!cx.hasPath("initiatives")) {
      return "";
    }
    String file = cx.getString("initiatives");
    return file.isBlank() ? "" : location(file, workDir);
  }

  /** {@code cx.privacy.*}; {@code bronze-retention-days = null} (the default) keeps bronze. */
  private static PrivacyConfig privacy(Config cx) {
    String days = "privacy.bronze-retention-days";
    int retention = 0;
    if (cx.hasPath(days)) {
      retention = cx.getInt(days);
      if (retention < 1) {
        throw CxErrors.config(
            "cx." + days, "must be at least 1 (or null to keep bronze), was " + retention);
      }
    }
    return new PrivacyConfig(
        cx.getString("privacy.salt"), cx.getInt("privacy.vacuum-hours"), retention);
  }

  private static ServeConfig serve(Config cx, Path workDir) {
    Map<String, String> ldap = new TreeMap<>();
    if (cx.hasPath("serve.ldap")) {
      for (Map.Entry<String, ConfigValue> e : cx.getConfig("serve.ldap").entrySet()) {
        ldap.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
      }
    }
    String users = cx.getString("serve.users");
    String keystore = cx.getString("serve.tls.keystore");
    return new ServeConfig(
        users.isBlank() ? "" : location(users, workDir),
        ldap,
        keystore.isBlank() ? "" : location(keystore, workDir),
        cx.getString("serve.tls.keystore-password-env"));
  }

  /** Local paths become absolute (so executors and the metastore agree); URIs stay as given. */
  static String location(String value, Path workDir) {
    if (!Locations.isLocal(value)) {
      return value;
    }
    if (Locations.isUri(value)) { // file:
      return Path.of(URI.create(value)).toString();
    }
    Path p = Path.of(value);
    return (p.isAbsolute() ? p : workDir.resolve(p)).normalize().toString();
  }

  private static Map<String, String> sparkSettings(Config c) {
    Map<String, String> out = new TreeMap<>();
    if (!c.hasPath("spark")) {
      return out;
    }
    for (Map.Entry<String, ConfigValue> e : c.getConfig("spark").entrySet()) {
      Object v = e.getValue().unwrapped();
      if (v != null) {
        out.put("spark." + e.getKey(), String.valueOf(v));
      }
    }
    return out;
  }

  /** The effective config for logs: anything that looks like a secret is masked. */
  public static List<String> describe(CxConfig config) {
    List<String> lines = new ArrayList<>();
    lines.add("cx.landing = " + config.landing());
    lines.add("cx.warehouse = " + config.warehouse());
    lines.add("cx.window-days = " + config.windowDays());
    lines.add("cx.min-respondents = " + config.minRespondents());
    lines.add("cx.segment-dimensions = " + config.segmentDimensions());
    lines.add(
        String.format(
            Locale.ROOT, "cx.quality.max-quarantine-share = %s", config.maxQuarantineShare()));
    lines.add("cx.catalog = " + config.catalog());
    lines.add("cx.seed = " + config.seed());
    if (config.hasInitiatives()) {
      lines.add("cx.initiatives = " + config.initiatives());
    }
    config
        .spark()
        .forEach((k, v) -> lines.add(k + " = " + (SECRET.matcher(k).matches() ? "****" : v)));
    return lines;
  }
}

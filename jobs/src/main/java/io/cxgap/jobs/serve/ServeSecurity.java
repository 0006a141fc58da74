package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.ServeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@code serve} admits clients (DESIGN.md §7), checked before Spark starts: on loopback a
 * server may run without logins; bound to any other address it needs a login method (the password
 * file or LDAP) and TLS, or {@code serve} exits 2 saying what to configure.
 *
 * @param hiveSettings HiveServer2's settings for them (authentication, keystore)
 * @param systemProperties settings HiveServer2 reads from a fresh HiveConf, so from system
 *     properties: the CUSTOM authentication class and its password file (no secret)
 * @param description one line for the start-up message, with no secret in it
 * @param urlSuffix what a client adds to the JDBC URL
 */
record ServeSecurity(
    Map<String, String> hiveSettings,
    Map<String, String> systemProperties,
    String description,
    String urlSuffix) {
  static final String HOW = "see README \"Securing the BI server\"";

  static ServeSecurity check(ServeConfig c, String host, Map<String, String> env) {
    if (c.passwords() && c.ldapOn()) {
      throw CxErrors.usage(
          "serve: set either cx.serve.users (password file) or cx.serve.ldap.*, not both");
    }
    boolean login = c.passwords() || c.ldapOn();
    if (!loopback(host) && !(login && c.tls())) {
      List<String> missing = new ArrayList<>();
      if (!login) {
        missing.add(
            "a login method: cx.serve.users (add users with 'cxgap serve-user add NAME') or cx.serve.ldap.url");
      }
      if (!c.tls()) {
        missing.add("TLS: cx.serve.tls.keystore, with its password in $" + c.tlsPasswordEnv());
      }
      throw CxErrors.usage(
          "serve --host %s: a server reachable from other machines needs a login method and TLS; set %s (%s)",
          host, String.join(", and ", missing), HOW);
    }
    Map<String, String> hive = new LinkedHashMap<>();
    Map<String, String> system = new LinkedHashMap<>();
    String who;
    if (c.passwords()) {
      Path file = Path.of(c.users());
      if (!Files.isRegularFile(file)) {
        throw CxErrors.usage(
            "cx.serve.users: no password file %s; add a user with 'cxgap serve-user add NAME'",
            file);
      }
      if (PasswordFile.read(file).users().isEmpty()) {
        throw CxErrors.usage(
            "cx.serve.users: %s has no users; add one with 'cxgap serve-user add NAME'", file);
      }
      hive.put("hive.server2.authentication", "CUSTOM");
      hive.put(
          "hive.server2.custom.authentication.class", PasswordFileAuthenticator.class.getName());
      system.put(
          "hive.server2.custom.authentication.class", PasswordFileAuthenticator.class.getName());
      system.put(PasswordFileAuthenticator.FILE_KEY, file.toString());
      who = "user and password from " + file;
    } else if (c.ldapOn()) {
      hive.put("hive.server2.authentication", "LDAP");
      c.ldap().forEach((k, v) -> hive.put("hive.server2.authentication.ldap." + k, v));
      who = "user and password checked by LDAP " + c.ldap().getOrDefault("url", "");
    } else {
      who = "no password: this machine only";
    }
    String suffix = "";
    if (c.tls()) {
      Path keystore = Path.of(c.tlsKeystore());
      String password = env.get(c.tlsPasswordEnv());
      if (password == null || password.isEmpty()) {
        throw CxErrors.usage(
            "cx.serve.tls.keystore is set: put its password in the environment variable %s",
            c.tlsPasswordEnv());
      }
      loadKeystore(keystore, password);
      hive.put("hive.server2.use.SSL", "true");
      hive.put("hive.server2.keystore.path", keystore.toString());
      hive.put("hive.server2.keystore.password", password);
      who += "; TLS";
      suffix = ";ssl=true;sslTrustStore=<truststore>;trustStorePassword=<password>";
    }
    return new ServeSecurity(Map.copyOf(hive), Map.copyOf(system), who, suffix);
  }

  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw CxErrors.usage("--host %s: unknown host", host);
    }
  }

  /**
   * Opens the keystore now, so a wrong path or password is exit 2, not a server that fails each
   * client.
   */
  private static void loadKeystore(Path keystore, String password) {
    if (!Files.isRegularFile(keystore)) {
      throw CxErrors.usage(
          "cx.serve.tls.keystore: no keystore %s; README \"Securing the BI server\" shows how to make one with keytool",
          keystore);
    }
    try {
      KeyStore.getInstance(keystore.toFile(), password.toCharArray());
    } catch (IOException | GeneralSecurityException e) {
      throw CxErrors.usage(
          "cx.serve.tls.keystore: cannot open %s with the password in the environment: %s",
          keystore, e.getMessage());
    }
  }
}

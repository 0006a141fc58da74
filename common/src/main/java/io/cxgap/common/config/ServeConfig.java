package io.cxgap.common.config;

import java.io.Serializable;
import java.util.Map;

/**
 * How {@code serve} admits clients (DESIGN.md §7): {@code cx.serve.*}.
 *
 * @param users the password file ({@code user:salt:hash} lines, managed with {@code cxgap
 *     serve-user}); empty for none
 * @param ldap {@code cx.serve.ldap.*}, passed to HiveServer2 as {@code
 *     hive.server2.authentication.ldap.*} (url, baseDN, Domain, ...); empty for none
 * @param tlsKeystore the keystore holding the server's key and certificate; empty for no TLS
 * @param tlsPasswordEnv the environment variable that holds the keystore's password
 */
public record ServeConfig(
    String users, Map<String, String> ldap, String tlsKeystore, String tlsPasswordEnv)
    implements Serializable {
  public ServeConfig {
    ldap = Map.copyOf(ldap);
    if (!tlsPasswordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw io.cxgap.common.CxErrors.config(
          "cx.serve.tls.keystore-password-env",
          "'" + tlsPasswordEnv + "' is not an environment variable name");
    }
  }

  public boolean passwords() {
    return !users.isEmpty();
  }

  public boolean ldapOn() {
    return !ldap.isEmpty();
  }

  public boolean tls() {
    return !tlsKeystore.isEmpty();
  }
}

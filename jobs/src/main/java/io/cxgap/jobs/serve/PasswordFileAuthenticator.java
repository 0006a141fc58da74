package io.cxgap.jobs.serve;

import java.nio.file.Path;
import javax.security.sasl.AuthenticationException;
import org.apache.hadoop.conf.Configurable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * HiveServer2's CUSTOM authentication for {@code serve} (DESIGN.md §7): a login is admitted when
 * its password matches the password file that {@value #FILE_KEY} names. The file is read at each
 * login, so {@code cxgap serve-user add|remove} takes effect without a restart. HiveServer2 builds
 * this class from a fresh HiveConf, which takes its settings from system properties: {@code serve}
 * sets the class and the file there ({@link ServeSecurity#systemProperties}).
 */
public final class PasswordFileAuthenticator implements PasswdAuthenticationProvider, Configurable {
  /** The setting, in HiveServer2's configuration, that names the password file. */
  static final String FILE_KEY = "cxgap.serve.users";

  private Configuration conf;

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    String file = conf == null ? null : conf.get(FILE_KEY, System.getProperty(FILE_KEY));
    if (file == null || file.isEmpty()) {
      throw new AuthenticationException("cxgap serve: no password file is configured");
    }
    char[] pw = password == null ? new char[0] : password.toCharArray();
    try {
      if (user == null || !PasswordFile.read(Path.of(file)).verify(user, pw)) {
        throw new AuthenticationException("cxgap serve: wrong user name or password");
      }
    } catch (RuntimeException e) { // an unreadable or malformed file admits no one
      throw new AuthenticationException(
          "cxgap serve: cannot check the password: " + e.getMessage());
    } finally {
      PasswordFile.clear(pw);
    }
  }

  @Override
  public void setConf(Configuration conf) {
    this.conf = conf;
  }

  @Override
  public Configuration getConf() {
    return conf;
  }
}

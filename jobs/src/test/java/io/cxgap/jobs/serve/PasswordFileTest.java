package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import io.cxgap.jobs.JobsTestBase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import javax.security.sasl.AuthenticationException;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's password file and {@code cxgap serve-user} (DESIGN.md §7). */
class PasswordFileTest {
  @TempDir Path dir;

  @Test
  void theHash_isPbkdf2HmacSha256_asRfc7914sTestVectorGivesIt() {
    // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64)
    String expected =
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783";
    byte[] got =
        PasswordFile.derive(
            "passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1, 64);
    assertThat(HexFormat.of().formatHex(got)).isEqualTo(expected);
  }

  @Test
  void serveUserAdd_writesAnOwnerOnlyFileWithoutThePassword_andTheAuthenticatorChecksIt()
      throws Exception {
    Path file = dir.resolve("conf/serve-users");
    JobsTestBase.Outcome added =
        withStdin(
            "correct horse battery\n",
            "serve-user",
            "add",
            "ann",
            "--set",
            "cx.serve.users=" + file);
    assertThat(added.code()).as(added.toString()).isZero();
    assertThat(added.out()).contains("added ann in " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains("ann:").doesNotContain("correct horse");
    List<String> line =
        List.of(
            text.lines().filter(l -> l.startsWith("ann:")).findFirst().orElseThrow().split(":"));
    assertThat(line).hasSize(3);
    assertThat(java.util.Base64.getDecoder().decode(line.get(1))).hasSize(16);
    // the stored hash is PBKDF2 of the password with the stored salt, worked out here with the JDK
    // directly
    javax.crypto.SecretKeyFactory f =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
    byte[] direct =
        f.generateSecret(
                new javax.crypto.spec.PBEKeySpec(
                    "correct horse battery".toCharArray(),
                    java.util.Base64.getDecoder().decode(line.get(1)),
                    600_000,
                    256))
            .getEncoded();
    assertThat(line.get(2)).isEqualTo(java.util.Base64.getEncoder().encodeToString(direct));

    PasswordFileAuthenticator auth = new PasswordFileAuthenticator();
    Configuration conf = new Configuration(false);
    conf.set(PasswordFileAuthenticator.FILE_KEY, file.toString());
    auth.setConf(conf);
    auth.Authenticate("ann", "correct horse battery");
    assertThatThrownBy(() -> auth.Authenticate("ann", "wrong password"))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> auth.Authenticate("ann", ""))
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(() -> auth.Authenticate("bob", "correct horse battery"))
        .isInstanceOf(AuthenticationException.class);

    JobsTestBase.Outcome changed =
        withStdin(
            "another password\n", "serve-user", "add", "ann", "--set", "cx.serve.users=" + file);
    assertThat(changed.out()).contains("changed the password of ann");
    assertThatThrownBy(() -> auth.Authenticate("ann", "correct horse battery"))
        .isInstanceOf(AuthenticationException.class);
    auth.Authenticate("ann", "another password");

    JobsTestBase.Outcome removed =
        withStdin("", "serve-user", "remove", "ann", "--set", "cx.serve.users=" + file);
    assertThat(removed.code()).as(removed.toString()).isZero();
    assertThatThrownBy(() -> auth.Authenticate("ann", "another password"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void badInput_exits2_namingWhatIsWrong() throws Exception {
    Path file = dir.resolve("users");
    JobsTestBase.Outcome noFile = withStdin("long enough\n", "serve-user", "add", "ann");
    assertThat(noFile.code()).isEqualTo(2);
    assertThat(noFile.err()).contains("cx.serve.users").contains("not set");
    JobsTestBase.Outcome shortPw =
        withStdin("short\n", "serve-user", "add", "ann", "--set", "cx.serve.users=" + file);
    assertThat(shortPw.code()).isEqualTo(2);
    assertThat(shortPw.err()).contains("at least 8 characters");
    JobsTestBase.Outcome badName =
        withStdin("long enough\n", "serve-user", "add", "a:b", "--set", "cx.serve.users=" + file);
    assertThat(badName.err()).contains("user name 'a:b'");
    JobsTestBase.Outcome unknown =
        withStdin("", "serve-user", "remove", "zed", "--set", "cx.serve.users=" + file);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no user 'zed'");
    Files.writeString(
        file, "# users\nann:c2FsdA==:aGFzaA==\nbroken line\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PasswordFile.read(file))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("line 3 is not user:salt:hash");
  }

  private static JobsTestBase.Outcome withStdin(String input, String... args) {
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return JobsTestBase.cli(args);
    } finally {
      System.setIn(in);
    }
  }
}

package io.cxgap.jobs.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cxgap.common.CxException;
import io.cxgap.common.config.ServeConfig;
import io.cxgap.common.generate.GeneratorOptions;
import io.cxgap.common.generate.SampleGenerator;
import io.cxgap.jobs.JobsTestBase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code cxgap serve} with logins from a password file and TLS (DESIGN.md §7), as a BI tool meets
 * it: a keystore made with the JDK's keytool, users added with {@code cxgap serve-user}, then the
 * real Hive JDBC driver: with the truststore and the right password it queries; with a wrong or no
 * password, or without TLS, it is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeSecureIT extends JobsTestBase {
  static final LocalDate D = LocalDate.of(2026, 10, 31);
  static final String KEYSTORE_PASSWORD = "keystore-secret-4711";
  static final String PASSWORD = "dashboards only";

  Path dir;
  Path warehouse;
  Path keystore;
  Path truststore;
  ServeProcess server;

  @BeforeAll
  void warehouseKeystoreUsersAndServe() throws Exception {
    dir = Files.createTempDirectory("cxgap-serve-tls");
    Path landing = dir.resolve("landing");
    warehouse = dir.resolve("warehouse");
    SampleGenerator.generate(new GeneratorOptions(landing, 60, 20, D, 5, 0.0));
    runSteps(
        List.of("ingest", "conform", "gaps"),
        step -> cli(args(landing, warehouse, repoCatalog(), step, "--date", D.toString())));

    keystore = dir.resolve("server.p12");
    truststore = dir.resolve("truststore.jks");
    Path cert = dir.resolve("server.crt");
    keytool(
        "-genkeypair",
        "-alias",
        "cxgap",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "cxgap",
        "-rfc",
        "-file",
        cert.toString(),
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD);
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "cxgap",
        "-file",
        cert.toString(),
        "-storetype",
        "JKS",
        "-keystore",
        truststore.toString(),
        "-storepass",
        "trust-pass");

    Path users = dir.resolve("serve-users");
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
    try {
      Outcome added = cli("serve-user", "add", "analyst", "--set", "cx.serve.users=" + users);
      assertThat(added.code()).as(added.toString()).isZero();
    } finally {
      System.setIn(in);
    }
    server =
        ServeProcess.serve(
            dir,
            warehouse,
            Map.of("CXGAP_SERVE_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD),
            "--set",
            "cx.serve.users=" + users,
            "--set",
            "cx.serve.tls.keystore=" + keystore);
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  private void keytool(String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool %s\n%s", String.join(" ", args), out).isZero();
  }

  private String tlsUrl() {
    return "jdbc:hive2://127.0.0.1:"
        + server.port
        + "/cx_gold;ssl=true;sslTrustStore="
        + truststore
        + ";trustStorePassword=trust-pass";
  }

  @Test
  void aTlsClientWithTheRightPassword_queries() throws Exception {
    long expected = table(warehouse, "gold", "gap_segment_touchpoint").count();
    try (Connection c = DriverManager.getConnection(tlsUrl(), "analyst", PASSWORD);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM gap_segment_touchpoint")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getLong(1)).isEqualTo(expected);
    }
    assertThat(ServeProcess.read(server.out))
        .contains("user and password from")
        .contains("TLS")
        .contains(";ssl=true");
    assertThat(server.logs())
        .as("the keystore password is never printed")
        .doesNotContain(KEYSTORE_PASSWORD);
  }

  @Test
  void aWrongPassword_noPassword_andAnUnknownUser_areRefused() {
    for (String[] login :
        List.of(
            new String[] {"analyst", "not the password"},
            new String[] {"analyst", ""},
            new String[] {"mallory", PASSWORD})) {
      assertThatThrownBy(() -> DriverManager.getConnection(tlsUrl(), login[0], login[1]).close())
          .as("%s / '%s'", login[0], login[1])
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Error validating the login");
    }
  }

  @Test
  void aPlainTextClient_doesNotConnect() {
    DriverManager.setLoginTimeout(30);
    try {
      assertThatThrownBy(
              () ->
                  DriverManager.getConnection(
                          "jdbc:hive2://127.0.0.1:" + server.port + "/cx_gold", "analyst", PASSWORD)
                      .close())
          .isInstanceOf(SQLException.class);
    } finally {
      DriverManager.setLoginTimeout(0);
    }
  }

  @Test
  void aWrongKeystorePassword_orNoneInTheEnvironment_isExit2BeforeSparkStarts() {
    ServeConfig c =
        new ServeConfig(
            dir.resolve("serve-users").toString(),
            Map.of(),
            keystore.toString(),
            "CXGAP_SERVE_KEYSTORE_PASSWORD");
    assertThatThrownBy(
            () ->
                ServeSecurity.check(
                    c, "127.0.0.1", Map.of("CXGAP_SERVE_KEYSTORE_PASSWORD", "wrong")))
        .isInstanceOf(CxException.class)
        .hasMessageContaining("cannot open " + keystore);
    assertThatThrownBy(() -> ServeSecurity.check(c, "127.0.0.1", Map.of()))
        .isInstanceOf(CxException.class)
        .hasMessageContaining(
            "put its password in the environment variable CXGAP_SERVE_KEYSTORE_PASSWORD");
    ServeSecurity ok =
        ServeSecurity.check(
            c, "0.0.0.0", Map.of("CXGAP_SERVE_KEYSTORE_PASSWORD", KEYSTORE_PASSWORD));
    assertThat(ok.hiveSettings())
        .containsEntry("hive.server2.authentication", "CUSTOM")
        .containsEntry("hive.server2.use.SSL", "true");
  }
}

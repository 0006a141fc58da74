package io.cxgap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line messages of DESIGN.md §3, checked before any Spark work starts. */
class CliTest {
  @TempDir Path dir;

  static JobsTestBase.Outcome run(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        Cli.run(
            args,
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    return new JobsTestBase.Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertUsage(JobsTestBase.Outcome o, String... mentions) {
    assertThat(o.code()).as(o.toString()).isEqualTo(2);
    assertThat(o.err().strip().lines().count()).as("one line: " + o.err()).isEqualTo(1);
    for (String m : mentions) {
      assertThat(o.err()).contains(m);
    }
  }

  private String[] landingArgs(String... base) throws IOException {
    Path landing = dir.resolve("landing");
    for (String s : new String[] {"customers", "surveys", "interactions"}) {
      Files.createDirectories(landing.resolve(s));
    }
    return JobsTestBase.args(landing, dir.resolve("wh"), JobsTestBase.repoCatalog(), base);
  }

  @Test
  void unknownCommand_exits2() {
    assertUsage(run("frobnicate"), "frobnicate");
  }

  @Test
  void badDate_exits2_namingTheValue() throws IOException {
    assertUsage(run(landingArgs("nightly", "--date", "2026-02-30")), "--date", "2026-02-30");
    assertUsage(run(landingArgs("ingest", "--date", "yesterday")), "yesterday");
  }

  @Test
  void missingDate_exits2() {
    assertUsage(run("nightly"), "--date");
  }

  @Test
  void missingLandingFolder_exits2_namingIt() {
    Path nowhere = dir.resolve("nowhere");
    assertUsage(
        run(
            JobsTestBase.args(
                nowhere,
                dir.resolve("wh"),
                JobsTestBase.repoCatalog(),
                "nightly",
                "--date",
                "2026-10-31")),
        nowhere.resolve("customers").toString());
  }

  @Test
  void missingCatalog_exits2_namingIt() throws IOException {
    landingArgs();
    String[] a =
        JobsTestBase.args(
            dir.resolve("landing"),
            dir.resolve("wh"),
            dir.resolve("none.conf"),
            "nightly",
            "--date",
            "2026-10-31");
    assertUsage(run(a), "none.conf");
  }

  @Test
  void badInitiativesFile_exits2_withOneLineNamingTheFileAndTheProblem_beforeAnySparkWork()
      throws IOException {
    Path bad = dir.resolve("initiatives.conf");
    Files.writeString(
        bad,
        "initiatives = [ { id = \"ivr\", touchpoint = \"fax\", segment = \"total\",\n"
            + "  started = \"2026-09-01\", due = \"2026-12-31\", expected-change = 10 } ]\n",
        StandardCharsets.UTF_8);
    for (String command : new String[] {"nightly", "monitor"}) {
      assertUsage(
          run(landingArgs(command, "--date", "2026-10-31", "--set", "cx.initiatives=" + bad)),
          "initiatives file "
              + bad
              + " (cx.initiatives): initiative 'ivr': unknown touchpoint 'fax'");
    }
    assertUsage(
        run(
            landingArgs(
                "nightly",
                "--date",
                "2026-10-31",
                "--set",
                "cx.initiatives=" + dir.resolve("none.conf"))),
        "none.conf",
        "not found");
  }

  @Test
  void unreadableOrInvalidConfig_exits2() throws IOException {
    assertUsage(
        run(
            landingArgs(
                "nightly",
                "--date",
                "2026-10-31",
                "--config",
                dir.resolve("missing.conf").toString())),
        "missing.conf");
    Path bad = dir.resolve("bad.conf");
    Files.writeString(bad, "cx { window-days = [ }", StandardCharsets.UTF_8);
    assertUsage(
        run(landingArgs("nightly", "--date", "2026-10-31", "--config", bad.toString())),
        "bad.conf");
  }

  @Test
  void badConfigValue_exits2_namingTheKey() throws IOException {
    assertUsage(
        run(landingArgs("nightly", "--date", "2026-10-31", "--set", "cx.min-respondents=0")),
        "cx.min-respondents");
    assertUsage(
        run(landingArgs("nightly", "--date", "2026-10-31", "--set", "cx.no-such-key=1")),
        "cx.no-such-key");
  }

  @Test
  void generate_rejectsBadOptions_withExit2() {
    assertUsage(
        run("generate", "--out", dir.resolve("g").toString(), "--customers", "0"), "customers");
    assertUsage(
        run("generate", "--out", dir.resolve("g").toString(), "--end-date", "31/10/2026"),
        "31/10/2026");
  }

  @Test
  void help_exits0() {
    JobsTestBase.Outcome o = run("--help");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("nightly").contains("generate").contains("demo");
  }

  @Test
  void everyCommand_answersHelp_withItsOwnUsage() {
    for (String c :
        new String[] {
          "demo",
          "generate",
          "nightly",
          "ingest",
          "conform",
          "gaps",
          "trends",
          "drivers",
          "clusters",
          "monitor",
          "report",
          "alerts",
          "sql",
          "serve",
          "serve-user",
          "runs"
        }) {
      JobsTestBase.Outcome o = run(c, "--help");
      assertThat(o.code()).as(o.toString()).isZero();
      assertThat(o.out()).as(c).startsWith("Usage: cxgap " + c + " ").contains("--help");
    }
    assertThat(run("sql", "--help").out()).contains("--format").contains("--allow-writes");
    assertThat(run("sql", "--version").out()).contains("cxgap 0.1.0");
  }

  @Test
  void badOptionOfACommand_pointsToThatCommandsHelp() {
    assertUsage(run("runs", "--frobnicate"), "--frobnicate", "see cxgap runs --help");
  }

  @Test
  void theBenchmark_isNotACommandOfTheProduct() {
    assertThat(run("--help").out()).doesNotContain("bench");
    assertUsage(run("bench", "--scale", "1"), "bench");
    assertUsage(run("bench-nightly", "--date", "2026-10-31"), "bench-nightly");
  }

  @Test
  void serveOnAnAddressOtherThanLoopback_withoutLoginsAndTls_exits2SayingWhatToSet()
      throws IOException {
    assertUsage(
        run(landingArgs("serve", "--host", "0.0.0.0", "--port", "1")),
        "serve --host 0.0.0.0: a server reachable from other machines needs a login method and TLS",
        "cx.serve.users",
        "cxgap serve-user add NAME",
        "cx.serve.tls.keystore",
        "$CXGAP_SERVE_KEYSTORE_PASSWORD");
    Path users = dir.resolve("users");
    Files.writeString(users, "ann:c2FsdA==:aGFzaA==\n", StandardCharsets.UTF_8);
    JobsTestBase.Outcome withLogins =
        run(
            landingArgs(
                "serve", "--host", "0.0.0.0", "--port", "1", "--set", "cx.serve.users=" + users));
    assertUsage(withLogins, "needs a login method and TLS; set TLS: cx.serve.tls.keystore");
    assertThat(withLogins.err()).doesNotContain("cx.serve.users");
  }

  @Test
  void serveNeverExposesBronze() throws IOException {
    assertUsage(
        run(landingArgs("serve", "--expose", "bronze")),
        "--expose bronze: cx_bronze holds personal data and is never served");
    assertUsage(
        run(landingArgs("serve", "--expose", "platinum")), "--expose platinum: give silver");
  }
}

package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import io.cxgap.common.config.CxConfig;
import io.cxgap.jobs.options.ConfigOptions;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cxgap serve-user add|remove NAME} (DESIGN.md §3, §7): keeps {@code serve}'s password file,
 * the one {@code cx.serve.users} names. {@code add} reads the password without echo from the
 * terminal (twice), or as the first line of standard input when that is not a terminal.
 */
@Command(
    name = "serve-user",
    description =
        "add or remove a user of serve's password file (cx.serve.users); add reads the password without echo, or from stdin")
public final class ServeUserCommand implements Callable<Integer> {
  enum Action {
    add,
    remove
  }

  @Mixin ConfigOptions options;

  @Parameters(
      index = "0",
      paramLabel = "add|remove",
      description = "add (or change the password of) a user, or remove one")
  Action action;

  @Parameters(
      index = "1",
      paramLabel = "NAME",
      description = "the user name a BI tool logs in with")
  String name;

  @Override
  public Integer call() {
    CxConfig config = options.load();
    if (!config.serve().passwords()) {
      throw CxErrors.config(
          "cx.serve.users",
          "not set; name the password file, e.g. --set cx.serve.users=conf/serve-users");
    }
    Path file = Path.of(config.serve().users());
    PasswordFile users = PasswordFile.read(file);
    if (action == Action.remove) {
      if (!users.remove(name)) {
        throw CxErrors.usage("no user '%s' in %s", name, file);
      }
      users.write();
      System.out.printf(Locale.ROOT, "cxgap serve-user: removed %s from %s%n", name, file);
      return 0;
    }
    if (!PasswordFile.validName(name)) {
      throw CxErrors.usage("user name '%s': use 1-64 letters, digits and . _ @ -", name);
    }
    char[] password = readPassword();
    try {
      boolean added = users.put(name, password);
      users.write();
      System.out.printf(
          Locale.ROOT,
          "cxgap serve-user: %s %s in %s%n",
          added ? "added" : "changed the password of",
          name,
          file);
    } finally {
      PasswordFile.clear(password);
    }
    return 0;
  }

  private char[] readPassword() {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password for %s: ", name);
      char[] again = console.readPassword("Again: ");
      try {
        if (first == null || again == null || !Arrays.equals(first, again)) {
          throw CxErrors.usage("the two passwords differ; nothing was changed");
        }
      } finally {
        if (again != null) {
          PasswordFile.clear(again);
        }
      }
      return first;
    }
    try {
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw CxErrors.usage("no password on standard input; give it as the first line");
      }
      return line.toCharArray();
    } catch (IOException e) {
      throw CxErrors.usage("cannot read the password from standard input: %s", e.getMessage());
    }
  }
}

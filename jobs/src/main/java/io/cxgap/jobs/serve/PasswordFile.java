package io.cxgap.jobs.serve;

import io.cxgap.common.CxErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * {@code serve}'s password file (DESIGN.md §7): one line {@code user:salt:hash} per user, salt and
 * hash in Base64, the hash PBKDF2 with HMAC-SHA256 over {@value #ITERATIONS} iterations (OWASP's
 * figure for PBKDF2-HMAC-SHA256). No password is stored, and the file is written with owner-only
 * permissions.
 */
final class PasswordFile {
  static final int ITERATIONS = 600_000;
  static final int SALT_BYTES = 16;
  static final int HASH_BYTES = 32;
  static final int MIN_PASSWORD = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One user's salt and hash. */
  record Entry(byte[] salt, byte[] hash) {}

  private final Path file;
  private final Map<String, Entry> users;

  private PasswordFile(Path file, Map<String, Entry> users) {
    this.file = file;
    this.users = users;
  }

  /**
   * Reads the file; a missing file has no users. A malformed line is an error naming it (exit 2).
   */
  static PasswordFile read(Path file) {
    Map<String, Entry> users = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return new PasswordFile(file, users);
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CxErrors.usage("cannot read the password file %s: %s", file, e.getMessage());
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(":", -1);
      try {
        if (f.length != 3 || !validName(f[0])) {
          throw new IllegalArgumentException("not user:salt:hash");
        }
        users.put(
            f[0], new Entry(Base64.getDecoder().decode(f[1]), Base64.getDecoder().decode(f[2])));
      } catch (IllegalArgumentException e) {
        throw CxErrors.usage(
            "password file %s line %d is not user:salt:hash (%s); fix it or remove the line",
            file, i + 1, e.getMessage());
      }
    }
    return new PasswordFile(file, users);
  }

  static boolean validName(String user) {
    return user.matches("[A-Za-z0-9._@-]{1,64}");
  }

  List<String> users() {
    return List.copyOf(users.keySet());
  }

  /** Whether {@code password} is {@code user}'s; compares the hashes in constant time. */
  boolean verify(String user, char[] password) {
    Entry e = users.get(user);
    if (e == null) {
      derive(
          password,
          new byte[SALT_BYTES],
          ITERATIONS,
          HASH_BYTES); // the same time for unknown users
      return false;
    }
    return MessageDigest.isEqual(e.hash(), derive(password, e.salt(), ITERATIONS, e.hash().length));
  }

  /** Adds or replaces a user with a fresh salt; returns whether the user was new. */
  boolean put(String user, char[] password) {
    if (!validName(user)) {
      throw CxErrors.usage("user name '%s': use 1-64 letters, digits and . _ @ -", user);
    }
    if (password.length < MIN_PASSWORD) {
      throw CxErrors.usage("the password is too short: use at least %d characters", MIN_PASSWORD);
    }
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return users.put(user, new Entry(salt, derive(password, salt, ITERATIONS, HASH_BYTES))) == null;
  }

  boolean remove(String user) {
    return users.remove(user) != null;
  }

  /** Writes the file anew: a temporary file with owner-only permissions, then moved over it. */
  void write() {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) { // not a POSIX file system
        Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        throw new IOException("another serve-user is writing " + file, e);
      }
      List<String> lines = new ArrayList<>();
      lines.add(
          "# cxgap serve users: user:salt:hash (PBKDF2-HMAC-SHA256, "
              + ITERATIONS
              + " iterations); edit with 'cxgap serve-user'");
      Base64.Encoder b64 = Base64.getEncoder();
      users.forEach(
          (u, e) ->
              lines.add(
                  u + ":" + b64.encodeToString(e.salt()) + ":" + b64.encodeToString(e.hash())));
      Files.write(tmp, lines, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw CxErrors.usage("cannot write the password file %s: %s", file, e.getMessage());
    }
  }

  /** PBKDF2 with HMAC-SHA256 (RFC 8018), {@code bytes} long. */
  static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
    } finally {
      spec.clearPassword();
    }
  }

  static void clear(char[] password) {
    Arrays.fill(password, '\0');
  }
}

package io.cxgap.common.privacy;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.spark.sql.Column;

/**
 * The salted hash by which {@code gold.erasure_log} remembers an erased customer without naming
 * them (DESIGN.md §6): lower-case hex SHA-256 of the UTF-8 bytes of {@code cx.privacy.salt}
 * followed by the customer id. The same value in Java (for the log) and as a Spark column (for
 * matching new landing rows).
 */
public final class CustomerHash {
  private CustomerHash() {}

  /** The hash of one customer id. */
  public static String of(String salt, String customerId) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(d.digest((salt + customerId).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /** The hash of a column of customer ids; null where the id is null. */
  public static Column of(String salt, Column customerId) {
    return sha2(concat(lit(salt), customerId), 256);
  }
}

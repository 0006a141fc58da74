package io.cxgap.common.quality;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Whitespace as landing values are trimmed of it (DESIGN.md §4, docs/landing-format.md): every
 * Unicode White_Space character, found and trimmed cheaply where a value holds plain spaces only.
 */
public final class Whitespace {
  private Whitespace() {}

  /**
   * Every Unicode White_Space character: what {@code (?U)\s} matches, the 25 code points U+0009 to
   * U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and
   * U+3000.
   */
  public static final String CHARACTERS =
      "\t\n\u000B\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
          + "\u2028\u2029\u202F\u205F\u3000";

  /** Whether {@code s} holds a {@link #CHARACTERS} character other than the plain space. */
  static boolean hasOther(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      // every CHARACTERS character is in the Basic Multilingual Plane: one char each
      if ((ch >= '\t' && ch <= '\r') || (ch >= '\u0085' && CHARACTERS.indexOf(ch) >= 0)) {
        return true;
      }
    }
    return false;
  }

  private static final UserDefinedFunction HAS_OTHER =
      udf((UDF1<String, Boolean>) s -> s != null && hasOther(s), DataTypes.BooleanType);

  /**
   * Per row: whether {@code c} holds a whitespace character other than the plain space, in one pass
   * over its characters.
   */
  static Column hasOther(Column c) {
    return HAS_OTHER.apply(c);
  }

  /** {@code c} without leading and trailing {@link #CHARACTERS}. */
  public static Column trim(Column c) {
    return trim(c, hasOther(c));
  }

  /**
   * {@code c} without leading and trailing {@link #CHARACTERS}, where {@code other} is true for
   * every row in which {@code c} may hold whitespace other than plain spaces. Most values have
   * none, and for them the cheap trim of spaces is the whole answer; the trim of every whitespace
   * character (which walks the whole value, allocating as it goes) runs only where {@code other}
   * says it may be needed. A per-field regular expression, then that trim alone, then a per-field
   * test of the end characters against the set were each a fifth to a sixth of ingest's CPU.
   */
  static Column trim(Column c, Column other) {
    return when(other, functions.trim(c, CHARACTERS)).otherwise(functions.trim(c));
  }
}

package io.cxgap.common.generate.random;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * ISO-8601 renderings of UTC instants (epoch seconds) as the landing zone carries them: mostly
 * without an offset (read as UTC, DESIGN.md §6), some rows with {@code Z}, some with {@code +02:00}
 * (the same instant shown in local time).
 */
public final class Timestamps {
  public static final long DAY = 86_400L;
  private static final long TWO_HOURS = 7_200L;

  private Timestamps() {}

  public static long startOfDay(LocalDate d) {
    return d.toEpochDay() * DAY;
  }

  public static long epochDay(long epochSecond) {
    return Math.floorDiv(epochSecond, DAY);
  }

  /** {@code yyyy-MM}, the month key of files that hold one month each. */
  public static String month(long epochSecond) {
    LocalDate d = LocalDate.ofEpochDay(epochDay(epochSecond));
    StringBuilder b = new StringBuilder(7);
    pad(b, d.getYear(), 4).append('-');
    return pad(b, d.getMonthValue(), 2).toString();
  }

  public static String date(long epochSecond) {
    return LocalDate.ofEpochDay(epochDay(epochSecond)).toString();
  }

  /** Plain UTC in 90% of calls, {@code Z} in 6%, {@code +02:00} in 4%. */
  public static String mixed(SplittableRandom r, long epochSecond) {
    double u = r.nextDouble();
    if (u < 0.90) {
      return plain(epochSecond);
    } else if (u < 0.96) {
      return plain(epochSecond) + "Z";
    }
    return plain(epochSecond + TWO_HOURS) + "+02:00";
  }

  public static String plain(long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(19);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    return pad(b, t.getSecond(), 2).toString();
  }

  public static StringBuilder pad(StringBuilder b, long value, int width) {
    String s = Long.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /** {@code prefix} followed by {@code value} zero-padded to {@code width} digits. */
  public static String id(String prefix, long value, int width) {
    return pad(new StringBuilder(prefix.length() + width).append(prefix), value, width).toString();
  }
}

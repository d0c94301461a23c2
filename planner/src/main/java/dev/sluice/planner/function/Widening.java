package dev.sluice.planner.function;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * ksqlDB's implicit conversions of function arguments: numeric widening (INT to BIGINT to DECIMAL to
 * DOUBLE), and a STRING literal read as a DATE, TIME or TIMESTAMP (ISO text, partial values allowed:
 * {@code '2022-06'}, {@code '09:16'}, {@code '2022-06-14T09:16'}; a timestamp without a zone is UTC).
 * Generated code calls these when the resolved overload's parameter differs from the argument.
 */
public final class Widening {
  private Widening() {}

  public static Long toLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  public static BigDecimal toDecimal(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }

  public static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  /** Days since the epoch of an ISO date, {@code yyyy[-MM[-dd]]}. */
  public static Integer toDate(String text) {
    if (text == null) {
      return null;
    }
    return (int) date(text.trim()).toEpochDay();
  }

  /** Milliseconds of the day of an ISO time, {@code HH:mm[:ss[.SSS]]}. */
  public static Integer toTime(String text) {
    return text == null ? null : (int) (LocalTime.parse(text.trim()).toNanoOfDay() / 1_000_000);
  }

  /** Epoch milliseconds of an ISO timestamp: a date, optionally {@code T} and a time, optionally a zone. */
  public static Long toTimestamp(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    int tee = t.indexOf('T');
    if (tee < 0) {
      return date(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    String time = t.substring(tee + 1);
    ZoneId zone = ZoneOffset.UTC;
    int z = zoneStart(time);
    if (z >= 0) {
      zone = ZoneId.of(time.substring(z).trim());
      time = time.substring(0, z);
    }
    return LocalDateTime.of(date(t.substring(0, tee)), LocalTime.parse(time)).atZone(zone).toInstant()
        .toEpochMilli();
  }

  private static int zoneStart(String time) {
    for (int i = 0; i < time.length(); i++) {
      char c = time.charAt(i);
      if (c == 'Z' || c == '+' || c == '-' || Character.isLetter(c)) {
        return i;
      }
    }
    return -1;
  }

  private static LocalDate date(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length > 3 || parts.length == 0 || parts[0].isEmpty()) {
      throw new DateTimeParseException("Not a date: " + text, text, 0);
    }
    return LocalDate.of(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
        parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
  }
}

package dev.sluice.engine.serde;

import dev.sluice.planner.schema.SqlType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * ISO-8601 text of TIMESTAMP, DATE and TIME values, read into the engine's representation (epoch
 * milliseconds, epoch days, milliseconds of the day), all in UTC. One place for the rule that
 * {@code INSERT ... VALUES} literals and the rows of {@code /inserts-stream} share.
 */
public final class TemporalText {

  private TemporalText() {}

  /**
   * {@code text} as a value of {@code type} (TIMESTAMP, DATE or TIME): a timestamp with a trailing {@code Z}
   * is an instant, one without is a local date-time read as UTC.
   *
   * @throws java.time.format.DateTimeParseException when the text is no ISO-8601 value of that type
   */
  public static Object parse(String text, SqlType type) {
    return switch (type.base()) {
      case TIMESTAMP -> text.endsWith("Z") ? Instant.parse(text).toEpochMilli()
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
      case DATE -> (int) LocalDate.parse(text).toEpochDay();
      case TIME -> (int) (LocalTime.parse(text).toNanoOfDay() / 1_000_000);
      default -> throw new IllegalArgumentException("Not a temporal type: " + type.sql());
    };
  }

  /** Whether {@code text} is an optionally signed integer: an epoch number written as text. */
  static boolean isNumber(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

package dev.sluice.planner.function;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Date and time functions. A TIMESTAMP is UTC milliseconds, a DATE days since the epoch, a TIME
 * milliseconds of the day; formatting and parsing use {@link DateTimeFormatter} patterns in UTC unless a
 * time zone is given, and never the JVM's default zone or locale. A pattern or zone that cannot be used,
 * or text that does not parse, gives NULL.
 */
public final class DateTimeFunctions {
  private DateTimeFunctions() {}

  private static final String CAT = "DATE / TIME";
  private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

  /** Whether the pattern, outside quoted text, has an hour of the half day ({@code h} or {@code K}). */
  private static boolean hasHalfDayHour(String pattern) {
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && (c == 'h' || c == 'K')) {
        return true;
      }
    }
    return false;
  }

  /** The formatter of a pattern; fields the pattern lacks default to 1970-01-01T00:00:00.000. */
  static DateTimeFormatter formatter(String pattern) {
    DateTimeFormatter f = FORMATTERS.get(pattern);
    if (f == null) {
      // Case-insensitive, as ksqlDB parses: "JAN", "Pm", "z".
      DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive()
          .appendPattern(pattern)
          .parseDefaulting(ChronoField.YEAR_OF_ERA, 1970)
          .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
      if (!hasHalfDayHour(pattern)) {
        // A default hour of the day would contradict one resolved from hh and a (01 PM is 13).
        builder.parseDefaulting(ChronoField.HOUR_OF_DAY, 0);
      }
      f = builder
          .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
          .toFormatter(Locale.ROOT);
      if (FORMATTERS.size() < 1024) {
        FORMATTERS.put(pattern, f);
      }
    }
    return f;
  }

  private static ZoneId zone(String tz) {
    return ZoneId.of(tz);
  }

  @Udf(name = "UNIX_TIMESTAMP", category = CAT, deterministic = false,
      description = "The current time, as milliseconds since the epoch.")
  public static Long unixTimestamp() {
    return System.currentTimeMillis();
  }

  @Udf(name = "UNIX_TIMESTAMP", category = CAT, description = "A TIMESTAMP as milliseconds since the epoch.")
  public static Long unixTimestamp(@UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp) {
    return timestamp;
  }

  @Udf(name = "UNIX_DATE", category = CAT, deterministic = false,
      description = "The current date (UTC), as days since the epoch.")
  public static Integer unixDate() {
    return (int) LocalDate.now(ZoneOffset.UTC).toEpochDay();
  }

  @Udf(name = "UNIX_DATE", category = CAT, description = "A DATE as days since the epoch.")
  public static Integer unixDate(@UdfParam(value = "date", type = "DATE") Integer date) {
    return date;
  }

  @Udf(name = "FROM_UNIXTIME", category = CAT, returnType = "TIMESTAMP",
      description = "The TIMESTAMP of milliseconds since the epoch.")
  public static Long fromUnixtime(@UdfParam("milliseconds") Long milliseconds) {
    return milliseconds;
  }

  @Udf(name = "FROM_DAYS", category = CAT, returnType = "DATE", description = "The DATE of days since the epoch.")
  public static Integer fromDays(@UdfParam("days") Integer days) {
    return days;
  }

  @Udf(name = "FORMAT_TIMESTAMP", category = CAT, description = "A TIMESTAMP as text in the pattern, in UTC.")
  public static String formatTimestamp(@UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp,
      @UdfParam("formatPattern") String pattern) {
    return formatTimestamp(timestamp, pattern, "UTC");
  }

  @Udf(name = "FORMAT_TIMESTAMP", category = CAT, description = "A TIMESTAMP as text in the pattern, in the"
      + " time zone.")
  public static String formatTimestamp(@UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp,
      @UdfParam("formatPattern") String pattern, @UdfParam("timeZone") String timeZone) {
    if (timestamp == null || pattern == null || timeZone == null) {
      return null;
    }
    try {
      return formatter(pattern).format(Instant.ofEpochMilli(timestamp).atZone(zone(timeZone)));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "PARSE_TIMESTAMP", category = CAT, returnType = "TIMESTAMP",
      description = "The TIMESTAMP text in the pattern stands for, read in UTC unless it names a zone.")
  public static Long parseTimestamp(@UdfParam("formattedTimestamp") String text,
      @UdfParam("formatPattern") String pattern) {
    return parseTimestamp(text, pattern, "UTC");
  }

  @Udf(name = "PARSE_TIMESTAMP", category = CAT, returnType = "TIMESTAMP",
      description = "The TIMESTAMP text in the pattern stands for, read in the time zone unless it names one.")
  public static Long parseTimestamp(@UdfParam("formattedTimestamp") String text,
      @UdfParam("formatPattern") String pattern, @UdfParam("timeZone") String timeZone) {
    if (text == null || pattern == null || timeZone == null) {
      return null;
    }
    try {
      TemporalAccessor parsed = formatter(pattern).parse(text);
      ZoneId zone = parsed.query(java.time.temporal.TemporalQueries.zone());
      LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
      return ZonedDateTime.of(local, zone != null ? zone : zone(timeZone)).toInstant().toEpochMilli();
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "FORMAT_DATE", category = CAT, description = "A DATE as text in the pattern.")
  public static String formatDate(@UdfParam(value = "date", type = "DATE") Integer date,
      @UdfParam("formatPattern") String pattern) {
    if (date == null || pattern == null) {
      return null;
    }
    try {
      return formatter(pattern).format(LocalDate.ofEpochDay(date));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "PARSE_DATE", category = CAT, returnType = "DATE", description = "The DATE text in the pattern"
      + " stands for.")
  public static Integer parseDate(@UdfParam("formattedDate") String text, @UdfParam("formatPattern") String pattern) {
    if (text == null || pattern == null) {
      return null;
    }
    try {
      // As ksqlDB, text after what the pattern reads is ignored: '2003-12-24-01-01' is 2003-12-24.
      TemporalAccessor parsed = formatter(pattern).parse(text, new java.text.ParsePosition(0));
      return (int) LocalDate.from(parsed).toEpochDay();
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "FORMAT_TIME", category = CAT, description = "A TIME as text in the pattern.")
  public static String formatTime(@UdfParam(value = "time", type = "TIME") Integer time,
      @UdfParam("formatPattern") String pattern) {
    if (time == null || pattern == null) {
      return null;
    }
    try {
      return formatter(pattern).format(LocalTime.ofNanoOfDay(time * 1_000_000L));
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "PARSE_TIME", category = CAT, returnType = "TIME", description = "The TIME text in the pattern"
      + " stands for.")
  public static Integer parseTime(@UdfParam("formattedTime") String text, @UdfParam("formatPattern") String pattern) {
    if (text == null || pattern == null) {
      return null;
    }
    try {
      TemporalAccessor parsed = formatter(pattern).parse(text);
      return (int) (LocalTime.from(parsed).toNanoOfDay() / 1_000_000L);
    } catch (DateTimeException | IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "CONVERT_TZ", category = CAT, returnType = "TIMESTAMP", description = "The TIMESTAMP whose"
      + " wall-clock time in toTz is the given TIMESTAMP's wall-clock time in fromTz.")
  public static Long convertTz(@UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp,
      @UdfParam("fromTz") String fromTz, @UdfParam("toTz") String toTz) {
    if (timestamp == null || fromTz == null || toTz == null) {
      return null;
    }
    try {
      Instant instant = Instant.ofEpochMilli(timestamp);
      long from = zone(fromTz).getRules().getOffset(instant).getTotalSeconds();
      long to = zone(toTz).getRules().getOffset(instant).getTotalSeconds();
      return timestamp + (to - from) * 1000L;
    } catch (DateTimeException e) {
      return null;
    }
  }

  // --- deprecated forms, over BIGINT milliseconds and INT days ------------------------------------------

  @Udf(name = "TIMESTAMPTOSTRING", category = CAT, description = "Milliseconds since the epoch as text in the"
      + " pattern, in UTC. Deprecated: use FORMAT_TIMESTAMP.")
  public static String timestampToString(@UdfParam("epochMilli") Long epochMilli,
      @UdfParam("formatPattern") String pattern) {
    return formatTimestamp(epochMilli, pattern, "UTC");
  }

  @Udf(name = "TIMESTAMPTOSTRING", category = CAT, description = "Milliseconds since the epoch as text in the"
      + " pattern, in the time zone. Deprecated: use FORMAT_TIMESTAMP.")
  public static String timestampToString(@UdfParam("epochMilli") Long epochMilli,
      @UdfParam("formatPattern") String pattern, @UdfParam("timeZone") String timeZone) {
    return formatTimestamp(epochMilli, pattern, timeZone);
  }

  @Udf(name = "STRINGTOTIMESTAMP", category = CAT, description = "Milliseconds since the epoch of text in the"
      + " pattern, read in UTC. Deprecated: use PARSE_TIMESTAMP.")
  public static Long stringToTimestamp(@UdfParam("formattedTimestamp") String text,
      @UdfParam("formatPattern") String pattern) {
    return parseTimestamp(text, pattern, "UTC");
  }

  @Udf(name = "STRINGTOTIMESTAMP", category = CAT, description = "Milliseconds since the epoch of text in the"
      + " pattern, read in the time zone. Deprecated: use PARSE_TIMESTAMP.")
  public static Long stringToTimestamp(@UdfParam("formattedTimestamp") String text,
      @UdfParam("formatPattern") String pattern, @UdfParam("timeZone") String timeZone) {
    return parseTimestamp(text, pattern, timeZone);
  }

  @Udf(name = "STRINGTODATE", category = CAT, description = "Days since the epoch of text in the pattern."
      + " Deprecated: use PARSE_DATE.")
  public static Integer stringToDate(@UdfParam("formattedDate") String text, @UdfParam("formatPattern") String pattern) {
    return parseDate(text, pattern);
  }

  @Udf(name = "DATETOSTRING", category = CAT, description = "Days since the epoch as text in the pattern."
      + " Deprecated: use FORMAT_DATE.")
  public static String dateToString(@UdfParam("epochDays") Integer epochDays, @UdfParam("formatPattern") String pattern) {
    return formatDate(epochDays, pattern);
  }

  // --- arithmetic: TIMESTAMPADD(SECONDS, 5, ts) and friends ------------------------------------------------
  // The parser turns the bare unit keyword into its plural name (MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS).

  private static final String UNIT_DOC = "the time unit: MILLISECONDS, SECONDS, MINUTES, HOURS or DAYS";
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** {@code interval} of {@code unit} in milliseconds, or null for an unknown unit or a null argument. */
  private static Long millis(String unit, Number interval) {
    if (unit == null || interval == null) {
      return null;
    }
    try {
      // exact: TimeUnit.toMillis would saturate at BIGINT's bounds instead of failing
      return Math.multiplyExact(interval.longValue(),
          java.util.concurrent.TimeUnit.valueOf(unit.toUpperCase(Locale.ROOT)).toMillis(1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Integer days(String unit, Number interval) {
    if (unit == null || interval == null) {
      return null;
    }
    try {
      return Math.toIntExact(java.util.concurrent.TimeUnit.valueOf(unit.toUpperCase(Locale.ROOT))
          .toDays(interval.longValue()));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return null;
    }
  }

  @Udf(name = "TIMESTAMPADD", category = CAT, returnType = "TIMESTAMP",
      description = "Adds an interval of the time unit to a TIMESTAMP.")
  public static Long timestampAdd(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to add") Long interval,
      @UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp) {
    Long delta = millis(unit, interval);
    // past BIGINT's range throws (NULL and a processing-log entry) rather than wrap to another time
    return delta == null || timestamp == null ? null : Math.addExact(timestamp, delta);
  }

  @Udf(name = "TIMESTAMPSUB", category = CAT, returnType = "TIMESTAMP",
      description = "Subtracts an interval of the time unit from a TIMESTAMP.")
  public static Long timestampSub(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to subtract") Long interval,
      @UdfParam(value = "timestamp", type = "TIMESTAMP") Long timestamp) {
    Long delta = millis(unit, interval);
    return delta == null || timestamp == null ? null : Math.subtractExact(timestamp, delta);
  }

  @Udf(name = "DATEADD", category = CAT, returnType = "DATE",
      description = "Adds an interval of the time unit, in whole days, to a DATE.")
  public static Integer dateAdd(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to add") Integer interval,
      @UdfParam(value = "date", type = "DATE") Integer date) {
    Integer delta = days(unit, interval);
    return delta == null || date == null ? null : Math.addExact(date, delta);
  }

  @Udf(name = "DATESUB", category = CAT, returnType = "DATE",
      description = "Subtracts an interval of the time unit, in whole days, from a DATE.")
  public static Integer dateSub(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to subtract") Integer interval,
      @UdfParam(value = "date", type = "DATE") Integer date) {
    Integer delta = days(unit, interval);
    return delta == null || date == null ? null : Math.subtractExact(date, delta);
  }

  @Udf(name = "TIMEADD", category = CAT, returnType = "TIME",
      description = "Adds an interval of the time unit to a TIME, wrapping around midnight.")
  public static Integer timeAdd(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to add") Integer interval,
      @UdfParam(value = "time", type = "TIME") Integer time) {
    Long delta = millis(unit, interval);
    return delta == null || time == null ? null : (int) Math.floorMod(time + delta, MILLIS_PER_DAY);
  }

  @Udf(name = "TIMESUB", category = CAT, returnType = "TIME",
      description = "Subtracts an interval of the time unit from a TIME, wrapping around midnight.")
  public static Integer timeSub(@UdfParam(value = "unit", description = UNIT_DOC) String unit,
      @UdfParam(value = "interval", description = "how many units to subtract") Integer interval,
      @UdfParam(value = "time", type = "TIME") Integer time) {
    Long delta = millis(unit, interval);
    return delta == null || time == null ? null : (int) Math.floorMod(time - delta, MILLIS_PER_DAY);
  }
}

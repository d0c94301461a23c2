package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of {@link DateTimeFunctions}: NULLs, bad patterns and zones, DST gaps and overlaps, overflow,
 * and independence from the JVM's default time zone and locale.
 */
class DateTimeFunctionsTest {
  private static final long MAR_14_2021_UTC = Instant.parse("2021-03-14T00:00:00Z").toEpochMilli();

  /** Runs {@code body} with another default zone and locale, restoring both after. */
  private static <T> T withDefaults(String zone, Locale locale, Supplier<T> body) {
    TimeZone zoneBefore = TimeZone.getDefault();
    Locale localeBefore = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      Locale.setDefault(locale);
      return body.get();
    } finally {
      TimeZone.setDefault(zoneBefore);
      Locale.setDefault(localeBefore);
    }
  }

  @Test
  @Covers({"FORMAT_TIMESTAMP", "PARSE_TIMESTAMP", "TIMESTAMPTOSTRING", "STRINGTOTIMESTAMP"})
  void theJvmDefaultZoneAndLocaleNeverMatter() {
    String pattern = "yyyy-MM-dd HH:mm:ss EEE MMM";
    String utc = DateTimeFunctions.formatTimestamp(0L, pattern);
    assertThat(utc).isEqualTo("1970-01-01 00:00:00 Thu Jan");
    for (String zone : new String[] {"Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu"}) {
      for (Locale locale : new Locale[] {new Locale("th", "TH", "TH"), Locale.JAPAN, new Locale("ar", "EG")}) {
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.formatTimestamp(0L, pattern))).isEqualTo(utc);
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.timestampToString(0L, pattern)))
            .isEqualTo(utc);
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.parseTimestamp(utc, pattern))).isZero();
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.stringToTimestamp(utc, pattern))).isZero();
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.formatDate(0, "yyyy-MM-dd")))
            .isEqualTo("1970-01-01");
        assertThat(withDefaults(zone, locale, () -> DateTimeFunctions.unixDate()).intValue())
            .isEqualTo((int) LocalDate.now(java.time.ZoneOffset.UTC).toEpochDay());
      }
    }
    assertThat(TimeZone.getDefault()).isNotEqualTo(TimeZone.getTimeZone("Pacific/Kiritimati"));
  }

  @Test
  @Covers({"FORMAT_TIMESTAMP", "PARSE_TIMESTAMP", "CONVERT_TZ"})
  void daylightSavingGapsAndOverlaps() {
    String pattern = "yyyy-MM-dd HH:mm";
    // 02:30 does not exist in Los Angeles on 2021-03-14: it reads as 03:30 PDT, 10:30 UTC
    assertThat(DateTimeFunctions.parseTimestamp("2021-03-14 02:30", pattern, "America/Los_Angeles"))
        .isEqualTo(Instant.parse("2021-03-14T10:30:00Z").toEpochMilli());
    // 01:30 happens twice on 2021-11-07: the earlier offset (PDT) is taken
    assertThat(DateTimeFunctions.parseTimestamp("2021-11-07 01:30", pattern, "America/Los_Angeles"))
        .isEqualTo(Instant.parse("2021-11-07T08:30:00Z").toEpochMilli());
    long beforeJump = Instant.parse("2021-03-14T09:59:00Z").toEpochMilli();
    assertThat(DateTimeFunctions.formatTimestamp(beforeJump, pattern, "America/Los_Angeles"))
        .isEqualTo("2021-03-14 01:59");
    assertThat(DateTimeFunctions.formatTimestamp(beforeJump + 60_000, pattern, "America/Los_Angeles"))
        .isEqualTo("2021-03-14 03:00");
    // CONVERT_TZ shifts by the difference of the offsets at that instant
    assertThat(DateTimeFunctions.convertTz(MAR_14_2021_UTC, "UTC", "America/Los_Angeles"))
        .isEqualTo(MAR_14_2021_UTC - 8 * 3_600_000L);
    long summer = Instant.parse("2021-07-01T00:00:00Z").toEpochMilli();
    assertThat(DateTimeFunctions.convertTz(summer, "America/Los_Angeles", "Europe/Berlin"))
        .isEqualTo(summer + 9 * 3_600_000L);
    assertThat(DateTimeFunctions.convertTz(summer, "+05:30", "UTC")).isEqualTo(summer - 19_800_000L);
  }

  @Test
  @Covers({"FORMAT_TIMESTAMP", "PARSE_TIMESTAMP", "FORMAT_DATE", "PARSE_DATE", "FORMAT_TIME", "PARSE_TIME",
      "CONVERT_TZ", "STRINGTODATE", "DATETOSTRING"})
  void badPatternsZonesAndTextGiveNull() {
    assertThat(DateTimeFunctions.formatTimestamp(0L, "yyyy-MM-dd'")).isNull();
    assertThat(DateTimeFunctions.formatTimestamp(0L, "{bad}")).isNull();
    assertThat(DateTimeFunctions.formatTimestamp(0L, "yyyy", "Mars/Olympus")).isNull();
    assertThat(DateTimeFunctions.parseTimestamp("2021-01-01", "yyyy-MM-dd", "Nowhere")).isNull();
    assertThat(DateTimeFunctions.parseTimestamp("2021-02-32 00:00", "yyyy-MM-dd HH:mm")).isNull();
    // a day past the month's end is clamped (the formatter's SMART resolution, as in ksqlDB)
    assertThat(DateTimeFunctions.parseTimestamp("2021-02-30 00:00", "yyyy-MM-dd HH:mm"))
        .isEqualTo(Instant.parse("2021-02-28T00:00:00Z").toEpochMilli());
    assertThat(DateTimeFunctions.parseTimestamp("", "yyyy")).isNull();
    assertThat(DateTimeFunctions.parseDate("2021-13-01", "yyyy-MM-dd")).isNull();
    assertThat(DateTimeFunctions.stringToDate("x", "yyyy-MM-dd")).isNull();
    assertThat(DateTimeFunctions.parseTime("25:00", "HH:mm")).isNull();
    assertThat(DateTimeFunctions.formatDate(0, "HH:mm")).isNull(); // a DATE has no hour
    assertThat(DateTimeFunctions.dateToString(0, "yyyy-MM-dd'")).isNull();
    assertThat(DateTimeFunctions.formatTime(-1, "HH:mm")).isNull();
    assertThat(DateTimeFunctions.formatTime(0, "yyyy")).isNull(); // a TIME has no year
    assertThat(DateTimeFunctions.convertTz(0L, "UTC", "Nowhere")).isNull();
  }

  @Test
  @Covers({"FORMAT_TIMESTAMP", "PARSE_TIMESTAMP", "FORMAT_DATE", "PARSE_DATE", "FORMAT_TIME", "PARSE_TIME",
      "CONVERT_TZ", "TIMESTAMPTOSTRING", "STRINGTOTIMESTAMP", "STRINGTODATE", "DATETOSTRING"})
  void nullArgumentsGiveNull() {
    assertThat(DateTimeFunctions.formatTimestamp(null, "yyyy")).isNull();
    assertThat(DateTimeFunctions.formatTimestamp(0L, null)).isNull();
    assertThat(DateTimeFunctions.formatTimestamp(0L, "yyyy", null)).isNull();
    assertThat(DateTimeFunctions.parseTimestamp(null, "yyyy")).isNull();
    assertThat(DateTimeFunctions.parseTimestamp("1970", "yyyy", null)).isNull();
    assertThat(DateTimeFunctions.formatDate(null, "yyyy")).isNull();
    assertThat(DateTimeFunctions.parseDate("1970", null)).isNull();
    assertThat(DateTimeFunctions.formatTime(0, null)).isNull();
    assertThat(DateTimeFunctions.parseTime(null, "HH")).isNull();
    assertThat(DateTimeFunctions.convertTz(null, "UTC", "UTC")).isNull();
    assertThat(DateTimeFunctions.convertTz(0L, null, "UTC")).isNull();
    assertThat(DateTimeFunctions.timestampToString(null, "yyyy", "UTC")).isNull();
    assertThat(DateTimeFunctions.stringToTimestamp(null, "yyyy", "UTC")).isNull();
    assertThat(DateTimeFunctions.stringToDate(null, "yyyy")).isNull();
    assertThat(DateTimeFunctions.dateToString(null, "yyyy")).isNull();
  }

  @Test
  @Covers({"PARSE_TIMESTAMP", "PARSE_DATE", "PARSE_TIME", "FORMAT_TIMESTAMP", "FORMAT_TIME"})
  void parsingFillsMissingFieldsAndHonoursAZoneInTheText() {
    assertThat(DateTimeFunctions.parseTimestamp("1970-01-01 00:00 +0100", "yyyy-MM-dd HH:mm Z", "Asia/Tokyo"))
        .isEqualTo(-3_600_000L);
    assertThat(DateTimeFunctions.parseTimestamp("1970-01-01 00:00 CET", "yyyy-MM-dd HH:mm z")).isEqualTo(-3_600_000L);
    assertThat(DateTimeFunctions.parseTimestamp("01:00 pm", "hh:mm a")).isEqualTo(13 * 3_600_000L);
    assertThat(DateTimeFunctions.parseTimestamp("1971", "yyyy")).isEqualTo(365 * 86_400_000L);
    assertThat(DateTimeFunctions.parseDate("2003-12-24-01-01", "yyyy-MM-dd")).isEqualTo(12_410);
    assertThat(DateTimeFunctions.parseDate("1969-12-31", "yyyy-MM-dd")).isEqualTo(-1);
    assertThat(DateTimeFunctions.parseTime("23:59:59.999", "HH:mm:ss.SSS")).isEqualTo(86_399_999);
    assertThat(DateTimeFunctions.formatTime(86_399_999, "HH:mm:ss.SSS")).isEqualTo("23:59:59.999");
    assertThat(DateTimeFunctions.formatTimestamp(-1L, "yyyy-MM-dd HH:mm:ss.SSS")).isEqualTo("1969-12-31 23:59:59.999");
    assertThat(DateTimeFunctions.formatTimestamp(0L, "yyyy-MM-dd HH:mm XXX", "Asia/Kathmandu"))
        .isEqualTo("1970-01-01 05:30 +05:30");
  }

  @Test
  @Covers({"TIMESTAMPADD", "TIMESTAMPSUB", "DATEADD", "DATESUB"})
  void arithmeticOverflowThrowsInsteadOfWrapping() {
    assertThat(DateTimeFunctions.timestampAdd("SECONDS", 5L, 1000L)).isEqualTo(6000L);
    assertThat(DateTimeFunctions.timestampSub("days", 1L, 0L)).isEqualTo(-86_400_000L);
    assertThat(DateTimeFunctions.timestampAdd("WEEKS", 1L, 0L)).isNull();
    assertThat(DateTimeFunctions.timestampAdd(null, 1L, 0L)).isNull();
    assertThat(DateTimeFunctions.timestampAdd("DAYS", null, 0L)).isNull();
    assertThat(DateTimeFunctions.timestampSub("DAYS", 1L, null)).isNull();
    // thrown, so NULL and a processing-log entry instead of a time on the other side of the epoch
    assertThatThrownBy(() -> DateTimeFunctions.timestampAdd("MILLISECONDS", 1L, Long.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> DateTimeFunctions.timestampAdd("DAYS", Long.MAX_VALUE / 1000, 0L))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> DateTimeFunctions.timestampSub("MILLISECONDS", 1L, Long.MIN_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThat(DateTimeFunctions.dateAdd("DAYS", 2, 10)).isEqualTo(12);
    assertThat(DateTimeFunctions.dateAdd("HOURS", 47, 10)).isEqualTo(11); // whole days only
    assertThat(DateTimeFunctions.dateSub("DAYS", -2, 10)).isEqualTo(12);
    assertThat(DateTimeFunctions.dateAdd("FORTNIGHTS", 1, 10)).isNull();
    assertThat(DateTimeFunctions.dateSub("DAYS", 1, null)).isNull();
    assertThatThrownBy(() -> DateTimeFunctions.dateAdd("DAYS", 1, Integer.MAX_VALUE))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> DateTimeFunctions.dateSub("DAYS", 1, Integer.MIN_VALUE))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  @Covers({"TIMEADD", "TIMESUB"})
  void timeArithmeticWrapsAroundMidnight() {
    assertThat(DateTimeFunctions.timeAdd("HOURS", 1, 23 * 3_600_000)).isZero();
    assertThat(DateTimeFunctions.timeSub("MILLISECONDS", 1, 0)).isEqualTo(86_399_999);
    assertThat(DateTimeFunctions.timeAdd("DAYS", Integer.MAX_VALUE, 5)).isEqualTo(5);
    assertThat(DateTimeFunctions.timeSub("MINUTES", -90, 0)).isEqualTo(5_400_000);
    assertThat(DateTimeFunctions.timeAdd("YEARS", 1, 0)).isNull();
    assertThat(DateTimeFunctions.timeAdd("HOURS", null, 0)).isNull();
    assertThat(DateTimeFunctions.timeSub("HOURS", 1, null)).isNull();
  }

  @Test
  @Covers({"UNIX_TIMESTAMP", "UNIX_DATE", "FROM_UNIXTIME", "FROM_DAYS"})
  void epochConversionsPassValuesAndNullsThrough() {
    long before = System.currentTimeMillis();
    long now = DateTimeFunctions.unixTimestamp();
    assertThat(now).isBetween(before, System.currentTimeMillis());
    assertThat(DateTimeFunctions.unixTimestamp(-5L)).isEqualTo(-5L);
    assertThat(DateTimeFunctions.unixTimestamp(null)).isNull();
    assertThat(DateTimeFunctions.unixDate(-1)).isEqualTo(-1);
    assertThat(DateTimeFunctions.unixDate(null)).isNull();
    assertThat(DateTimeFunctions.fromUnixtime(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    assertThat(DateTimeFunctions.fromUnixtime(null)).isNull();
    assertThat(DateTimeFunctions.fromDays(19_000)).isEqualTo(19_000);
    assertThat(DateTimeFunctions.fromDays(null)).isNull();
  }
}

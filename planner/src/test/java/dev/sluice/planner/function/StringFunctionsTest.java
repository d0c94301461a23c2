package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
  @Test
  void caseIgnoresDefaultLocale() {
    assertEquals("TITLE", StringFunctions.ucase("title"));
    assertEquals("title", StringFunctions.lcase("TITLE"));
    assertEquals("Istanbul Is", StringFunctions.initcap("istanbul iS"));
  }

  @Test
  void concatSkipsNulls() {
    assertEquals("ac", StringFunctions.concat("a", null, "c"));
    assertEquals("", StringFunctions.concat(new String[0]));
    assertEquals("a-c", StringFunctions.concatWs("-", "a", null, "c"));
    assertNull(StringFunctions.concatWs(null, "a"));
  }

  @Test
  void substringPositions() {
    assertEquals("ello", StringFunctions.substring("hello", 2));
    assertEquals("lo", StringFunctions.substring("hello", -2));
    assertEquals("he", StringFunctions.substring("hello", 0, 2));
    assertEquals("", StringFunctions.substring("hello", 10, 2));
    assertEquals("", StringFunctions.substring("hello", 2, -1));
    assertNull(StringFunctions.substring((String) null, 1));
  }

  @Test
  void instrAndPadding() {
    assertEquals(3, StringFunctions.instr("abcabc", "c"));
    assertEquals(6, StringFunctions.instr("abcabc", "c", 1, 2));
    assertEquals(6, StringFunctions.instr("abcabc", "c", -1));
    assertEquals(0, StringFunctions.instr("abc", "z"));
    assertEquals("xyhi", StringFunctions.lpad("hi", 4, "xy"));
    assertEquals("hixy", StringFunctions.rpad("hi", 4, "xy"));
    assertEquals("h", StringFunctions.lpad("hi", 1, "x"));
    assertNull(StringFunctions.lpad("hi", 4, ""));
    assertNull(StringFunctions.lpad("hi", -1, "x"));
  }

  @Test
  void splitAndRegex() {
    assertEquals(List.of("a", "", "b"), StringFunctions.split("a,,b", ","));
    assertEquals(List.of("a", "b"), StringFunctions.split("ab", ""));
    assertEquals(Map.of("a", "1", "b", "2"), StringFunctions.splitToMap("a=1;b=2;c", ";", "="));
    assertNull(StringFunctions.splitToMap("a", "", "="));
    assertEquals("123", StringFunctions.regexpExtract("\\d+", "ab123cd"));
    assertNull(StringFunctions.regexpExtract("(", "x"));
    assertEquals(List.of("1", "22"), StringFunctions.regexpExtractAll("\\d+", "a1b22"));
    assertEquals("aXbX", StringFunctions.regexpReplace("a1b22", "\\d+", "X"));
  }

  @Test
  void maskingEncodingAndUuid() {
    assertEquals("Xx-nn", StringFunctions.mask("Ab-12"));
    assertEquals("Ab-nn", StringFunctions.maskKeepLeft("Ab-12", 3));
    assertEquals("A", StringFunctions.chr(65));
    assertEquals("A", StringFunctions.chr("\\u0041"));
    assertNull(StringFunctions.chr(-1));
    assertEquals("68656C6C6F", StringFunctions.encode("hello", "utf8", "hex"));
    assertEquals("aGVsbG8=", StringFunctions.encode("68656c6c6f", "hex", "base64"));
    assertNull(StringFunctions.encode("zz", "hex", "utf8"));
    assertEquals("5d41402abc4b2a76b9719d911017c592", StringFunctions.md5("hello"));
    assertNotEquals(StringFunctions.uuid(), StringFunctions.uuid());
    assertEquals("b", StringFunctions.elt(2, "a", "b"));
    assertNull(StringFunctions.elt(3, "a", "b"));
    assertEquals(0, StringFunctions.field(null, "a"));
    assertEquals(2, StringFunctions.field("b", "a", "b"));
  }

  @Test
  void datesAreUtc() {
    assertEquals("1970-01-01 00:00:00", DateTimeFunctions.formatTimestamp(0L, "yyyy-MM-dd HH:mm:ss"));
    assertEquals("1970-01-01 05:30", DateTimeFunctions.formatTimestamp(0L, "yyyy-MM-dd HH:mm", "Asia/Kolkata"));
    assertEquals(0L, DateTimeFunctions.parseTimestamp("1970-01-01 00:00", "yyyy-MM-dd HH:mm"));
    assertEquals(-19_800_000L, DateTimeFunctions.parseTimestamp("1970-01-01 00:00", "yyyy-MM-dd HH:mm",
        "Asia/Kolkata"));
    assertEquals(1, DateTimeFunctions.parseDate("1970-01-02", "yyyy-MM-dd"));
    assertEquals("1970-01-02", DateTimeFunctions.formatDate(1, "yyyy-MM-dd"));
    assertEquals(3_600_000, DateTimeFunctions.parseTime("01:00", "HH:mm"));
    assertNull(DateTimeFunctions.parseDate("nope", "yyyy-MM-dd"));
    assertEquals(19_800_000L, DateTimeFunctions.convertTz(0L, "UTC", "Asia/Kolkata"));
  }
}

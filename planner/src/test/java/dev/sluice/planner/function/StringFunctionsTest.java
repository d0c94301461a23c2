package dev.sluice.planner.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.ByteString;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
  @Test
  @Covers({"UCASE", "LCASE", "INITCAP"})
  void caseIgnoresDefaultLocale() {
    assertEquals("TITLE", StringFunctions.ucase("title"));
    assertEquals("title", StringFunctions.lcase("TITLE"));
    assertEquals("Istanbul Is", StringFunctions.initcap("istanbul iS"));
  }

  @Test
  @Covers({"CONCAT", "CONCAT_WS"})
  void concatSkipsNulls() {
    assertEquals("ac", StringFunctions.concat("a", null, "c"));
    assertEquals("", StringFunctions.concat(new String[0]));
    assertEquals("a-c", StringFunctions.concatWs("-", "a", null, "c"));
    assertNull(StringFunctions.concatWs(null, "a"));
  }

  @Test
  @Covers("SUBSTRING")
  void substringPositions() {
    assertEquals("ello", StringFunctions.substring("hello", 2));
    assertEquals("lo", StringFunctions.substring("hello", -2));
    assertEquals("he", StringFunctions.substring("hello", 0, 2));
    assertEquals("", StringFunctions.substring("hello", 10, 2));
    assertEquals("", StringFunctions.substring("hello", 2, -1));
    assertNull(StringFunctions.substring((String) null, 1));
  }

  @Test
  @Covers({"INSTR", "LPAD", "RPAD"})
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
  @Covers({"SPLIT", "SPLIT_TO_MAP", "REGEXP_EXTRACT", "REGEXP_EXTRACT_ALL", "REGEXP_REPLACE"})
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
  @Covers({"MASK", "MASK_KEEP_LEFT", "CHR", "ENCODE", "MD5", "UUID", "ELT", "FIELD"})
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

  @Test
  @Covers({"UCASE", "LCASE", "INITCAP", "LEN", "TRIM", "LTRIM", "RTRIM", "REPLACE", "SUBSTRING", "INSTR",
      "LPAD", "RPAD", "SPLIT", "SPLIT_TO_MAP", "MASK", "MASK_LEFT", "MASK_RIGHT", "MASK_KEEP_LEFT",
      "MASK_KEEP_RIGHT", "REGEXP_EXTRACT", "REGEXP_EXTRACT_ALL", "REGEXP_REPLACE", "REGEXP_SPLIT_TO_ARRAY",
      "CHR", "ENCODE", "MD5", "UUID", "ELT"})
  void nullInIsNullOut() {
    assertNull(StringFunctions.ucase(null));
    assertNull(StringFunctions.lcase(null));
    assertNull(StringFunctions.initcap(null));
    assertNull(StringFunctions.len((String) null));
    assertNull(StringFunctions.len((ByteString) null));
    assertNull(StringFunctions.trim(null));
    assertNull(StringFunctions.ltrim(null));
    assertNull(StringFunctions.rtrim(null));
    assertNull(StringFunctions.replace("a", null, "b"));
    assertNull(StringFunctions.substring("abc", 1, null));
    assertNull(StringFunctions.instr("abc", "b", null));
    assertNull(StringFunctions.instr(null, "b"));
    assertNull(StringFunctions.rpad(null, 3, "x"));
    assertNull(StringFunctions.lpad("a", null, "x"));
    assertNull(StringFunctions.split(null, ","));
    assertNull(StringFunctions.split("a", (String) null));
    assertNull(StringFunctions.splitToMap("a=1", null, "="));
    assertNull(StringFunctions.mask(null));
    assertNull(StringFunctions.maskLeft(null, 1));
    assertNull(StringFunctions.maskRight("ab", null));
    assertNull(StringFunctions.maskKeepLeft(null, 1));
    assertNull(StringFunctions.maskKeepRight("ab", null));
    assertNull(StringFunctions.regexpExtract(null, "a"));
    assertNull(StringFunctions.regexpExtract("a", "a", null));
    assertNull(StringFunctions.regexpExtractAll("a", null));
    assertNull(StringFunctions.regexpReplace("a", "a", null));
    assertNull(StringFunctions.regexpSplitToArray(null, ","));
    assertNull(StringFunctions.chr((Integer) null));
    assertNull(StringFunctions.chr((String) null));
    assertNull(StringFunctions.encode(null, "hex", "utf8"));
    assertNull(StringFunctions.encode("00", "hex", null));
    assertNull(StringFunctions.md5(null));
    assertNull(StringFunctions.uuid(null));
    assertNull(StringFunctions.elt(null, "a"));
  }

  @Test
  @Covers({"LEN", "SUBSTRING", "SPLIT", "INITCAP", "UCASE", "LCASE", "LPAD", "CHR", "MD5"})
  void unicodeCountsUtf16CodeUnitsAsKsqlDbButNeverBreaksWhatItSplits() {
    String grin = "😀"; // one code point, a surrogate pair
    assertEquals(2, StringFunctions.len(grin)); // String.length(), as ksqlDB's LEN
    assertEquals(grin, StringFunctions.substring("a😀b", 2, 2));
    assertEquals(List.of("a", grin, "b"), StringFunctions.split("a😀b", ""));
    assertEquals("Éa 😀x", StringFunctions.initcap("éA 😀X"));
    assertEquals("STRASSE", StringFunctions.ucase("straße"));
    assertEquals("i", withLocale(new Locale("tr"), () -> StringFunctions.lcase("I"))); // not the dotless ı
    assertEquals("I", withLocale(new Locale("tr"), () -> StringFunctions.ucase("i")));
    assertEquals("xx😀", StringFunctions.lpad(grin, 4, "x"));
    assertEquals(grin, StringFunctions.chr(0x1F600));
    assertEquals(grin, StringFunctions.chr("U+1F600"));
    assertNull(StringFunctions.chr(0x110000));
    assertNull(StringFunctions.chr("\\uZZZZ"));
    assertNull(StringFunctions.chr("0041"));
    assertNull(StringFunctions.chr("\\u41"));
    assertNull(StringFunctions.chr("\\u0041x"));
    assertEquals(grin, StringFunctions.chr("\\uD83D\\uDE00")); // a surrogate pair, as ksqlDB unescapes it
    assertEquals("d41d8cd98f00b204e9800998ecf8427e", StringFunctions.md5(""));
    assertEquals(StringFunctions.md5("é"), StringFunctions.md5("\u00e9")); // hashed as UTF-8
  }

  private static String withLocale(Locale locale, java.util.function.Supplier<String> body) {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(locale);
      return body.get();
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  @Covers({"TRIM", "LTRIM", "RTRIM", "REPLACE", "LEN", "CONCAT", "CONCAT_WS", "SUBSTRING", "LPAD", "RPAD",
      "SPLIT"})
  void emptyStringsAndBytes() {
    assertEquals("a b", StringFunctions.trim(" \ta b\n "));
    assertEquals("a ", StringFunctions.ltrim("  a "));
    assertEquals(" a", StringFunctions.rtrim(" a  "));
    assertEquals("", StringFunctions.trim("   "));
    assertEquals("xaxbxcx", StringFunctions.replace("abc", "", "x")); // String.replace, as ksqlDB
    assertEquals(0, StringFunctions.len(""));
    assertEquals("", StringFunctions.concat((String) null, null));
    assertEquals("", StringFunctions.concatWs(",", (String) null));
    assertEquals("", StringFunctions.substring("", 1));
    assertEquals("", StringFunctions.lpad("abc", 0, "x"));
    assertEquals(List.of(""), StringFunctions.split("", ","));
    assertEquals(List.of("", ""), StringFunctions.split(",", ","));
    ByteString ab = new ByteString(new byte[] {1, 2});
    ByteString sep = new ByteString(new byte[] {0});
    assertEquals(2, StringFunctions.len(ab));
    assertEquals(new ByteString(new byte[] {1, 2, 1, 2}), StringFunctions.concat(ab, null, ab));
    assertEquals(new ByteString(new byte[] {1, 2, 0, 1, 2}), StringFunctions.concatWs(sep, ab, null, ab));
    assertNull(StringFunctions.concatWs(null, ab));
    assertEquals(new ByteString(new byte[] {2}), StringFunctions.substring(ab, -1));
    assertEquals(ByteString.EMPTY, StringFunctions.substring(ab, 5, 1));
    assertEquals(new ByteString(new byte[] {0, 0, 1, 2}), StringFunctions.lpad(ab, 4, sep));
    assertEquals(new ByteString(new byte[] {1}), StringFunctions.rpad(ab, 1, sep));
    assertNull(StringFunctions.rpad(ab, 3, ByteString.EMPTY));
    assertEquals(Arrays.asList(new ByteString(new byte[] {1}), ByteString.EMPTY, new ByteString(new byte[] {2})),
        StringFunctions.split(new ByteString(new byte[] {1, 0, 0, 2}), sep));
    assertEquals(List.of(new ByteString(new byte[] {1}), new ByteString(new byte[] {2})),
        StringFunctions.split(ab, ByteString.EMPTY));
  }

  @Test
  @Covers({"SUBSTRING", "INSTR", "ELT", "FIELD", "LPAD", "RPAD"})
  void outOfRangePositionsAndLengths() {
    assertEquals("hello", StringFunctions.substring("hello", -10));
    assertEquals("", StringFunctions.substring("hello", 6));
    assertEquals("lo", StringFunctions.substring("hello", 4, Integer.MAX_VALUE));
    assertEquals("h", StringFunctions.substring("hello", Integer.MIN_VALUE, 1));
    assertEquals(0, StringFunctions.instr("abc", "a", 10));
    assertEquals(0, StringFunctions.instr("abc", "a", -10));
    assertEquals(0, StringFunctions.instr("abc", "a", 1, 0));
    assertEquals(0, StringFunctions.instr("abcabc", "c", 1, 3));
    assertEquals(1, StringFunctions.instr("abc", ""));
    assertNull(StringFunctions.elt(0, "a"));
    assertNull(StringFunctions.elt(-1, "a"));
    assertNull(StringFunctions.elt(1));
    assertNull(StringFunctions.elt(2, "a", null));
    assertEquals(0, StringFunctions.field("a"));
    assertEquals(0, StringFunctions.field("a", (String) null));
    assertEquals(1, StringFunctions.field("", "", ""));
    assertNull(StringFunctions.rpad("a", -1, "x"));
  }

  @Test
  @Covers({"MASK", "MASK_LEFT", "MASK_RIGHT", "MASK_KEEP_LEFT", "MASK_KEEP_RIGHT"})
  void maskingCountsPastTheEndAndNegativeCounts() {
    assertEquals("XX-12", StringFunctions.maskLeft("Ab-12", 2, "X", "X", "n", "-"));
    assertEquals("Xx-nn", StringFunctions.maskLeft("Ab-12", 100));
    assertEquals("Ab-12", StringFunctions.maskLeft("Ab-12", 0));
    assertEquals("Ab-nn", StringFunctions.maskRight("Ab-12", 2));
    assertEquals("Xx-nn", StringFunctions.maskRight("Ab-12", 100));
    assertEquals("Xx-n2", StringFunctions.maskKeepRight("Ab-12", 1));
    assertEquals("Ab-12", StringFunctions.maskKeepRight("Ab-12", 100));
    assertEquals("Ab-12", StringFunctions.maskKeepLeft("Ab-12", 100));
    // a negative count or a replacement that is not one character fails the call: NULL and a log entry
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.maskLeft("Ab", -1));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.maskRight("Ab", -1));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.maskKeepLeft("Ab", -1));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.maskKeepRight("Ab", -1));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.mask("Ab-12", null, "*", "##", null));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.mask("Ab", "", "*", "#", null));
    assertThrows(IllegalArgumentException.class, () -> StringFunctions.mask("Ab", "😀", "*", "#", null));
    assertEquals("", StringFunctions.mask(""));
    // a NULL replacement keeps that kind of character
    assertEquals("A*-##", StringFunctions.mask("Ab-12", null, "*", "#", null));
    // classified by Unicode category as ksqlDB: a titlecase letter and a circled letter are "other"
    assertEquals("XxX--", StringFunctions.mask("ÉéΣǅⓐ"));
    assertEquals("Ab-12", StringFunctions.maskRight("Ab-12", 5, null, null, null, null));
    assertEquals("Q?-12", StringFunctions.maskKeepRight("Ab-12", 3, "Q", "?", "#", "~"));
    assertEquals("Ab-##", StringFunctions.maskKeepLeft("Ab-12", 3, "Q", "?", "#", "~"));
  }

  @Test
  @Covers({"REGEXP_EXTRACT", "REGEXP_EXTRACT_ALL", "REGEXP_REPLACE", "REGEXP_SPLIT_TO_ARRAY", "SPLIT_TO_MAP"})
  void invalidPatternsGroupsAndReplacementsGiveNull() {
    assertNull(StringFunctions.regexpExtract("(a)", "a", 2));
    assertNull(StringFunctions.regexpExtract("(a)", "a", -1));
    assertNull(StringFunctions.regexpExtract("z", "a"));
    assertEquals("a", StringFunctions.regexpExtract("(a)", "a", 1));
    assertNull(StringFunctions.regexpExtractAll("[", "a"));
    assertNull(StringFunctions.regexpExtractAll("(a)", "a", 3));
    assertEquals(List.of(), StringFunctions.regexpExtractAll("z", "abc"));
    assertEquals(Arrays.asList("1", null), StringFunctions.regexpExtractAll("(\\d)|x", "1x", 1));
    assertNull(StringFunctions.regexpReplace("abc", "*", "x"));
    assertNull(StringFunctions.regexpReplace("abc", "(b)", "$2"));
    assertEquals("a[b]c", StringFunctions.regexpReplace("abc", "(b)", "[$1]"));
    assertEquals(List.of("a", "b", ""), StringFunctions.regexpSplitToArray("a1b22", "\\d+"));
    assertEquals(List.of("a", "b"), StringFunctions.regexpSplitToArray("ab", ""));
    assertNull(StringFunctions.regexpSplitToArray("ab", "("));
    assertEquals(Map.of(), StringFunctions.splitToMap("", ";", "="));
    assertNull(StringFunctions.splitToMap("a=1", ";", ";"));
    assertEquals(Map.of("a", "1", "b", ""), StringFunctions.splitToMap("a=1=2;;b=", ";", "="));
  }

  @Test
  @Covers({"ENCODE", "UUID"})
  void encodeRejectsBadInputAndUuidChecksLength() {
    assertNull(StringFunctions.encode("abc", "hex", "utf8")); // an odd number of digits
    assertEquals("\n", StringFunctions.encode("0xa", "hex", "utf8")); // 0x prefix: a leading zero is added
    assertEquals("", StringFunctions.encode("X''", "hex", "utf8"));
    assertNull(StringFunctions.encode("X'", "hex", "utf8"));
    assertNull(StringFunctions.encode("a", "utf16", "hex"));
    assertNull(StringFunctions.encode("a", "utf8", "rot13"));
    assertNull(StringFunctions.encode("%%%", "base64", "utf8"));
    assertEquals("4142", StringFunctions.encode("QUI=", "base64", "hex"));
    ByteString sixteen = new ByteString(new byte[16]);
    assertEquals("00000000-0000-0000-0000-000000000000", StringFunctions.uuid(sixteen));
    assertNull(StringFunctions.uuid(new ByteString(new byte[15])));
    assertEquals(36, StringFunctions.uuid().length());
  }
}

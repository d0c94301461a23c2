package dev.sluice.planner.function;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Built-in string functions. Every function answers null for a null argument, and null for an argument it
 * cannot process (a bad regular expression, an unknown encoding), unless its description says otherwise.
 */
public final class StringFunctions {
  private StringFunctions() {}

  private static final String CAT = "STRING";

  @Udf(name = "UCASE", category = CAT, description = "Converts a string to upper case.")
  public static String ucase(@UdfParam("input") String input) {
    return input == null ? null : input.toUpperCase(Locale.ROOT);
  }

  @Udf(name = "LCASE", category = CAT, description = "Converts a string to lower case.")
  public static String lcase(@UdfParam("input") String input) {
    return input == null ? null : input.toLowerCase(Locale.ROOT);
  }

  @Udf(name = "LEN", category = CAT, description = "The length of a string, in characters.")
  public static Integer len(@UdfParam("input") String input) {
    return input == null ? null : input.length();
  }

  @Udf(name = "LEN", category = CAT, description = "The length of a BYTES value, in bytes.")
  public static Integer len(@UdfParam("input") ByteString input) {
    return input == null ? null : input.length();
  }

  @Udf(name = "TRIM", category = CAT, description = "Removes leading and trailing whitespace.")
  public static String trim(@UdfParam("input") String input) {
    return input == null ? null : input.trim();
  }

  @Udf(name = "LTRIM", category = CAT, description = "Removes leading whitespace.")
  public static String ltrim(@UdfParam("input") String input) {
    return input == null ? null : input.replaceFirst("^\\s+", "");
  }

  @Udf(name = "RTRIM", category = CAT, description = "Removes trailing whitespace.")
  public static String rtrim(@UdfParam("input") String input) {
    return input == null ? null : input.replaceFirst("\\s+$", "");
  }

  @Udf(name = "CONCAT", category = CAT, description = "Concatenates strings; NULL arguments are skipped.")
  public static String concat(@UdfParam("inputs") String... inputs) {
    if (inputs == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String s : inputs) {
      if (s != null) {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  @Udf(name = "CONCAT", category = CAT, description = "Concatenates BYTES values; NULL arguments are skipped.")
  public static ByteString concat(@UdfParam("inputs") ByteString... inputs) {
    if (inputs == null) {
      return null;
    }
    ByteString out = ByteString.EMPTY;
    for (ByteString b : inputs) {
      if (b != null) {
        out = out.concat(b);
      }
    }
    return out;
  }

  @Udf(name = "CONCAT_WS", category = CAT,
      description = "Concatenates strings with a separator between them; NULL strings are skipped, a NULL"
          + " separator gives NULL.")
  public static String concatWs(@UdfParam("separator") String separator, @UdfParam("inputs") String... inputs) {
    if (separator == null || inputs == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String s : inputs) {
      if (s != null) {
        parts.add(s);
      }
    }
    return String.join(separator, parts);
  }

  @Udf(name = "CONCAT_WS", category = CAT,
      description = "Concatenates BYTES values with a separator between them; NULL values are skipped.")
  public static ByteString concatWs(@UdfParam("separator") ByteString separator,
      @UdfParam("inputs") ByteString... inputs) {
    if (separator == null || inputs == null) {
      return null;
    }
    ByteString out = ByteString.EMPTY;
    boolean first = true;
    for (ByteString b : inputs) {
      if (b != null) {
        out = first ? out.concat(b) : out.concat(separator).concat(b);
        first = false;
      }
    }
    return out;
  }

  /** The 0-based start of a 1-based (or, negative, from-the-end) position, clamped to [0, length]. */
  private static int start(int length, int pos) {
    int start = pos > 0 ? pos - 1 : pos < 0 ? length + pos : 0;
    return Math.min(Math.max(start, 0), length);
  }

  @Udf(name = "SUBSTRING", category = CAT, description = "The part of a string from a 1-based position"
      + " (negative: counted from the end) to the end.")
  public static String substring(@UdfParam("str") String str, @UdfParam("pos") Integer pos) {
    if (str == null || pos == null) {
      return null;
    }
    return str.substring(start(str.length(), pos));
  }

  @Udf(name = "SUBSTRING", category = CAT, description = "The part of a string of at most length characters"
      + " from a 1-based position (negative: counted from the end).")
  public static String substring(@UdfParam("str") String str, @UdfParam("pos") Integer pos,
      @UdfParam("length") Integer length) {
    if (str == null || pos == null || length == null) {
      return null;
    }
    int start = start(str.length(), pos);
    int end = (int) Math.min(Math.max((long) start + length, start), str.length());
    return str.substring(start, end);
  }

  @Udf(name = "SUBSTRING", category = CAT, description = "The part of a BYTES value from a 1-based position.")
  public static ByteString substring(@UdfParam("bytes") ByteString str, @UdfParam("pos") Integer pos) {
    if (str == null || pos == null) {
      return null;
    }
    return str.substring(start(str.length(), pos));
  }

  @Udf(name = "SUBSTRING", category = CAT,
      description = "The part of a BYTES value of at most length bytes from a 1-based position.")
  public static ByteString substring(@UdfParam("bytes") ByteString str, @UdfParam("pos") Integer pos,
      @UdfParam("length") Integer length) {
    if (str == null || pos == null || length == null) {
      return null;
    }
    int start = start(str.length(), pos);
    int end = (int) Math.min(Math.max((long) start + length, start), str.length());
    return str.substring(start, end);
  }

  @Udf(name = "INSTR", category = CAT, description = "The 1-based position of substring in str, 0 if absent.")
  public static Integer instr(@UdfParam("str") String str, @UdfParam("substring") String substring) {
    return instr(str, substring, 1, 1);
  }

  @Udf(name = "INSTR", category = CAT, description = "The 1-based position of substring in str searching from"
      + " position (negative: backwards from the end), 0 if absent.")
  public static Integer instr(@UdfParam("str") String str, @UdfParam("substring") String substring,
      @UdfParam("position") Integer position) {
    return instr(str, substring, position, 1);
  }

  @Udf(name = "INSTR", category = CAT, description = "The 1-based position of the nth occurrence of substring"
      + " in str searching from position (negative: backwards from the end), 0 if absent.")
  public static Integer instr(@UdfParam("str") String str, @UdfParam("substring") String substring,
      @UdfParam("position") Integer position, @UdfParam("occurrence") Integer occurrence) {
    if (str == null || substring == null || position == null || occurrence == null) {
      return null;
    }
    if (occurrence <= 0 || position == 0) {
      return 0;
    }
    if (position > 0) {
      int from = position - 1;
      int idx = -1;
      for (int n = 0; n < occurrence; n++) {
        idx = str.indexOf(substring, from);
        if (idx < 0) {
          return 0;
        }
        from = idx + 1;
      }
      return idx + 1;
    }
    int from = str.length() + position;
    int idx = -1;
    for (int n = 0; n < occurrence; n++) {
      if (from < 0) {
        return 0;
      }
      idx = str.lastIndexOf(substring, from);
      if (idx < 0) {
        return 0;
      }
      from = idx - 1;
    }
    return idx + 1;
  }

  @Udf(name = "LPAD", category = CAT, description = "Pads a string on the left with padding to length"
      + " characters, or truncates it to length.")
  public static String lpad(@UdfParam("input") String input, @UdfParam("length") Integer length,
      @UdfParam("padding") String padding) {
    return pad(input, length, padding, true);
  }

  @Udf(name = "RPAD", category = CAT, description = "Pads a string on the right with padding to length"
      + " characters, or truncates it to length.")
  public static String rpad(@UdfParam("input") String input, @UdfParam("length") Integer length,
      @UdfParam("padding") String padding) {
    return pad(input, length, padding, false);
  }

  private static String pad(String input, Integer length, String padding, boolean left) {
    if (input == null || length == null || padding == null || padding.isEmpty() || length < 0) {
      return null;
    }
    if (input.length() >= length) {
      return input.substring(0, length);
    }
    StringBuilder pad = new StringBuilder();
    int need = length - input.length();
    while (pad.length() < need) {
      pad.append(padding);
    }
    pad.setLength(need);
    return left ? pad + input : input + pad;
  }

  @Udf(name = "LPAD", category = CAT, description = "Pads BYTES on the left with padding to length bytes,"
      + " or truncates them to length.")
  public static ByteString lpad(@UdfParam("input") ByteString input, @UdfParam("length") Integer length,
      @UdfParam("padding") ByteString padding) {
    return pad(input, length, padding, true);
  }

  @Udf(name = "RPAD", category = CAT, description = "Pads BYTES on the right with padding to length bytes,"
      + " or truncates them to length.")
  public static ByteString rpad(@UdfParam("input") ByteString input, @UdfParam("length") Integer length,
      @UdfParam("padding") ByteString padding) {
    return pad(input, length, padding, false);
  }

  private static ByteString pad(ByteString input, Integer length, ByteString padding, boolean left) {
    if (input == null || length == null || padding == null || padding.length() == 0 || length < 0) {
      return null;
    }
    if (input.length() >= length) {
      return input.substring(0, length);
    }
    int need = length - input.length();
    byte[] pad = new byte[need];
    byte[] p = padding.getBytes();
    for (int i = 0; i < need; i++) {
      pad[i] = p[i % p.length];
    }
    return left ? new ByteString(pad).concat(input) : input.concat(new ByteString(pad));
  }

  @Udf(name = "REPLACE", category = CAT, description = "Replaces every occurrence of a substring.")
  public static String replace(@UdfParam("str") String str, @UdfParam("substring") String substring,
      @UdfParam("replacement") String replacement) {
    if (str == null || substring == null || replacement == null) {
      return null;
    }
    return str.replace(substring, replacement);
  }

  @Udf(name = "SPLIT", category = CAT, description = "Splits a string at each delimiter; an empty delimiter"
      + " splits it into characters.")
  public static List<String> split(@UdfParam("string") String string, @UdfParam("delimiter") String delimiter) {
    if (string == null || delimiter == null) {
      return null;
    }
    if (delimiter.isEmpty()) {
      List<String> chars = new ArrayList<>();
      string.codePoints().forEach(c -> chars.add(new String(Character.toChars(c))));
      return chars.isEmpty() ? new ArrayList<>(List.of("")) : chars;
    }
    return new ArrayList<>(Arrays.asList(string.split(Pattern.quote(delimiter), -1)));
  }

  @Udf(name = "SPLIT", category = CAT, description = "Splits BYTES at each delimiter.")
  public static List<ByteString> split(@UdfParam("bytes") ByteString bytes,
      @UdfParam("delimiter") ByteString delimiter) {
    if (bytes == null || delimiter == null) {
      return null;
    }
    List<ByteString> out = new ArrayList<>();
    if (delimiter.length() == 0) {
      for (int i = 0; i < bytes.length(); i++) {
        out.add(bytes.substring(i, i + 1));
      }
      return out;
    }
    int from = 0;
    int idx;
    while ((idx = bytes.indexOf(delimiter, from)) >= 0) {
      out.add(bytes.substring(from, idx));
      from = idx + delimiter.length();
    }
    out.add(bytes.substring(from));
    return out;
  }

  @Udf(name = "SPLIT_TO_MAP", category = CAT, description = "Splits a string into key-value pairs: entries at"
      + " entryDelimiter, key and value between the kvDelimiters (text after a second one is dropped);"
      + " entries without kvDelimiter are dropped.")
  public static Map<String, String> splitToMap(@UdfParam("input") String input,
      @UdfParam("entryDelimiter") String entryDelimiter, @UdfParam("kvDelimiter") String kvDelimiter) {
    if (input == null || entryDelimiter == null || kvDelimiter == null || entryDelimiter.isEmpty()
        || kvDelimiter.isEmpty() || entryDelimiter.equals(kvDelimiter)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : input.split(Pattern.quote(entryDelimiter), -1)) {
      if (entry.isEmpty()) {
        continue;
      }
      // As ksqlDB: the key is the text before the first kvDelimiter, the value the text up to the next.
      String[] parts = entry.split(Pattern.quote(kvDelimiter), -1);
      if (parts.length >= 2) {
        out.put(parts[0], parts[1]);
      }
    }
    return out;
  }

  @Udf(name = "INITCAP", category = CAT,
      description = "Capitalizes the first letter of each word and lower-cases the rest.")
  public static String initcap(@UdfParam("input") String input) {
    if (input == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(input.length());
    boolean wordStart = true;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c)) {
        wordStart = true;
        sb.append(c);
      } else {
        sb.append(wordStart ? String.valueOf(c).toUpperCase(Locale.ROOT) : String.valueOf(c).toLowerCase(Locale.ROOT));
        wordStart = false;
      }
    }
    return sb.toString();
  }

  // --- masking -----------------------------------------------------------------------------------------

  /**
   * Masks the characters of {@code input} from {@code from} to {@code to}, classified as ksqlDB does (by
   * {@link Character#getType}: upper and lower case letters, decimal digits, anything else); a NULL
   * replacement keeps that kind of character.
   */
  private static String mask(String input, int from, int to, String upper, String lower, String digit,
      String other) {
    char u = maskChar(upper);
    char l = maskChar(lower);
    char d = maskChar(digit);
    char o = maskChar(other);
    StringBuilder sb = new StringBuilder(input);
    for (int i = Math.max(from, 0); i < Math.min(to, input.length()); i++) {
      char c = input.charAt(i);
      char m;
      switch (Character.getType(c)) {
        case Character.UPPERCASE_LETTER -> m = u;
        case Character.LOWERCASE_LETTER -> m = l;
        case Character.DECIMAL_DIGIT_NUMBER -> m = d;
        default -> m = o;
      }
      if (m != KEEP) {
        sb.setCharAt(i, m);
      }
    }
    return sb.toString();
  }

  /** Marks a kind of character a NULL replacement keeps (a noncharacter, never a replacement). */
  private static final char KEEP = '\uffff';

  /** A replacement must be one character, as in ksqlDB: anything else fails the call (NULL, logged). */
  private static char maskChar(String replacement) {
    if (replacement == null) {
      return KEEP;
    }
    if (replacement.length() != 1 || replacement.charAt(0) == KEEP) {
      throw new IllegalArgumentException("Invalid mask character. Must be only single character, but was '"
          + replacement + "'");
    }
    return replacement.charAt(0);
  }

  /** A negative count fails the call (NULL, logged), as in ksqlDB. */
  private static void checkCount(String function, int numChars) {
    if (numChars < 0) {
      throw new IllegalArgumentException("function " + function
          + " requires a non-negative number of characters to mask or skip");
    }
  }

  @Udf(name = "MASK", category = CAT, description = "Masks every character: upper case to X, lower case to x,"
      + " digits to n, others to -.")
  public static String mask(@UdfParam("input") String input) {
    return input == null ? null : mask(input, 0, input.length(), "X", "x", "n", "-");
  }

  @Udf(name = "MASK", category = CAT, description = "Masks every character with the given replacements,"
      + " single characters; a NULL replacement keeps that kind of character.")
  public static String mask(@UdfParam("input") String input, @UdfParam("upper") String upper,
      @UdfParam("lower") String lower, @UdfParam("digit") String digit, @UdfParam("other") String other) {
    return input == null ? null : mask(input, 0, input.length(), upper, lower, digit, other);
  }

  @Udf(name = "MASK_LEFT", category = CAT, description = "Masks the first numChars characters.")
  public static String maskLeft(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars) {
    return maskLeft(input, numChars, "X", "x", "n", "-");
  }

  @Udf(name = "MASK_LEFT", category = CAT,
      description = "Masks the first numChars characters with the given replacements.")
  public static String maskLeft(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars,
      @UdfParam("upper") String upper, @UdfParam("lower") String lower, @UdfParam("digit") String digit,
      @UdfParam("other") String other) {
    if (input == null || numChars == null) {
      return null;
    }
    checkCount("MASK_LEFT", numChars);
    return mask(input, 0, numChars, upper, lower, digit, other);
  }

  @Udf(name = "MASK_RIGHT", category = CAT, description = "Masks the last numChars characters.")
  public static String maskRight(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars) {
    return maskRight(input, numChars, "X", "x", "n", "-");
  }

  @Udf(name = "MASK_RIGHT", category = CAT,
      description = "Masks the last numChars characters with the given replacements.")
  public static String maskRight(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars,
      @UdfParam("upper") String upper, @UdfParam("lower") String lower, @UdfParam("digit") String digit,
      @UdfParam("other") String other) {
    if (input == null || numChars == null) {
      return null;
    }
    checkCount("MASK_RIGHT", numChars);
    return mask(input, input.length() - numChars, input.length(), upper, lower, digit, other);
  }

  @Udf(name = "MASK_KEEP_LEFT", category = CAT, description = "Masks all but the first numChars characters.")
  public static String maskKeepLeft(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars) {
    return maskKeepLeft(input, numChars, "X", "x", "n", "-");
  }

  @Udf(name = "MASK_KEEP_LEFT", category = CAT,
      description = "Masks all but the first numChars characters with the given replacements.")
  public static String maskKeepLeft(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars,
      @UdfParam("upper") String upper, @UdfParam("lower") String lower, @UdfParam("digit") String digit,
      @UdfParam("other") String other) {
    if (input == null || numChars == null) {
      return null;
    }
    checkCount("MASK_KEEP_LEFT", numChars);
    return mask(input, numChars, input.length(), upper, lower, digit, other);
  }

  @Udf(name = "MASK_KEEP_RIGHT", category = CAT, description = "Masks all but the last numChars characters.")
  public static String maskKeepRight(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars) {
    return maskKeepRight(input, numChars, "X", "x", "n", "-");
  }

  @Udf(name = "MASK_KEEP_RIGHT", category = CAT,
      description = "Masks all but the last numChars characters with the given replacements.")
  public static String maskKeepRight(@UdfParam("input") String input, @UdfParam("numChars") Integer numChars,
      @UdfParam("upper") String upper, @UdfParam("lower") String lower, @UdfParam("digit") String digit,
      @UdfParam("other") String other) {
    if (input == null || numChars == null) {
      return null;
    }
    checkCount("MASK_KEEP_RIGHT", numChars);
    return mask(input, 0, input.length() - numChars, upper, lower, digit, other);
  }

  // --- regular expressions -----------------------------------------------------------------------------

  private static final Map<String, Pattern> PATTERNS = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
          return size() > 256;
        }
      });

  private static Pattern pattern(String regex) {
    Pattern p = PATTERNS.get(regex);
    if (p == null) {
      try {
        p = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        return null;
      }
      PATTERNS.put(regex, p);
    }
    return p;
  }

  @Udf(name = "REGEXP_EXTRACT", category = CAT,
      description = "The first substring matching the pattern, or NULL.")
  public static String regexpExtract(@UdfParam("pattern") String pattern, @UdfParam("input") String input) {
    return regexpExtract(pattern, input, 0);
  }

  @Udf(name = "REGEXP_EXTRACT", category = CAT,
      description = "The given capturing group of the first match of the pattern, or NULL.")
  public static String regexpExtract(@UdfParam("pattern") String pattern, @UdfParam("input") String input,
      @UdfParam("group") Integer group) {
    if (pattern == null || input == null || group == null) {
      return null;
    }
    Pattern p = pattern(pattern);
    if (p == null) {
      return null;
    }
    Matcher m = p.matcher(input);
    if (!m.find() || group < 0 || group > m.groupCount()) {
      return null;
    }
    return m.group(group);
  }

  @Udf(name = "REGEXP_EXTRACT_ALL", category = CAT,
      description = "Every substring matching the pattern.")
  public static List<String> regexpExtractAll(@UdfParam("pattern") String pattern,
      @UdfParam("input") String input) {
    return regexpExtractAll(pattern, input, 0);
  }

  @Udf(name = "REGEXP_EXTRACT_ALL", category = CAT,
      description = "The given capturing group of every match of the pattern.")
  public static List<String> regexpExtractAll(@UdfParam("pattern") String pattern,
      @UdfParam("input") String input, @UdfParam("group") Integer group) {
    if (pattern == null || input == null || group == null) {
      return null;
    }
    Pattern p = pattern(pattern);
    if (p == null) {
      return null;
    }
    Matcher m = p.matcher(input);
    if (group < 0 || group > m.groupCount()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(group));
    }
    return out;
  }

  @Udf(name = "REGEXP_REPLACE", category = CAT,
      description = "Replaces every match of the regular expression with the replacement.")
  public static String regexpReplace(@UdfParam("input") String input, @UdfParam("regex") String regex,
      @UdfParam("replacement") String replacement) {
    if (input == null || regex == null || replacement == null) {
      return null;
    }
    Pattern p = pattern(regex);
    if (p == null) {
      return null;
    }
    try {
      return p.matcher(input).replaceAll(replacement);
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Udf(name = "REGEXP_SPLIT_TO_ARRAY", category = CAT,
      description = "Splits a string at each match of the regular expression.")
  public static List<String> regexpSplitToArray(@UdfParam("string") String string,
      @UdfParam("regexp") String regexp) {
    if (string == null || regexp == null) {
      return null;
    }
    Pattern p = pattern(regexp);
    if (p == null) {
      return null;
    }
    if (regexp.isEmpty()) {
      return split(string, "");
    }
    return new ArrayList<>(Arrays.asList(p.split(string, -1)));
  }

  // --- characters, encodings, hashes -------------------------------------------------------------------

  @Udf(name = "CHR", category = CAT, description = "The character of a Unicode code point.")
  public static String chr(@UdfParam("decimalCode") Integer decimalCode) {
    if (decimalCode == null || !Character.isValidCodePoint(decimalCode)) {
      return null;
    }
    return new String(Character.toChars(decimalCode));
  }

  @Udf(name = "CHR", category = CAT, description = "The character of a UTF-16 code written as \\uXXXX (a"
      + " surrogate pair as \\uXXXX\\uXXXX), or of a code point written as U+XXXX.")
  public static String chr(@UdfParam("utf16Code") String utf16Code) {
    if (utf16Code == null) {
      return null;
    }
    if (utf16Code.startsWith("U+") || utf16Code.startsWith("u+")) {
      try {
        return chr(Integer.parseInt(utf16Code.substring(2), 16));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    // As ksqlDB: Java escapes of four hex digits each, so that a pair of surrogates makes one character.
    if (utf16Code.isEmpty() || utf16Code.length() % 6 != 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder(utf16Code.length() / 6);
    for (int i = 0; i < utf16Code.length(); i += 6) {
      if (utf16Code.charAt(i) != '\\' || utf16Code.charAt(i + 1) != 'u') {
        return null;
      }
      int code = 0;
      for (int j = i + 2; j < i + 6; j++) {
        int digit = Character.digit(utf16Code.charAt(j), 16);
        if (digit < 0) {
          return null;
        }
        code = code * 16 + digit;
      }
      sb.append((char) code);
    }
    return sb.toString();
  }

  @Udf(name = "ENCODE", category = CAT, description = "Re-encodes a string from one encoding (hex, utf8,"
      + " ascii, base64) to another.")
  public static String encode(@UdfParam("str") String str, @UdfParam("inputEncoding") String inputEncoding,
      @UdfParam("outputEncoding") String outputEncoding) {
    if (str == null || inputEncoding == null || outputEncoding == null) {
      return null;
    }
    ByteString bytes = inputEncoding.equalsIgnoreCase("hex") ? hexLiteral(str)
        : BytesFunctions.toBytes(str, inputEncoding);
    return bytes == null ? null : BytesFunctions.fromBytes(bytes, outputEncoding);
  }

  /**
   * Hex text as ENCODE reads it, as ksqlDB: plain digits (an even number), {@code 0x} then digits (an odd
   * number gets a leading zero), or {@code X'...'} / {@code x'...'} around an even number; else null.
   */
  private static ByteString hexLiteral(String text) {
    String digits;
    if (text.startsWith("0x") || text.startsWith("0X")) {
      digits = text.substring(2);
      if (digits.length() % 2 == 1) {
        digits = "0" + digits;
      }
    } else if ((text.startsWith("X'") || text.startsWith("x'")) && text.length() >= 3 && text.endsWith("'")) {
      digits = text.substring(2, text.length() - 1);
    } else {
      digits = text;
    }
    if (digits.length() % 2 == 1) {
      return null;
    }
    try {
      return new ByteString(HexFormat.of().parseHex(digits));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Udf(name = "MD5", category = CAT, description = "The MD5 hash of a string, as 32 hex digits.")
  public static String md5(@UdfParam("input") String input) {
    if (input == null) {
      return null;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
          .digest(input.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Udf(name = "UUID", category = CAT, deterministic = false, description = "A random UUID, new per call.")
  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  @Udf(name = "UUID", category = CAT, description = "The UUID of 16 bytes, as a string.")
  public static String uuid(@UdfParam("bytes") ByteString bytes) {
    if (bytes == null || bytes.length() != 16) {
      return null;
    }
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes.getBytes());
    return new UUID(b.getLong(), b.getLong()).toString();
  }

  @Udf(name = "ELT", category = CAT, description = "The nth (1-based) of the strings, or NULL out of range.")
  public static String elt(@UdfParam("n") Integer n, @UdfParam("args") String... args) {
    if (n == null || args == null || n < 1 || n > args.length) {
      return null;
    }
    return args[n - 1];
  }

  @Udf(name = "FIELD", category = CAT, description = "The 1-based position of str among the strings, 0 if"
      + " absent or NULL.")
  public static Integer field(@UdfParam("str") String str, @UdfParam("args") String... args) {
    if (str == null || args == null) {
      return 0;
    }
    for (int i = 0; i < args.length; i++) {
      if (str.equals(args[i])) {
        return i + 1;
      }
    }
    return 0;
  }

  static Map<String, String> copy(Map<String, String> m) {
    return m == null ? null : new HashMap<>(m);
  }
}

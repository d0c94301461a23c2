package dev.sluice.planner.function;

import java.util.Locale;

/** Built-in string functions. Every function answers null for a null argument, as ksqlDB's do. */
public final class StringFunctions {
  private StringFunctions() {}

  @Udf(name = "UCASE", description = "Converts a string to upper case.")
  public static String ucase(String input) {
    return input == null ? null : input.toUpperCase(Locale.ROOT);
  }

  @Udf(name = "LCASE", description = "Converts a string to lower case.")
  public static String lcase(String input) {
    return input == null ? null : input.toLowerCase(Locale.ROOT);
  }

  @Udf(name = "LEN", description = "The length of a string, in characters.")
  public static Integer len(String input) {
    return input == null ? null : input.length();
  }

  @Udf(name = "TRIM", description = "Removes leading and trailing whitespace.")
  public static String trim(String input) {
    return input == null ? null : input.trim();
  }
}

package com.example.udf;

import dev.sluice.planner.function.Udf;
import dev.sluice.planner.function.UdfParam;
import java.util.List;

/**
 * Three user-defined functions: the scalar functions REVERSE(STRING) and MULTIPLY(INT, INT), and the table
 * function WORDS(STRING), which turns one row into one row per word.
 */
public final class SampleFunctions {

  private SampleFunctions() {}

  @Udf(name = "REVERSE", description = "The characters of a string in reverse order.", category = "EXAMPLE",
      author = "Example Corp", version = "1.0.0")
  public static String reverse(@UdfParam(value = "str", description = "the string to reverse") String str) {
    return str == null ? null : new StringBuilder(str).reverse().toString();
  }

  @Udf(name = "MULTIPLY", description = "The product of two integers; NULL if either is NULL or on overflow.",
      category = "EXAMPLE", author = "Example Corp", version = "1.0.0")
  public static Integer multiply(@UdfParam(value = "a", description = "the first factor") Integer a,
      @UdfParam(value = "b", description = "the second factor") Integer b) {
    if (a == null || b == null) {
      return null;
    }
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return null;
    }
  }

  @Udf(name = "WORDS", table = true, description = "One row per word of a text (split on white space); no row"
      + " for a NULL or blank text.", category = "EXAMPLE", author = "Example Corp", version = "1.0.0")
  public static List<String> words(@UdfParam(value = "text", description = "the text to split") String text) {
    return text == null || text.isBlank() ? null : List.of(text.trim().split("\\s+"));
  }
}

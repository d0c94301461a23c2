package com.example.udf;

import dev.sluice.planner.function.Udf;
import dev.sluice.planner.function.UdfParam;

/** Two user-defined functions: REVERSE(STRING) and MULTIPLY(INT, INT). */
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
}

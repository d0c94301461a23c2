package dev.sluice.planner.function;

/** NULL handling. These functions take NULL arguments by design. */
public final class NullFunctions {
  private NullFunctions() {}

  private static final String CAT = "CONDITIONAL";

  @SafeVarargs
  @Udf(name = "COALESCE", category = CAT, description = "The first argument that is not NULL, or NULL.")
  public static <T> T coalesce(@UdfParam("first") T first, @UdfParam("others") T... others) {
    if (first != null) {
      return first;
    }
    if (others != null) {
      for (T t : others) {
        if (t != null) {
          return t;
        }
      }
    }
    return null;
  }

  @Udf(name = "IFNULL", category = CAT, description = "expression if it is not NULL, else altValue.")
  public static <T> T ifnull(@UdfParam("expression") T expression, @UdfParam("altValue") T altValue) {
    return expression != null ? expression : altValue;
  }

  @Udf(name = "AS_VALUE", category = "CONVERSION", description = "The value of its argument, as a value column:"
      + " copies a key column into the value of a query's result.")
  public static <T> T asValue(@UdfParam(value = "source", description = "usually a key column") T source) {
    return source;
  }

  @Udf(name = "NULLIF", category = CAT, description = "NULL if expr1 equals expr2, else expr1.")
  public static <T> T nullif(@UdfParam("expr1") T expr1, @UdfParam("expr2") T expr2) {
    return expr1 != null && expr1.equals(expr2) ? null : expr1;
  }
}

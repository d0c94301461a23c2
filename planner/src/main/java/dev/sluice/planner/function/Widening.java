package dev.sluice.planner.function;

import java.math.BigDecimal;

/**
 * ksqlDB's implicit numeric widening of function arguments (INT to BIGINT to DECIMAL to DOUBLE). Generated
 * code calls these when the resolved overload's parameter is wider than the argument.
 */
public final class Widening {
  private Widening() {}

  public static Long toLong(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  public static BigDecimal toDecimal(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }

  public static Double toDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}

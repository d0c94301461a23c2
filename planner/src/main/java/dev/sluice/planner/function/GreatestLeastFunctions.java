package dev.sluice.planner.function;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * GREATEST and LEAST, one variadic overload per comparable type as ksqlDB declares them (numbers, STRING,
 * BYTES, DATE, TIME, TIMESTAMP), so that resolution picks the type and rejects mixed or ambiguous calls as
 * ksqlDB does. A STRING literal is accepted for a DATE, TIME or TIMESTAMP (see {@link Signature}).
 */
public final class GreatestLeastFunctions {
  private GreatestLeastFunctions() {}

  private static <T extends Comparable<T>> T extreme(T first, T[] rest, boolean greatest) {
    T best = first;
    if (rest != null) {
      for (T t : rest) {
        if (t != null && (best == null || (greatest ? t.compareTo(best) > 0 : t.compareTo(best) < 0))) {
          best = t;
        }
      }
    }
    return best;
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, description = "The greatest of the values; NULLs are ignored.")
  public static Integer greatest(@UdfParam("val") Integer val, @UdfParam("vals") Integer... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, description = "The greatest of the values; NULLs are ignored.")
  public static Long greatest(@UdfParam("val") Long val, @UdfParam("vals") Long... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, description = "The greatest of the values; NULLs are ignored.")
  public static Double greatest(@UdfParam("val") Double val, @UdfParam("vals") Double... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, returnTypeMethod = "widestDecimal",
      description = "The greatest of the values; NULLs are ignored.")
  public static BigDecimal greatest(@UdfParam("val") BigDecimal val, @UdfParam("vals") BigDecimal... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, description = "The greatest of the values; NULLs are ignored.")
  public static String greatest(@UdfParam("val") String val, @UdfParam("vals") String... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, description = "The least of the values; NULLs are ignored.")
  public static Integer least(@UdfParam("val") Integer val, @UdfParam("vals") Integer... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, description = "The least of the values; NULLs are ignored.")
  public static Long least(@UdfParam("val") Long val, @UdfParam("vals") Long... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, description = "The least of the values; NULLs are ignored.")
  public static Double least(@UdfParam("val") Double val, @UdfParam("vals") Double... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, returnTypeMethod = "widestDecimal",
      description = "The least of the values; NULLs are ignored.")
  public static BigDecimal least(@UdfParam("val") BigDecimal val, @UdfParam("vals") BigDecimal... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, description = "The least of the values; NULLs are ignored.")
  public static String least(@UdfParam("val") String val, @UdfParam("vals") String... vals) {
    return extreme(val, vals, false);
  }

  /** The DECIMAL type that holds every argument: the most integer digits and the largest scale. */
  public static RelDataType widestDecimal(RelDataTypeFactory tf, List<RelDataType> args) {
    int digits = 1;
    int scale = 0;
    for (RelDataType t : args) {
      switch (t.getSqlTypeName()) {
        case DECIMAL -> {
          digits = Math.max(digits, t.getPrecision() - t.getScale());
          scale = Math.max(scale, t.getScale());
        }
        case INTEGER -> digits = Math.max(digits, 10);
        case BIGINT -> digits = Math.max(digits, 19);
        default -> { }
      }
    }
    int max = tf.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL);
    return tf.createSqlType(SqlTypeName.DECIMAL, Math.min(digits + scale, max), scale);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, description = "The greatest of the values;"
      + " NULLs are ignored.")
  public static ByteString greatest(@UdfParam("val") ByteString val, @UdfParam("vals") ByteString... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, returnType = "DATE", description = "The latest of"
      + " the dates; NULLs are ignored.")
  public static Integer greatestDate(@UdfParam(value = "val", type = "DATE") Integer val,
      @UdfParam(value = "vals", type = "DATE") Integer... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, returnType = "TIME", description = "The latest of"
      + " the times; NULLs are ignored.")
  public static Integer greatestTime(@UdfParam(value = "val", type = "TIME") Integer val,
      @UdfParam(value = "vals", type = "TIME") Integer... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "GREATEST", category = MathFunctions.CATEGORY, returnType = "TIMESTAMP", description = "The"
      + " latest of the timestamps; NULLs are ignored.")
  public static Long greatestTimestamp(@UdfParam(value = "val", type = "TIMESTAMP") Long val,
      @UdfParam(value = "vals", type = "TIMESTAMP") Long... vals) {
    return extreme(val, vals, true);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, description = "The least of the values; NULLs are"
      + " ignored.")
  public static ByteString least(@UdfParam("val") ByteString val, @UdfParam("vals") ByteString... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, returnType = "DATE", description = "The earliest of"
      + " the dates; NULLs are ignored.")
  public static Integer leastDate(@UdfParam(value = "val", type = "DATE") Integer val,
      @UdfParam(value = "vals", type = "DATE") Integer... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, returnType = "TIME", description = "The earliest of"
      + " the times; NULLs are ignored.")
  public static Integer leastTime(@UdfParam(value = "val", type = "TIME") Integer val,
      @UdfParam(value = "vals", type = "TIME") Integer... vals) {
    return extreme(val, vals, false);
  }

  @Udf(name = "LEAST", category = MathFunctions.CATEGORY, returnType = "TIMESTAMP", description = "The"
      + " earliest of the timestamps; NULLs are ignored.")
  public static Long leastTimestamp(@UdfParam(value = "val", type = "TIMESTAMP") Long val,
      @UdfParam(value = "vals", type = "TIMESTAMP") Long... vals) {
    return extreme(val, vals, false);
  }
}

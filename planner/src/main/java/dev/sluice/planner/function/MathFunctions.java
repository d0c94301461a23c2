package dev.sluice.planner.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Built-in math functions. Integer functions keep their argument's type; the rest compute in DOUBLE.
 * Results outside a function's domain (SQRT of a negative number...) are NaN, as in Java and ksqlDB.
 */
public final class MathFunctions {
  private MathFunctions() {}

  static final String CATEGORY = "MATHEMATICAL";
  private static final String CAT = CATEGORY;

  // The smallest INT and BIGINT have no absolute value of their type: Math.abs would answer the negative
  // number itself, so they throw, which the runtime turns into NULL and a processing-log entry.
  @Udf(name = "ABS", category = CAT, description = "The absolute value; NULL (and a processing-log entry)"
      + " for the smallest INT, whose absolute value is no INT.")
  public static Integer abs(@UdfParam("val") Integer val) {
    return val == null ? null : Math.absExact(val);
  }

  @Udf(name = "ABS", category = CAT, description = "The absolute value; NULL (and a processing-log entry)"
      + " for the smallest BIGINT, whose absolute value is no BIGINT.")
  public static Long abs(@UdfParam("val") Long val) {
    return val == null ? null : Math.absExact(val);
  }

  @Udf(name = "ABS", category = CAT, description = "The absolute value.")
  public static Double abs(@UdfParam("val") Double val) {
    return val == null ? null : Math.abs(val);
  }

  @Udf(name = "ABS", category = CAT, description = "The absolute value.")
  public static BigDecimal abs(@UdfParam("val") BigDecimal val) {
    return val == null ? null : val.abs();
  }

  @Udf(name = "CEIL", category = CAT, description = "The smallest integer not below val.")
  public static Integer ceil(@UdfParam("val") Integer val) {
    return val;
  }

  @Udf(name = "CEIL", category = CAT, description = "The smallest integer not below val.")
  public static Long ceil(@UdfParam("val") Long val) {
    return val;
  }

  @Udf(name = "CEIL", category = CAT, description = "The smallest integer not below val.")
  public static Double ceil(@UdfParam("val") Double val) {
    return val == null ? null : Math.ceil(val);
  }

  @Udf(name = "CEIL", category = CAT, description = "The smallest integer not below val.")
  public static BigDecimal ceil(@UdfParam("val") BigDecimal val) {
    return val == null ? null : val.setScale(0, RoundingMode.CEILING).setScale(val.scale(), RoundingMode.UNNECESSARY);
  }

  @Udf(name = "FLOOR", category = CAT, description = "The largest integer not above val.")
  public static Integer floor(@UdfParam("val") Integer val) {
    return val;
  }

  @Udf(name = "FLOOR", category = CAT, description = "The largest integer not above val.")
  public static Long floor(@UdfParam("val") Long val) {
    return val;
  }

  @Udf(name = "FLOOR", category = CAT, description = "The largest integer not above val.")
  public static Double floor(@UdfParam("val") Double val) {
    return val == null ? null : Math.floor(val);
  }

  @Udf(name = "FLOOR", category = CAT, description = "The largest integer not above val.")
  public static BigDecimal floor(@UdfParam("val") BigDecimal val) {
    return val == null ? null : val.setScale(0, RoundingMode.FLOOR).setScale(val.scale(), RoundingMode.UNNECESSARY);
  }

  @Udf(name = "ROUND", category = CAT, description = "val itself.")
  public static Integer round(@UdfParam("val") Integer val) {
    return val;
  }

  @Udf(name = "ROUND", category = CAT, description = "val itself.")
  public static Long round(@UdfParam("val") Long val) {
    return val;
  }

  private static final double LONG_RANGE = 0x1p63;

  @Udf(name = "ROUND", category = CAT, description = "val rounded to the nearest integer, halves up (towards"
      + " positive infinity: -1.5 is -1, as ksqlDB rounds); NULL when not a number or past BIGINT's range.")
  public static Long round(@UdfParam("val") Double val) {
    if (val == null || val.isNaN() || val >= LONG_RANGE || val < -LONG_RANGE) {
      return null;
    }
    return Math.round(val);
  }

  @Udf(name = "ROUND", category = CAT, description = "val rounded to decimalPlaces (negative: left of the"
      + " point), halves up (towards positive infinity).")
  public static Double round(@UdfParam("val") Double val, @UdfParam("decimalPlaces") Integer decimalPlaces) {
    if (val == null || decimalPlaces == null) {
      return null;
    }
    if (val.isNaN() || val.isInfinite()) {
      return val;
    }
    return halfUp(BigDecimal.valueOf(val), decimalPlaces).doubleValue();
  }

  /**
   * Rounds halves towards positive infinity, as ksqlDB (and Math.round) do: HALF_UP rounds -1.5 away from
   * zero, so negative values take HALF_DOWN.
   */
  private static BigDecimal halfUp(BigDecimal val, int decimalPlaces) {
    return val.setScale(decimalPlaces, val.signum() > 0 ? RoundingMode.HALF_UP : RoundingMode.HALF_DOWN);
  }

  @Udf(name = "ROUND", category = CAT, returnTypeMethod = "roundDecimalType",
      description = "val rounded to the nearest integer, halves up (towards positive infinity).")
  public static BigDecimal round(@UdfParam("val") BigDecimal val) {
    return val == null ? null : halfUp(val, 0);
  }

  /**
   * ROUND(DECIMAL(p, s)) is DECIMAL(p - s, 0), as ksqlDB types it (its functional tests check the schema),
   * although a carry can need one more digit: ROUND(99.5) in a DECIMAL(3, 1) column overflows, as in ksqlDB.
   */
  public static RelDataType roundDecimalType(RelDataTypeFactory tf, List<RelDataType> args) {
    RelDataType d = args.get(0);
    int precision = Math.max(1, Math.min(d.getPrecision() - d.getScale(),
        tf.getTypeSystem().getMaxPrecision(SqlTypeName.DECIMAL)));
    return tf.createSqlType(SqlTypeName.DECIMAL, precision, 0);
  }

  @Udf(name = "ROUND", category = CAT, description = "val rounded to decimalPlaces (negative: left of the"
      + " point), halves up (towards positive infinity); the scale stays val's.")
  public static BigDecimal round(@UdfParam("val") BigDecimal val, @UdfParam("decimalPlaces") Integer decimalPlaces) {
    if (val == null || decimalPlaces == null) {
      return null;
    }
    return halfUp(val, decimalPlaces).setScale(val.scale(), RoundingMode.HALF_UP);
  }

  @Udf(name = "TRUNC", category = CAT, description = "val with its fraction dropped; NULL when not a number or"
      + " past BIGINT's range.")
  public static Long trunc(@UdfParam("val") Double val) {
    return val == null || val.isNaN() || val >= LONG_RANGE || val < -LONG_RANGE ? null : (long) val.doubleValue();
  }

  @Udf(name = "SIGN", category = CAT, description = "-1, 0 or 1 as val is negative, zero or positive.")
  public static Integer sign(@UdfParam("val") Integer val) {
    return val == null ? null : Integer.signum(val);
  }

  @Udf(name = "SIGN", category = CAT, description = "-1, 0 or 1 as val is negative, zero or positive.")
  public static Integer sign(@UdfParam("val") Long val) {
    return val == null ? null : Long.signum(val);
  }

  @Udf(name = "SIGN", category = CAT, description = "-1, 0 or 1 as val is negative, zero or positive.")
  public static Integer sign(@UdfParam("val") Double val) {
    return val == null || val.isNaN() ? null : (int) Math.signum(val);
  }

  @Udf(name = "SIGN", category = CAT, description = "-1, 0 or 1 as val is negative, zero or positive.")
  public static Integer sign(@UdfParam("val") BigDecimal val) {
    return val == null ? null : val.signum();
  }

  @Udf(name = "SQRT", category = CAT, description = "The square root.")
  public static Double sqrt(@UdfParam("val") Double val) {
    return val == null ? null : Math.sqrt(val);
  }

  @Udf(name = "CBRT", category = CAT, description = "The cube root.")
  public static Double cbrt(@UdfParam("val") Double val) {
    return val == null ? null : Math.cbrt(val);
  }

  @Udf(name = "EXP", category = CAT, description = "e raised to the power val.")
  public static Double exp(@UdfParam("val") Double val) {
    return val == null ? null : Math.exp(val);
  }

  @Udf(name = "LN", category = CAT, description = "The natural logarithm.")
  public static Double ln(@UdfParam("val") Double val) {
    return val == null ? null : Math.log(val);
  }

  @Udf(name = "LOG", category = CAT, description = "The natural logarithm.")
  public static Double log(@UdfParam("val") Double val) {
    return val == null ? null : Math.log(val);
  }

  @Udf(name = "LOG", category = CAT, description = "The logarithm of val to the given base.")
  public static Double log(@UdfParam("base") Double base, @UdfParam("val") Double val) {
    if (base == null || val == null) {
      return null;
    }
    if (base <= 0 || base == 1.0 || val <= 0) {
      return Double.NaN;
    }
    return Math.log(val) / Math.log(base);
  }

  @Udf(name = "POWER", category = CAT, description = "base raised to exponent.")
  public static Double power(@UdfParam("base") Double base, @UdfParam("exponent") Double exponent) {
    return base == null || exponent == null ? null : Math.pow(base, exponent);
  }

  @Udf(name = "PI", category = CAT, description = "The value of pi.")
  public static Double pi() {
    return Math.PI;
  }

  @Udf(name = "RANDOM", category = CAT, deterministic = false,
      description = "A random DOUBLE in [0, 1), new per call.")
  public static Double random() {
    return ThreadLocalRandom.current().nextDouble();
  }

  @Udf(name = "SIN", category = CAT, description = "The sine of an angle in radians.")
  public static Double sin(@UdfParam("value") Double value) {
    return value == null ? null : Math.sin(value);
  }

  @Udf(name = "COS", category = CAT, description = "The cosine of an angle in radians.")
  public static Double cos(@UdfParam("value") Double value) {
    return value == null ? null : Math.cos(value);
  }

  @Udf(name = "TAN", category = CAT, description = "The tangent of an angle in radians.")
  public static Double tan(@UdfParam("value") Double value) {
    return value == null ? null : Math.tan(value);
  }

  @Udf(name = "COT", category = CAT, description = "The cotangent of an angle in radians.")
  public static Double cot(@UdfParam("value") Double value) {
    return value == null ? null : 1.0 / Math.tan(value);
  }

  @Udf(name = "ASIN", category = CAT, description = "The arc sine, in radians.")
  public static Double asin(@UdfParam("value") Double value) {
    return value == null ? null : Math.asin(value);
  }

  @Udf(name = "ACOS", category = CAT, description = "The arc cosine, in radians.")
  public static Double acos(@UdfParam("value") Double value) {
    return value == null ? null : Math.acos(value);
  }

  @Udf(name = "ATAN", category = CAT, description = "The arc tangent, in radians.")
  public static Double atan(@UdfParam("value") Double value) {
    return value == null ? null : Math.atan(value);
  }

  @Udf(name = "ATAN2", category = CAT, description = "The angle, in radians, of the point (x, y).")
  public static Double atan2(@UdfParam("y") Double y, @UdfParam("x") Double x) {
    return y == null || x == null ? null : Math.atan2(y, x);
  }

  @Udf(name = "SINH", category = CAT, description = "The hyperbolic sine.")
  public static Double sinh(@UdfParam("value") Double value) {
    return value == null ? null : Math.sinh(value);
  }

  @Udf(name = "COSH", category = CAT, description = "The hyperbolic cosine.")
  public static Double cosh(@UdfParam("value") Double value) {
    return value == null ? null : Math.cosh(value);
  }

  @Udf(name = "TANH", category = CAT, description = "The hyperbolic tangent.")
  public static Double tanh(@UdfParam("value") Double value) {
    return value == null ? null : Math.tanh(value);
  }

  @Udf(name = "DEGREES", category = CAT, description = "Radians converted to degrees.")
  public static Double degrees(@UdfParam("value") Double value) {
    return value == null ? null : Math.toDegrees(value);
  }

  @Udf(name = "RADIANS", category = CAT, description = "Degrees converted to radians.")
  public static Double radians(@UdfParam("value") Double value) {
    return value == null ? null : Math.toRadians(value);
  }

  @Udf(name = "GEO_DISTANCE", category = CAT, description = "The great-circle distance in kilometres between"
      + " two points given by latitude and longitude in degrees.")
  public static Double geoDistance(@UdfParam("lat1") Double lat1, @UdfParam("lon1") Double lon1,
      @UdfParam("lat2") Double lat2, @UdfParam("lon2") Double lon2) {
    return geoDistance(lat1, lon1, lat2, lon2, "KM");
  }

  @Udf(name = "GEO_DISTANCE", category = CAT, description = "The great-circle distance between two points"
      + " given by latitude and longitude in degrees, in KM or MILES.")
  public static Double geoDistance(@UdfParam("lat1") Double lat1, @UdfParam("lon1") Double lon1,
      @UdfParam("lat2") Double lat2, @UdfParam("lon2") Double lon2, @UdfParam("units") String units) {
    if (lat1 == null || lon1 == null || lat2 == null || lon2 == null) {
      return null;
    }
    if (units == null) {
      units = "KM"; // as ksqlDB: a NULL unit is the default
    }
    if (Math.abs(lat1) > 90 || Math.abs(lat2) > 90 || Math.abs(lon1) > 180 || Math.abs(lon2) > 180) {
      throw new IllegalArgumentException("valid latitude values are -90 to 90, longitude -180 to 180");
    }
    double radius;
    String u = units.toUpperCase(java.util.Locale.ROOT);
    if (u.startsWith("K")) {
      radius = 6371.0;
    } else if (u.startsWith("MI")) {
      radius = 3959.0;
    } else {
      throw new IllegalArgumentException("GEO_DISTANCE units must be KM or MILES, got " + units);
    }
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return radius * 2 * Math.asin(Math.sqrt(a));
  }
}

package dev.sluice.engine.serde;

import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Conversions shared by the formats: the Java values a row may hold for a SQL type (see DESIGN.md,
 * "Rows") and ksqlDB's rule for fitting a decimal into DECIMAL(p, s): never round, fail instead.
 */
final class Values {

  private Values() {}

  /** The bytes of a BYTES value: a {@link ByteString}, a {@code byte[]} or a {@link ByteBuffer}. */
  static byte[] bytes(Object value) {
    if (value instanceof ByteString b) {
      return b.getBytes();
    } else if (value instanceof byte[] b) {
      return b;
    } else if (value instanceof ByteBuffer b) {
      ByteBuffer d = b.duplicate();
      byte[] out = new byte[d.remaining()];
      d.get(out);
      return out;
    }
    throw new SerdeException("Expected BYTES, got " + value.getClass().getSimpleName());
  }

  /** Field {@code i} of a STRUCT value held as {@code Object[]} or {@code List}. */
  static Object field(Object struct, int i) {
    if (struct instanceof Object[] a) {
      return a[i];
    } else if (struct instanceof List<?> l) {
      return l.get(i);
    }
    throw new SerdeException("Expected a STRUCT (Object[] or List), got " + struct.getClass().getSimpleName());
  }

  /** A DECIMAL value at the column's scale; {@code value} is a BigDecimal or another Number. */
  static BigDecimal decimal(Object value, SqlType.Decimal type) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    return d.scale() == type.scale() && d.precision() - d.scale() <= type.precision() - type.scale()
        ? d : fit(d, type);
  }

  /**
   * A DECIMAL value that fits the column, at its own scale when that is below the column's: JSON writes
   * the number as computed, as ksqlDB's converter does (GREATEST of a DECIMAL(9, 2) and a DECIMAL(7, 6)
   * is typed DECIMAL(13, 6) but writes 1234567.89).
   */
  static BigDecimal decimalUnpadded(Object value, SqlType.Decimal type) {
    BigDecimal d = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    boolean fits = d.scale() >= 0 && d.scale() <= type.scale()
        && d.precision() - d.scale() <= type.precision() - type.scale();
    return fits ? d : fit(d, type);
  }

  /**
   * Fits a decimal into the type without rounding, as ksqlDB does on read: too many integer digits is an
   * overflow, too many fraction digits an error. Messages leave the value out (it is row data).
   */
  static BigDecimal fit(BigDecimal value, SqlType.Decimal type) {
    int digits = type.precision() - type.scale();
    if (value.abs().compareTo(BigDecimal.ONE.scaleByPowerOfTen(digits)) >= 0) {
      throw new SerdeException("Numeric field overflow: A field with precision " + type.precision()
          + " and scale " + type.scale() + " must round to an absolute value less than 10^" + digits);
    }
    try {
      return value.setScale(type.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new SerdeException("Cannot fit decimal into DECIMAL(" + type.precision() + ", " + type.scale()
          + ") without rounding. (Requires " + value.precision() + "," + value.scale() + ")");
    }
  }

  static int intValue(Object value) {
    return ((Number) value).intValue();
  }

  static long longValue(Object value) {
    return ((Number) value).longValue();
  }

  static double doubleValue(Object value) {
    return ((Number) value).doubleValue();
  }
}

package dev.sluice.engine.codegen;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The casts whose result ksqlDB defines differently from Calcite: a BOOLEAN becomes {@code 'true'} /
 * {@code 'false'} (Calcite writes upper case), a DECIMAL or DOUBLE becomes an integer by truncation
 * toward zero, as a Java cast does (Calcite rounds), and a string becomes a DATE, TIME or TIMESTAMP in
 * ksqlDB's formats (partial dates, {@code T} before the time), NULL when it is not one (Calcite throws);
 * a TIMESTAMP becomes ISO text with {@code T} and milliseconds (Calcite writes a space and drops them). {@link CalcRewrites} makes such casts call these methods.
 */
public final class Casts {
  private Casts() {}

  public static String booleanToString(Boolean value) {
    return value == null ? null : value.toString();
  }

  public static Integer decimalToInt(BigDecimal value) {
    return value == null ? null : value.intValue();
  }

  public static Long decimalToLong(BigDecimal value) {
    return value == null ? null : value.longValue();
  }

  public static Integer doubleToInt(Double value) {
    return value == null ? null : (int) value.doubleValue();
  }

  public static Long doubleToLong(Double value) {
    return value == null ? null : (long) value.doubleValue();
  }

  private static final java.time.format.DateTimeFormatter TIMESTAMP_TEXT = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

  /** A TIMESTAMP as ksqlDB writes one as text: ISO date and time to the millisecond, in UTC. */
  public static String timestampToString(Long value) {
    return value == null ? null : TIMESTAMP_TEXT.format(java.time.Instant.ofEpochMilli(value));
  }

  /** A string as a DATE as ksqlDB reads one ({@code yyyy[-MM[-dd]]}); null when it is not one. */
  public static Integer stringToDate(String value) {
    try {
      return dev.sluice.planner.function.Widening.toDate(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A string as a TIME ({@code HH:mm[:ss[.SSS]]}); null when it is not one. */
  public static Integer stringToTime(String value) {
    try {
      return dev.sluice.planner.function.Widening.toTime(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A string as a TIMESTAMP (a date, optionally {@code T} and a time and a zone); null when it is not one. */
  public static Long stringToTimestamp(String value) {
    try {
      return dev.sluice.planner.function.Widening.toTimestamp(value);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static final SqlUserDefinedFunction STRING_TO_DATE = function("stringToDate", SqlTypeFamily.CHARACTER);
  private static final SqlUserDefinedFunction STRING_TO_TIME = function("stringToTime", SqlTypeFamily.CHARACTER);
  private static final SqlUserDefinedFunction STRING_TO_TIMESTAMP = function("stringToTimestamp",
      SqlTypeFamily.CHARACTER);
  private static final SqlUserDefinedFunction TIMESTAMP_TO_STRING = function("timestampToString",
      SqlTypeFamily.TIMESTAMP);
  private static final SqlUserDefinedFunction BOOLEAN_TO_STRING = function("booleanToString", SqlTypeFamily.BOOLEAN);
  private static final SqlUserDefinedFunction DECIMAL_TO_INT = function("decimalToInt", SqlTypeFamily.NUMERIC);
  private static final SqlUserDefinedFunction DECIMAL_TO_LONG = function("decimalToLong", SqlTypeFamily.NUMERIC);
  private static final SqlUserDefinedFunction DOUBLE_TO_INT = function("doubleToInt", SqlTypeFamily.NUMERIC);
  private static final SqlUserDefinedFunction DOUBLE_TO_LONG = function("doubleToLong", SqlTypeFamily.NUMERIC);

  private static SqlUserDefinedFunction function(String method, SqlTypeFamily family) {
    return new SqlUserDefinedFunction(new SqlIdentifier("CAST_" + method, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(family), tf -> List.of(), i -> "arg" + i, i -> false),
        ScalarFunctionImpl.create(Casts.class, method));
  }

  /** The ksqlDB form of {@code call} (a CAST), or null when Calcite's cast already behaves as ksqlDB's. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    SqlTypeName from = call.getOperands().get(0).getType().getSqlTypeName();
    SqlTypeName to = call.getType().getSqlTypeName();
    SqlUserDefinedFunction function = null;
    if (from == SqlTypeName.BOOLEAN && (to == SqlTypeName.VARCHAR || to == SqlTypeName.CHAR)) {
      function = BOOLEAN_TO_STRING;
    } else if (from == SqlTypeName.TIMESTAMP && (to == SqlTypeName.VARCHAR || to == SqlTypeName.CHAR)) {
      function = TIMESTAMP_TO_STRING;
    } else if (from == SqlTypeName.DECIMAL && to == SqlTypeName.INTEGER) {
      function = DECIMAL_TO_INT;
    } else if (from == SqlTypeName.DECIMAL && to == SqlTypeName.BIGINT) {
      function = DECIMAL_TO_LONG;
    } else if (from == SqlTypeName.DOUBLE && to == SqlTypeName.INTEGER) {
      function = DOUBLE_TO_INT;
    } else if (from == SqlTypeName.DOUBLE && to == SqlTypeName.BIGINT) {
      function = DOUBLE_TO_LONG;
    } else if ((from == SqlTypeName.VARCHAR || from == SqlTypeName.CHAR) && to == SqlTypeName.DATE) {
      function = STRING_TO_DATE;
    } else if ((from == SqlTypeName.VARCHAR || from == SqlTypeName.CHAR) && to == SqlTypeName.TIME) {
      function = STRING_TO_TIME;
    } else if ((from == SqlTypeName.VARCHAR || from == SqlTypeName.CHAR) && to == SqlTypeName.TIMESTAMP) {
      function = STRING_TO_TIMESTAMP;
    }
    return function == null ? null : rexBuilder.makeCall(call.getType(), function, call.getOperands());
  }
}

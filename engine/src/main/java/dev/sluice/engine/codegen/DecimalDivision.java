package dev.sluice.engine.codegen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
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
 * Decimal division as ksqlDB defines it: exact, rounded HALF_UP once, straight to the scale of the result
 * type. Calcite's own {@code SqlFunctions.divide} rounds to 16 significant digits first (wrong for results
 * wider than that, and rounded twice once the sink applies its scale) and strips trailing zeros; it was
 * also the costliest call of the skeleton query (about 45 ns against 4 ns). {@link CalcRewrites} makes
 * programs call {@link #divide} instead.
 */
public final class DecimalDivision {
  private DecimalDivision() {}

  /**
   * {@code a / b} rounded HALF_UP to {@code scale} digits; null when either operand is null. Operands are
   * DECIMAL ({@code BigDecimal}) or integers ({@code Integer}, {@code Long}), taken as they are so that the
   * generated code converts nothing twice.
   */
  public static BigDecimal divide(Object a, Object b, int scale) {
    if (a == null || b == null) {
      return null;
    }
    return decimal(a).divide(decimal(b), scale, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(Object value) {
    return value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
  }

  /** The operator generated code calls instead of Calcite's decimal division. */
  static final SqlUserDefinedFunction OPERATOR = new SqlUserDefinedFunction(
      new SqlIdentifier("DECIMAL_DIVIDE", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.NUMERIC, SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER),
          tf -> List.of(), i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(DecimalDivision.class, "divide"));

  /** {@code call} (a DECIMAL division) as a call of {@link #divide}, at the result's scale. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    RelDataType type = call.getType();
    return rexBuilder.makeCall(type, OPERATOR, List.of(call.getOperands().get(0), call.getOperands().get(1),
        rexBuilder.makeExactLiteral(BigDecimal.valueOf(type.getScale()),
            rexBuilder.getTypeFactory().createSqlType(SqlTypeName.INTEGER))));
  }
}

package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBinaryOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;

/**
 * {@code a % b} typed as ksqlDB types it: the wider of the operand types ({@code BIGINT % INT} is BIGINT),
 * where Calcite types the remainder as its divisor. Code generation uses Calcite's MOD with this type.
 */
public final class Modulus extends SqlBinaryOperator {
  public static final Modulus INSTANCE = new Modulus();

  private static RelDataType returnType(SqlOperatorBinding binding) {
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    RelDataType type = SqlTypeUtil.isDecimal(left) || SqlTypeUtil.isDecimal(right)
        ? binding.getTypeFactory().getTypeSystem().deriveDecimalModType(binding.getTypeFactory(), left, right)
        : binding.getTypeFactory().leastRestrictive(java.util.List.of(left, right));
    return binding.getTypeFactory().createTypeWithNullability(type, left.isNullable() || right.isNullable());
  }

  private Modulus() {
    super("%", SqlKind.MOD, 60, true,
        Modulus::returnType,
        InferTypes.FIRST_KNOWN, OperandTypes.EXACT_NUMERIC_EXACT_NUMERIC.or(OperandTypes.NUMERIC_NUMERIC));
  }
}

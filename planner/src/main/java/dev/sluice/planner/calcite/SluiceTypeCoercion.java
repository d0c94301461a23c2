package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, narrowed to ksqlDB's: a string is never silently cast to be compared with,
 * computed together with, or looked up in a list of, numbers or booleans. Without the cast Calcite would
 * still accept a comparison, so {@link ComparisonTypes} then rejects it with ksqlDB's message.
 */
final class SluiceTypeCoercion extends TypeCoercionImpl {

  SluiceTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    return !stringWithNumberOrBoolean(binding) && super.binaryComparisonCoercion(binding);
  }

  @Override
  public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
    return !stringWithNumberOrBoolean(binding) && super.binaryArithmeticCoercion(binding);
  }

  @Override
  public boolean inOperationCoercion(SqlCallBinding binding) {
    return !stringWithNumberOrBoolean(binding) && super.inOperationCoercion(binding);
  }

  private static boolean stringWithNumberOrBoolean(SqlCallBinding binding) {
    if (binding.getOperandCount() != 2) {
      return false;
    }
    RelDataType left = binding.getOperandType(0);
    RelDataType right = binding.getOperandType(1);
    return SqlTypeUtil.isCharacter(left) && numberOrBoolean(right)
        || SqlTypeUtil.isCharacter(right) && numberOrBoolean(left);
  }

  private static boolean numberOrBoolean(RelDataType type) {
    return SqlTypeUtil.isNumeric(type) || SqlTypeUtil.isBoolean(type);
  }
}

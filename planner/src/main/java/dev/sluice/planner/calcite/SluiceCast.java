package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlCastFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * Calcite's CAST, which also casts an ARRAY, MAP or STRUCT to STRING: ksqlDB allows it (the value's text,
 * {@code [1, 3]}, {@code {k=1}}, {@code Struct{F0=1}}) and Calcite's validator refuses it. Every CAST of the
 * dialect is built with this operator; {@link SluiceConvertlets} hands it to Calcite's own conversion as a
 * standard CAST, and the code generator implements the complex-to-text case.
 */
public final class SluiceCast extends SqlCastFunction {
  public static final SluiceCast INSTANCE = new SluiceCast();

  private SluiceCast() {}

  /**
   * Types the call without looking the operator up by name as a {@code SqlFunction} does: that lookup finds
   * Calcite's CAST, whose operand check refuses the casts this operator adds.
   */
  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    for (SqlNode operand : call.getOperandList()) {
      validator.deriveType(scope, operand);
    }
    return validateOperands(validator, scope, call);
  }

  @Override
  public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
    if (binding.getOperandCount() == 2 && complex(binding.getOperandType(0))
        && SqlTypeUtil.inCharFamily(binding.getOperandType(1))) {
      return true;
    }
    return super.checkOperandTypes(binding, throwOnFailure);
  }

  @Override
  public RelDataType inferReturnType(SqlOperatorBinding binding) {
    RelDataType from = binding.getOperandType(0);
    RelDataType to = binding.getOperandType(1);
    if (complex(from) && SqlTypeUtil.inCharFamily(to)) {
      // Calcite's inference carries nullability into the target's components, which text does not have.
      return binding.getTypeFactory().createTypeWithNullability(to, from.isNullable());
    }
    return super.inferReturnType(binding);
  }

  static boolean complex(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.ARRAY || name == SqlTypeName.MAP || name == SqlTypeName.ROW;
  }
}

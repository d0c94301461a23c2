package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code a + b} as ksqlDB reads it: two STRINGs are concatenated ({@code name + '_x'}), anything else is
 * added. Once the operand types are known the call becomes Calcite's {@code ||} or {@code +}, so the plan
 * prints, and re-plans, as either.
 */
final class Plus {
  private Plus() {}

  static final SqlOperator INSTANCE = new SqlMonotonicBinaryOperator("+", SqlKind.PLUS, 40, true,
      ReturnTypes.NULLABLE_SUM, InferTypes.FIRST_KNOWN, OperandTypes.PLUS_OPERATOR) {
    @Override
    public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
      RelDataType left = validator.deriveType(scope, call.operand(0));
      RelDataType right = validator.deriveType(scope, call.operand(1));
      SqlOperator op = SqlTypeUtil.isCharacter(left) && SqlTypeUtil.isCharacter(right)
          ? SqlStdOperatorTable.CONCAT : SqlStdOperatorTable.PLUS;
      ((SqlBasicCall) call).setOperator(op);
      return op.deriveType(validator, scope, call);
    }
  };
}

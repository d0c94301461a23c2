package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlMonotonicBinaryOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;

/**
 * {@code a + b}: ksqlDB concatenates two strings with {@code +}, where Calcite would cast them to numbers.
 * When both operands are strings the call becomes Calcite's {@code ||} before it is typed; otherwise it is
 * Calcite's {@code +}.
 */
public final class Plus extends SqlMonotonicBinaryOperator {
  public static final Plus INSTANCE = new Plus();

  private Plus() {
    super("+", SqlKind.PLUS, 40, true, ReturnTypes.NULLABLE_SUM, InferTypes.FIRST_KNOWN,
        OperandTypes.PLUS_OPERATOR);
  }

  @Override
  public RelDataType deriveType(SqlValidator validator, SqlValidatorScope scope, SqlCall call) {
    if (call instanceof SqlBasicCall basic && call.operandCount() == 2) {
      SqlNode left = call.operand(0);
      SqlNode right = call.operand(1);
      RelDataType l = validator.deriveType(scope, left);
      RelDataType r = validator.deriveType(scope, right);
      if (SqlTypeUtil.inCharFamily(l) && SqlTypeUtil.inCharFamily(r)) {
        basic.setOperator(SqlStdOperatorTable.CONCAT);
        return SqlStdOperatorTable.CONCAT.deriveType(validator, scope, call);
      }
    }
    return super.deriveType(validator, scope, call);
  }
}

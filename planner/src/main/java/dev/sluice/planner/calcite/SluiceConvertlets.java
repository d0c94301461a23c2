package dev.sluice.planner.calcite;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Calcite's standard conversion of SQL to row expressions, plus Sluice's operators. Lambdas: a {@link LambdaOperator} call
 * becomes a {@code RexLambda}, and each parameter reference a {@code RexLambdaRef}, which Calcite's code
 * generator turns into a Java function. A column the body references stays an input reference: the
 * function reads it from the row it is evaluated for. A {@link SluiceCast} converts as Calcite's CAST.
 */
final class SluiceConvertlets implements SqlRexConvertletTable {
  private final SqlRexConvertletTable base;

  SluiceConvertlets(SqlRexConvertletTable base) {
    this.base = base;
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() instanceof LambdaOperator lambda) {
      return (cx, c) -> {
        RexNode body = cx.convertExpression(c.operand(0));
        return cx.getRexBuilder().makeLambdaCall(body, lambda.refs());
      };
    }
    if (call.getOperator() instanceof LambdaOperator.Param param) {
      return (cx, c) -> param.ref();
    }
    if (call.getOperator() == SluiceCast.INSTANCE) {
      return (cx, c) -> {
        RelDataType type = cx.getValidator().getValidatedNodeType(c);
        RelDataType from = cx.getValidator().getValidatedNodeTypeIfKnown(c.operand(0));
        if (from != null && SluiceCast.complex(from)) {
          // Calcite's conversion would derive component types from the text target; the code generator
          // implements this cast.
          return cx.getRexBuilder().makeAbstractCast(type, cx.convertExpression(c.operand(0)), false);
        }
        // Calcite's conversion knows its own CAST operator only; the validated type carries over.
        SqlCall standard = SqlStdOperatorTable.CAST.createCall(c.getParserPosition(), c.getOperandList());
        cx.getValidator().setValidatedNodeType(standard, type);
        return base.get(standard).convertCall(cx, standard);
      };
    }
    return base.get(call);
  }
}

package dev.sluice.planner.calcite;

import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Calcite's standard conversion of SQL to row expressions, plus lambdas: a {@link LambdaOperator} call
 * becomes a {@code RexLambda}, and each parameter reference a {@code RexLambdaRef}, which Calcite's code
 * generator turns into a Java function. A column the body references stays an input reference: the
 * function reads it from the row it is evaluated for.
 */
final class LambdaConvertlets implements SqlRexConvertletTable {
  private final SqlRexConvertletTable base;

  LambdaConvertlets(SqlRexConvertletTable base) {
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
    return base.get(call);
  }
}

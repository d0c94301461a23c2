package dev.sluice.engine.codegen;

import dev.sluice.planner.calcite.Modulus;
import dev.sluice.planner.calcite.StructConstructor;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites a program just before code generation, where Sluice's semantics or operators differ from what
 * Calcite's code generator implements: DECIMAL division ({@link DecimalDivision}), array subscripts
 * ({@link ArrayAccess}), some casts ({@link Casts}), the remainder typed as ksqlDB types it ({@code Modulus}), and {@code STRUCT(...)} constructors (generated as Calcite's ROW, keeping the field
 * names in the call's type). The persisted
 * plan keeps the original expressions; only the generated code changes.
 */
final class CalcRewrites {
  private CalcRewrites() {}

  private static boolean isComplex(SqlTypeName name) {
    return name == SqlTypeName.ARRAY || name == SqlTypeName.MAP || name == SqlTypeName.ROW;
  }

  static RexProgram rewrite(RexProgram program, JavaTypeFactory typeFactory) {
    RexBuilder rexBuilder = new RexBuilder(typeFactory);
    boolean[] changed = {false};
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitCall(RexCall call) {
        RexCall visited = (RexCall) super.visitCall(call);
        if (visited.getKind() == SqlKind.DIVIDE && visited.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
          changed[0] = true;
          return DecimalDivision.rewrite(rexBuilder, visited);
        }
        if (visited.getKind() == SqlKind.ITEM
            && visited.getOperands().get(0).getType().getSqlTypeName() == SqlTypeName.ARRAY) {
          changed[0] = true;
          return ArrayAccess.rewrite(rexBuilder, visited);
        }
        if (visited.getKind() == SqlKind.CAST && isComplex(visited.getType().getSqlTypeName())
            && isComplex(visited.getOperands().get(0).getType().getSqlTypeName())) {
          changed[0] = true;
          return ComplexCasts.rewrite(rexBuilder, visited);
        }
        RexNode equality = ComplexEquality.rewrite(rexBuilder, visited);
        if (equality != null) {
          changed[0] = true;
          return equality;
        }
        if (visited.getKind() == SqlKind.CAST) {
          RexNode cast = Casts.rewrite(rexBuilder, visited);
          if (cast != null) {
            changed[0] = true;
            return cast;
          }
        }
        if (visited.getOperator() == Modulus.INSTANCE) {
          changed[0] = true;
          return rexBuilder.makeCall(visited.getType(), SqlStdOperatorTable.MOD, visited.getOperands());
        }
        if (visited.getOperator() instanceof StructConstructor) {
          changed[0] = true;
          return rexBuilder.makeCall(visited.getType(), SqlStdOperatorTable.ROW, visited.getOperands());
        }
        return visited;
      }
    };
    List<RexNode> projects = program.getProjectList().stream()
        .map(p -> program.expandLocalRef(p).accept(shuttle)).toList();
    RexNode condition = program.getCondition() == null ? null
        : program.expandLocalRef(program.getCondition()).accept(shuttle);
    if (!changed[0]) {
      return program;
    }
    return RexProgram.create(program.getInputRowType(), projects, condition, program.getOutputRowType(),
        rexBuilder);
  }
}

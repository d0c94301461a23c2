package dev.sluice.engine.codegen;

import dev.sluice.planner.calcite.Modulus;
import dev.sluice.planner.calcite.StructConstructor;
import dev.sluice.planner.function.Lambdas;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Rewrites a program just before code generation, where Sluice's semantics or operators differ from what
 * Calcite's code generator implements: DECIMAL division ({@link DecimalDivision}), array subscripts
 * ({@link ArrayAccess}), some casts ({@link Casts}, {@link ComplexText}), the remainder typed as ksqlDB types it ({@code Modulus}), and {@code STRUCT(...)} constructors (generated as Calcite's ROW, keeping the field
 * names in the call's type, built by {@link StructValues}), and lambdas (fresh parameter names, see {@link Lambdas#forCodegen}). The persisted
 * plan keeps the original expressions; only the generated code changes.
 */
final class CalcRewrites {
  private CalcRewrites() {}

  private static boolean isComplex(SqlTypeName name) {
    return name == SqlTypeName.ARRAY || name == SqlTypeName.MAP || name == SqlTypeName.ROW;
  }

  /** {@code node} with its lambdas as {@link Lambdas#forCodegen} prepares them. */
  private static RexNode lambdas(RexBuilder rexBuilder, RexNode node, boolean[] changed) {
    RexNode rewritten = Lambdas.forCodegen(rexBuilder, node);
    changed[0] |= rewritten != node;
    return rewritten;
  }

  private static final java.util.Set<SqlKind> COMPARISONS = java.util.EnumSet.of(SqlKind.EQUALS,
      SqlKind.NOT_EQUALS, SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN,
      SqlKind.GREATER_THAN_OR_EQUAL);

  /**
   * A comparison as ksqlDB evaluates it: false, not null, when an operand is null ({@code NOT (a = b)} is then
   * true). The result keeps its planned (nullable) type, so the program's row type does not change.
   */
  private static RexNode nullIsFalse(RexBuilder rexBuilder, RexCall comparison, RexNode compiled) {
    if (comparison.getOperands().stream().noneMatch(o -> o.getType().isNullable())) {
      return compiled;
    }
    return rexBuilder.makeCall(comparison.getType(), SqlStdOperatorTable.IS_TRUE, List.of(compiled));
  }

  static RexProgram rewrite(RexProgram program, JavaTypeFactory typeFactory) {
    RexBuilder rexBuilder = new RexBuilder(typeFactory);
    boolean[] changed = {false};
    RexShuttle shuttle = new RexShuttle() {
      @Override
      public RexNode visitLiteral(RexLiteral literal) {
        // Calcite would write a NULL struct as a cast to the synthetic record class it names (Record2_0)
        // but never declares; structs are Object[] at run time, so a plain Object null is right.
        if (literal.isNull() && literal.getType().getSqlTypeName() == SqlTypeName.ROW) {
          changed[0] = true;
          return rexBuilder.makeNullLiteral(typeFactory.createTypeWithNullability(
              typeFactory.createSqlType(SqlTypeName.ANY), true));
        }
        return literal;
      }

      @Override
      public RexNode visitCall(RexCall call) {
        RexCall visited = (RexCall) super.visitCall(call);
        if (visited.getKind() == SqlKind.CAST && visited.getOperands().get(0) instanceof RexLiteral operand
            && operand.isNull()) {
          // A cast NULL is a NULL of the cast's type. The planner's rules fold these, but they do not reach
          // into a lambda's body, and Calcite cannot cast its untyped NULL to a struct there.
          changed[0] = true;
          return visitLiteral(rexBuilder.makeNullLiteral(visited.getType()));
        }
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
        if (visited.getKind() == SqlKind.CAST && isComplex(visited.getOperands().get(0).getType().getSqlTypeName())
            && SqlTypeName.CHAR_TYPES.contains(visited.getType().getSqlTypeName())) {
          changed[0] = true;
          return ComplexText.rewrite(rexBuilder, visited);
        }
        RexNode equality = ComplexEquality.rewrite(rexBuilder, visited);
        if (equality != null) {
          changed[0] = true;
          return nullIsFalse(rexBuilder, visited, equality);
        }
        if (COMPARISONS.contains(visited.getKind())) {
          RexNode compared = nullIsFalse(rexBuilder, visited, visited);
          changed[0] |= compared != visited;
          return compared;
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
          return StructValues.rewrite(rexBuilder, visited);
        }
        return visited;
      }
    };
    List<RexNode> projects = program.getProjectList().stream()
        .map(p -> lambdas(rexBuilder, program.expandLocalRef(p).accept(shuttle), changed)).toList();
    RexNode condition = program.getCondition() == null ? null
        : lambdas(rexBuilder, program.expandLocalRef(program.getCondition()).accept(shuttle), changed);
    if (!changed[0]) {
      return program;
    }
    return RexProgram.create(program.getInputRowType(), projects, condition, program.getOutputRowType(),
        rexBuilder);
  }
}

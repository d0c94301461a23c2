package dev.sluice.planner.calcite;

import dev.sluice.planner.function.FunctionRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * Calcite's view of Sluice's functions: the standard operators the dialect uses (arithmetic, comparisons,
 * CAST, CASE ...) chained with one {@link SqlUserDefinedFunction} per registered overload. Because each
 * overload wraps its Java method, generated code calls the method directly.
 */
public final class SluiceOperatorTable {
  /**
   * Calcite's standard operators, less those Sluice replaces: the validator resolves operators by name
   * again, so a replaced operator must not be found here.
   */
  private static final SqlOperatorTable STANDARD = SqlOperatorTables.of(SqlStdOperatorTable.instance()
      .getOperatorList().stream().filter(op -> op != SqlStdOperatorTable.PERCENT_REMAINDER).toList());

  private SluiceOperatorTable() {}

  public static SqlOperatorTable create(FunctionRegistry registry, JavaTypeFactory typeFactory) {
    List<SqlOperator> functions = new ArrayList<>();
    registry.scalars().forEach((name, overloads) -> overloads.forEach(overload -> {
      ScalarFunction fn = ScalarFunctionImpl.create(overload.method());
      List<RelDataType> params = new ArrayList<>();
      List<SqlTypeFamily> families = new ArrayList<>();
      for (FunctionParameter p : fn.getParameters()) {
        RelDataType type = typeFactory.createTypeWithNullability(typeFactory.toSql(p.getType(typeFactory)), true);
        params.add(type);
        families.add(type.getSqlTypeName().getFamily());
      }
      RelDataType ret = typeFactory.createTypeWithNullability(typeFactory.toSql(fn.getReturnType(typeFactory)), true);
      functions.add(new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
          ReturnTypes.explicit(ret), InferTypes.explicit(params),
          OperandTypes.operandMetadata(families, tf -> params, i -> "arg" + i, i -> false), fn) {
        @Override
        public boolean isDeterministic() {
          return overload.annotation().deterministic();
        }
      });
    }));
    functions.add(Modulus.INSTANCE);
    return SqlOperatorTables.chain(STANDARD, SqlOperatorTables.of(functions));
  }
}

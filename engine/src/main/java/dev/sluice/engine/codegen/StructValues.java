package dev.sluice.engine.codegen;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code STRUCT(name := value, ...)} at run time: an {@code Object[]} of the field values. Calcite's own ROW
 * is NULL when every field is NULL, but ksqlDB's {@code STRUCT(F1 := NULL)} is a struct whose field is NULL,
 * so {@link CalcRewrites} makes struct constructors call {@link #of} on the list of their values.
 */
public final class StructValues {
  private StructValues() {}

  /** The struct holding {@code fields}, in order. */
  public static Object of(List<?> fields) {
    return fields.toArray();
  }

  private static final SqlUserDefinedFunction OF = new SqlUserDefinedFunction(
      new SqlIdentifier("STRUCT_OF", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN, OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY), tf -> List.of(),
          i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(StructValues.class, "of"));

  /** {@code call}, a struct constructor of type {@code call.getType()}, as a call of {@link #of}. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    RelDataTypeFactory tf = rexBuilder.getTypeFactory();
    RelDataType any = tf.createTypeWithNullability(tf.createSqlType(SqlTypeName.ANY), true);
    RexNode values = rexBuilder.makeCall(tf.createArrayType(any, -1), SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR,
        call.getOperands());
    return rexBuilder.makeCall(tf.createTypeWithNullability(call.getType(), false), OF, List.of(values));
  }
}

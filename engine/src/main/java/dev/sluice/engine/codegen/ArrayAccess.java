package dev.sluice.engine.codegen;

import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code array[i]} as ksqlDB defines it: 1-based, negative indexes count from the end ({@code -1} is the
 * last element), and an index out of range gives null rather than an error. Calcite's ITEM has the first
 * and last rules but not the negative one, so {@link CalcRewrites} makes array subscripts call
 * {@link #element}.
 */
public final class ArrayAccess {
  private ArrayAccess() {}

  public static Object element(List<?> array, Integer index) {
    if (array == null || index == null) {
      return null;
    }
    int i = index > 0 ? index - 1 : array.size() + index;
    return index == 0 || i < 0 || i >= array.size() ? null : array.get(i);
  }

  private static final SqlUserDefinedFunction OPERATOR = new SqlUserDefinedFunction(
      new SqlIdentifier("ARRAY_ELEMENT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.ARRAY, SqlTypeFamily.INTEGER),
          tf -> List.of(), i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(ArrayAccess.class, "element"));

  /** {@code call} (ITEM on an array) as a call of {@link #element}, keeping the element type. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    return rexBuilder.makeCall(call.getType(), OPERATOR, call.getOperands());
  }
}

package dev.sluice.engine.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
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
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * {@code =} and {@code <>} between STRUCT, ARRAY and MAP values, compared by content. Structs are
 * {@code Object[]} at run time, whose {@code equals} is identity, so Calcite's generated comparison would
 * call two equal structs different; {@link CalcRewrites} makes such comparisons call {@link #equal}.
 */
public final class ComplexEquality {
  private ComplexEquality() {}

  /** Whether the values are equal by content; null when either is null, as SQL's {@code =}. */
  public static Boolean equal(Object a, Object b) {
    if (a == null || b == null) {
      return null;
    }
    return normalize(a).equals(normalize(b));
  }

  /** Negation of {@link #equal}, null when either is null. */
  public static Boolean notEqual(Object a, Object b) {
    Boolean equal = equal(a, b);
    return equal == null ? null : !equal;
  }

  /** Structs become lists, recursively, so that {@code equals} compares contents everywhere. */
  private static Object normalize(Object value) {
    if (value instanceof Object[] struct) {
      List<Object> out = new ArrayList<>(struct.length);
      for (Object field : struct) {
        out.add(normalize(field));
      }
      return out;
    } else if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object element : list) {
        out.add(element == null ? null : normalize(element));
      }
      return out;
    } else if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, v == null ? null : normalize(v)));
      return out;
    }
    return value;
  }

  private static final SqlUserDefinedFunction EQUAL = function("equal");
  private static final SqlUserDefinedFunction NOT_EQUAL = function("notEqual");

  private static SqlUserDefinedFunction function(String method) {
    return new SqlUserDefinedFunction(new SqlIdentifier("COMPLEX_" + method, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION, ReturnTypes.BOOLEAN_NULLABLE, InferTypes.FIRST_KNOWN,
        OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY, SqlTypeFamily.ANY), tf -> List.of(),
            i -> "arg" + i, i -> false),
        ScalarFunctionImpl.create(ComplexEquality.class, method));
  }

  /** {@code call} as a content comparison when it compares complex values, else null. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    if (call.getKind() != SqlKind.EQUALS && call.getKind() != SqlKind.NOT_EQUALS) {
      return null;
    }
    if (!complex(call.getOperands().get(0).getType()) && !complex(call.getOperands().get(1).getType())) {
      return null;
    }
    return rexBuilder.makeCall(call.getType(), call.getKind() == SqlKind.EQUALS ? EQUAL : NOT_EQUAL,
        call.getOperands());
  }

  private static boolean complex(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    return name == SqlTypeName.ROW || name == SqlTypeName.ARRAY || name == SqlTypeName.MAP;
  }
}

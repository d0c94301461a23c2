package dev.sluice.engine.codegen;

import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import dev.sluice.planner.calcite.TypeConverter;

/**
 * {@code CAST} to ARRAY, MAP or STRUCT, as ksqlDB defines it: every element, key, value or field is cast to
 * its target type; struct fields are matched by name, a target field the source lacks is null and a source
 * field the target lacks is dropped. Calcite's code generator cannot cast collections, so {@link CalcRewrites}
 * makes such casts call {@link #cast} with the source and target types as SQL text (parsed once, cached).
 * Arrays are {@code List}s, maps {@code Map}s and structs {@code Object[]}s in field order at run time.
 */
public final class ComplexCasts {
  private ComplexCasts() {}

  private static final Map<String, SqlType> TYPES = new ConcurrentHashMap<>();

  public static Object cast(Object value, String from, String to) {
    if (value == null) {
      return null;
    }
    return convert(value, type(from), type(to));
  }

  private static SqlType type(String sql) {
    return TYPES.computeIfAbsent(sql, SqlType::parse);
  }

  static Object convert(Object value, SqlType from, SqlType to) {
    if (value == null || from.equals(to)) {
      return value;
    }
    switch (to.base()) {
      case ARRAY: {
        SqlType fromElement = ((SqlType.Array) from).element();
        SqlType toElement = ((SqlType.Array) to).element();
        List<Object> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
          out.add(convert(element, fromElement, toElement));
        }
        return out;
      }
      case MAP: {
        SqlType.Map f = (SqlType.Map) from;
        SqlType.Map t = (SqlType.Map) to;
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          out.put(convert(e.getKey(), f.key(), t.key()), convert(e.getValue(), f.value(), t.value()));
        }
        return out;
      }
      case STRUCT: {
        List<SqlType.Field> f = ((SqlType.Struct) from).fields();
        List<SqlType.Field> t = ((SqlType.Struct) to).fields();
        Object[] in = (Object[]) value;
        Object[] out = new Object[t.size()];
        for (int i = 0; i < t.size(); i++) {
          for (int j = 0; j < f.size(); j++) {
            if (f.get(j).name().equals(t.get(i).name())) {
              out[i] = convert(in[j], f.get(j).type(), t.get(i).type());
            }
          }
        }
        return out;
      }
      default:
        return primitive(value, from, to);
    }
  }

  private static Object primitive(Object value, SqlType from, SqlType to) {
    switch (to.base()) {
      case STRING:
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        return Boolean.parseBoolean(value.toString().trim());
      case INTEGER:
        if (value instanceof String s) {
          return Integer.parseInt(s.trim());
        }
        return value instanceof Number n ? n.intValue() : value;
      case BIGINT:
        if (value instanceof String s) {
          return Long.parseLong(s.trim());
        }
        return value instanceof Number n ? n.longValue() : value;
      case DOUBLE:
        if (value instanceof String s) {
          return Double.parseDouble(s.trim());
        }
        return value instanceof Number n ? n.doubleValue() : value;
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) to;
        BigDecimal v = value instanceof BigDecimal b ? b
            : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
            : new BigDecimal(value.toString().trim());
        v = v.setScale(d.scale(), RoundingMode.HALF_UP);
        if (v.precision() > d.precision()) {
          throw new ArithmeticException("Numeric field overflow: " + v + " does not fit " + d.sql());
        }
        return v;
      }
      default:
        if (from.base() == to.base()) {
          return value;
        }
        throw new IllegalArgumentException("Cannot cast " + from.sql() + " to " + to.sql());
    }
  }

  private static final SqlUserDefinedFunction CAST = new SqlUserDefinedFunction(
      new SqlIdentifier("CAST_COMPLEX", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
          tf -> List.of(), i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(ComplexCasts.class, "cast"));

  /** {@code call} (a CAST to a complex type) as a call of {@link #cast}, or null when nothing changes. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    RexNode operand = call.getOperands().get(0);
    SqlType from = TypeConverter.fromRel(operand.getType());
    SqlType to = TypeConverter.fromRel(call.getType());
    return rexBuilder.makeCall(call.getType(), CAST,
        List.of(operand, rexBuilder.makeLiteral(from.sql()), rexBuilder.makeLiteral(to.sql())));
  }
}

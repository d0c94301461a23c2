package dev.sluice.engine.codegen;

import dev.sluice.planner.calcite.TypeConverter;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.util.ByteString;
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
 * {@code CAST} of an ARRAY, MAP or STRUCT to STRING, with the text ksqlDB gives: {@code [1, 3]},
 * {@code {this=1}}, {@code Struct{F0=1,f1=3}} (a struct's null fields are left out, as Kafka Connect's
 * {@code Struct.toString} does). Nested dates and times print as ksqlDB prints them on their own
 * ({@code 2020-01-01}, {@code 10:00}, {@code 2020-01-01T10:00:00.000}, UTC), bytes in base64.
 * {@link CalcRewrites} makes such casts call {@link #text} with the source type as SQL text (parsed once).
 */
public final class ComplexText {
  private ComplexText() {}

  private static final Map<String, SqlType> TYPES = new ConcurrentHashMap<>();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  public static String text(Object value, String type) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    append(out, value, TYPES.computeIfAbsent(type, SqlType::parse));
    return out.toString();
  }

  static void append(StringBuilder out, Object value, SqlType type) {
    if (value == null) {
      out.append("null");
      return;
    }
    switch (type.base()) {
      case ARRAY: {
        SqlType element = ((SqlType.Array) type).element();
        out.append('[');
        String separator = "";
        for (Object e : (List<?>) value) {
          out.append(separator);
          append(out, e, element);
          separator = ", ";
        }
        out.append(']');
        return;
      }
      case MAP: {
        SqlType.Map map = (SqlType.Map) type;
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          out.append(separator);
          append(out, e.getKey(), map.key());
          out.append('=');
          append(out, e.getValue(), map.value());
          separator = ", ";
        }
        out.append('}');
        return;
      }
      case STRUCT: {
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        Object[] values = (Object[]) value;
        out.append("Struct{");
        String separator = "";
        for (int i = 0; i < fields.size(); i++) {
          if (values[i] != null) {
            out.append(separator).append(fields.get(i).name()).append('=');
            append(out, values[i], fields.get(i).type());
            separator = ",";
          }
        }
        out.append('}');
        return;
      }
      case DECIMAL:
        out.append(((BigDecimal) value).toPlainString());
        return;
      case DATE:
        out.append(LocalDate.ofEpochDay(((Number) value).longValue()));
        return;
      case TIME:
        out.append(LocalTime.ofNanoOfDay(((Number) value).longValue() * 1_000_000L));
        return;
      case TIMESTAMP:
        out.append(TIMESTAMP.format(Instant.ofEpochMilli(((Number) value).longValue())));
        return;
      case BYTES:
        byte[] bytes = value instanceof ByteString b ? b.getBytes() : (byte[]) value;
        out.append(Base64.getEncoder().encodeToString(bytes));
        return;
      default:
        out.append(value);
    }
  }

  private static final SqlUserDefinedFunction TEXT = new SqlUserDefinedFunction(
      new SqlIdentifier("CAST_COMPLEX_TEXT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, ReturnTypes.ARG0,
      InferTypes.FIRST_KNOWN,
      OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY, SqlTypeFamily.CHARACTER),
          tf -> List.of(), i -> "arg" + i, i -> false),
      ScalarFunctionImpl.create(ComplexText.class, "text"));

  /** {@code call} (a CAST of a complex value to STRING) as a call of {@link #text}. */
  static RexNode rewrite(RexBuilder rexBuilder, RexCall call) {
    RexNode operand = call.getOperands().get(0);
    return rexBuilder.makeCall(call.getType(), TEXT,
        List.of(operand, rexBuilder.makeLiteral(TypeConverter.fromRel(operand.getType()).sql())));
  }
}

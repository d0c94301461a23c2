package dev.sluice.engine.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes row values to a streaming JSON generator, one writer compiled per SQL type. The encodings are
 * ksqlDB's: DECIMAL as a plain JSON number as computed (not padded to the column's scale, as ksqlDB's
 * converter writes it), TIMESTAMP as epoch millis, DATE as epoch days, TIME as millis of the day, BYTES
 * as a base64 string, STRUCT as an object in field order.
 */
final class JsonWriters {

  /** Writes one non-null value. */
  interface Writer {
    void write(JsonGenerator g, Object value) throws IOException;
  }

  private JsonWriters() {}

  static Writer forType(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> (g, v) -> g.writeBoolean((Boolean) v);
      case INTEGER, DATE, TIME -> (g, v) -> g.writeNumber(Values.intValue(v));
      case BIGINT, TIMESTAMP -> (g, v) -> g.writeNumber(Values.longValue(v));
      case DOUBLE -> (g, v) -> g.writeNumber(Values.doubleValue(v));
      case DECIMAL -> (g, v) -> g.writeNumber(Values.decimalUnpadded(v, (SqlType.Decimal) type));
      case STRING -> (g, v) -> g.writeString(v.toString());
      case BYTES -> (g, v) -> g.writeBinary(Values.bytes(v));
      case ARRAY -> arrayWriter((SqlType.Array) type);
      case MAP -> mapWriter((SqlType.Map) type);
      case STRUCT -> new StructWriter(((SqlType.Struct) type).fields());
    };
  }

  static void writeNullable(Writer w, JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      w.write(g, value);
    }
  }

  private static Writer arrayWriter(SqlType.Array type) {
    Writer element = forType(type.element());
    return (g, v) -> {
      List<?> list = (List<?>) v;
      g.writeStartArray();
      for (int i = 0, n = list.size(); i < n; i++) {
        writeNullable(element, g, list.get(i));
      }
      g.writeEndArray();
    };
  }

  private static Writer mapWriter(SqlType.Map type) {
    Writer value = forType(type.value());
    return (g, v) -> {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeNullable(value, g, e.getValue());
      }
      g.writeEndObject();
    };
  }

  /** Writes a STRUCT ({@code Object[]} or {@code List} in field order), or a whole row, as an object. */
  static final class StructWriter implements Writer {
    private final String[] names;
    private final Writer[] writers;

    StructWriter(List<SqlType.Field> fields) {
      names = new String[fields.size()];
      writers = new Writer[fields.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = fields.get(i).name();
        writers[i] = forType(fields.get(i).type());
      }
    }

    @Override
    public void write(JsonGenerator g, Object struct) throws IOException {
      g.writeStartObject();
      for (int i = 0; i < names.length; i++) {
        g.writeFieldName(names[i]);
        writeNullable(writers[i], g, Values.field(struct, i));
      }
      g.writeEndObject();
    }
  }
}

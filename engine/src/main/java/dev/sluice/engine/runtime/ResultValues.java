package dev.sluice.engine.runtime;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts result rows from the engine's representation to the JSON values ksqlDB's query endpoints send:
 * TIMESTAMP as an ISO text in UTC, DATE and TIME as ISO texts, BYTES in base64, STRUCT as an object,
 * decimals with their scale.
 */
public final class ResultValues {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private final List<SqlType> types;

  public ResultValues(LogicalSchema schema) {
    this.types = schema.columns().stream().map(Column::type).toList();
  }

  public List<Object> row(Object[] row) {
    List<Object> out = new ArrayList<>(row.length);
    for (int i = 0; i < row.length; i++) {
      out.add(value(row[i], types.get(i)));
    }
    return out;
  }

  static Object value(Object v, SqlType type) {
    if (v == null) {
      return null;
    }
    switch (type.base()) {
      case TIMESTAMP:
        return TIMESTAMP.format(Instant.ofEpochMilli(((Number) v).longValue()));
      case DATE:
        return LocalDate.ofEpochDay(((Number) v).longValue()).toString();
      case TIME:
        return LocalTime.ofNanoOfDay(((Number) v).longValue() * 1_000_000L).toString();
      case BYTES:
        return Base64.getEncoder().encodeToString(v instanceof ByteString b ? b.getBytes() : (byte[]) v);
      case ARRAY: {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(value(e, ((SqlType.Array) type).element()));
        }
        return out;
      }
      case MAP: {
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, e) -> out.put(String.valueOf(k), value(e, ((SqlType.Map) type).value())));
        return out;
      }
      case STRUCT: {
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        Object[] values = v instanceof Object[] a ? a : ((List<?>) v).toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
          out.put(fields.get(i).name(), value(values[i], fields.get(i).type()));
        }
        return out;
      }
      default:
        return v;
    }
  }
}

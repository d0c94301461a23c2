package dev.sluice.planner.function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.TreeMap;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Values of any SQL type as JSON text, the way ksqlDB's TO_JSON_STRING writes them: unlike the JSON value
 * format (which writes TIME as millis), temporal values are ISO text, and STRUCT fields and MAP keys are
 * sorted by name so the text is stable.
 */
final class JsonValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private JsonValues() {}

  /** {@code value}, of SQL type {@code type} (null for a NULL literal), as JSON text. */
  static String write(Object value, SqlType type) {
    return node(value, type).toString();
  }

  private static JsonNode node(Object value, SqlType type) {
    if (value == null || type == null) {
      return NODES.nullNode();
    }
    switch (type.base()) {
      case BOOLEAN:
        return NODES.booleanNode((Boolean) value);
      case INTEGER:
        return NODES.numberNode(((Number) value).intValue());
      case BIGINT:
        return NODES.numberNode(((Number) value).longValue());
      case DOUBLE:
        return NODES.numberNode(((Number) value).doubleValue());
      case DECIMAL:
        return NODES.numberNode((BigDecimal) value);
      case STRING:
        return NODES.textNode(value.toString());
      case BYTES:
        return NODES.textNode(Base64.getEncoder().encodeToString(((ByteString) value).getBytes()));
      case DATE:
        return NODES.textNode(LocalDate.ofEpochDay(((Number) value).longValue()).toString());
      case TIME:
        // Whole seconds, as ksqlDB's formatter (LocalTime.toString, so "09:16" at zero seconds).
        return NODES.textNode(LocalTime.ofSecondOfDay(((Number) value).longValue() / 1000).toString());
      case TIMESTAMP:
        return NODES.textNode(TIMESTAMP.format(Instant.ofEpochMilli(((Number) value).longValue())));
      case ARRAY: {
        SqlType element = ((SqlType.Array) type).element();
        ArrayNode array = NODES.arrayNode();
        for (Object e : (List<?>) value) {
          array.add(node(e, element));
        }
        return array;
      }
      case MAP: {
        SqlType valueType = ((SqlType.Map) type).value();
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        ((Map<?, ?>) value).forEach((k, v) -> sorted.put(String.valueOf(k), node(v, valueType)));
        return object(sorted);
      }
      case STRUCT: {
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        Object[] values = value instanceof List<?> list ? list.toArray() : (Object[]) value;
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (int i = 0; i < fields.size(); i++) {
          sorted.put(fields.get(i).name(), node(values[i], fields.get(i).type()));
        }
        return object(sorted);
      }
      default:
        throw new IllegalArgumentException("TO_JSON_STRING cannot write " + type.sql());
    }
  }

  private static ObjectNode object(Map<String, JsonNode> fields) {
    ObjectNode object = NODES.objectNode();
    fields.forEach(object::set);
    return object;
  }
}

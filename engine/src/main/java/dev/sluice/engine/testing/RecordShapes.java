package dev.sluice.engine.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sluice.engine.serde.Format;
import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.engine.serde.SchemaInference;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts between the JSON shapes of QTT records and record bytes, per format (README section 4).
 * Inputs: a JSON value is written as the JSON given, a DELIMITED key or value as its string, a KAFKA value
 * with Kafka's serializer for the column's type. Outputs: the bytes are read back into the same shapes (a
 * DELIMITED key or value stays its string), typed by
 * the sink's columns so that a DOUBLE compares with a tolerance and a DECIMAL with its scale; a JSON value is
 * read from its own bytes (its field names as written), not through Sluice's case-insensitive reader.
 */
final class RecordShapes {
  private static final ObjectMapper WRITER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private RecordShapes() {}

  // ---------------------------------------------------------------- inputs

  /** The bytes of an input key; a windowed record gets its window appended as Kafka Streams writes it. */
  static byte[] keyBytes(TestCase.Record record, TopicShape shape) {
    byte[] inner = bytes(record.topic(), record.key(), shape.keyColumns(), shape.keyFormat(), true, shape);
    TestCase.Window w = record.window();
    if (w == null) {
      return inner;
    }
    byte[] prefix = inner == null ? new byte[0] : inner;
    ByteBuffer buf = ByteBuffer.allocate(prefix.length + (w.session() ? 16 : 8)).put(prefix);
    if (w.session()) {
      buf.putLong(w.end()).putLong(w.start());
    } else {
      buf.putLong(w.start());
    }
    return buf.array();
  }

  static byte[] valueBytes(TestCase.Record record, TopicShape shape) {
    return bytes(record.topic(), record.value(), shape.valueColumns(), shape.valueFormat(), false, shape);
  }

  private static byte[] bytes(String topic, JsonNode node, List<Column> columns, FormatInfo format, boolean key,
      TopicShape shape) {
    if (node == null || node.isNull() || format.format() == Format.NONE) {
      return null;
    }
    if (format.format().usesRegistry() || format.format() == Format.PROTOBUF_NOSR) {
      return viaJson(topic, node, columns, format, key, shape);
    }
    switch (format.format()) {
      case JSON:
        return json(node);
      case KAFKA:
        if (columns.size() == 1) {
          try {
            Object v = coerce(node, columns.get(0).type());
            return SerdeFactory.encodeOrThrow(columns, format, key, "input", new Object[] {v});
          } catch (RuntimeException e) {
            // Not a value of the column's type: produce it as text, a bad record for the query to reject.
          }
        }
        return text(node);
      default:
        return text(node);
    }
  }

  /**
   * A record of a format with a schema, written by the source's own serde (which registers its schema): the
   * JSON is read as a JSON record of the same columns and wrapping, then written in the format. JSON that does
   * not fit the columns is produced as JSON, a bad record for the query to reject.
   */
  private static byte[] viaJson(String topic, JsonNode node, List<Column> columns, FormatInfo format, boolean key,
      TopicShape shape) {
    byte[] json = json(node);
    try {
      FormatInfo asJson = FormatInfo.of("JSON", format.wrapSingleValue()
          .map(w -> Map.of(FormatInfo.WRAP_SINGLE_VALUE, w.toString())).orElse(Map.of()));
      // a PROTOBUF key is an object of its columns: read it as a wrapped value
      Object[] row = SerdeFactory.decodeOrThrow(columns, asJson, key && !messageKey(format, key), "input", json);
      if (row == null) {
        return null;
      }
      return messageKey(format, key) ? SerdeFactory.encodeKeyMessageOrThrow(columns, format, shape.registry(), topic,
          row) : SerdeFactory.encodeOrThrow(columns, format, shape.registry(), key, topic, row);
    } catch (RuntimeException e) {
      return json;
    }
  }

  private static byte[] text(JsonNode node) {
    return (node.isValueNode() ? node.asText() : node.toString()).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] json(JsonNode node) {
    try {
      return WRITER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JSON scalar as the Java value of a KAFKA-format column. */
  private static Object coerce(JsonNode node, SqlType type) {
    switch (type.base()) {
      case INTEGER:
        return node.isNumber() ? Math.toIntExact(node.longValue()) : Integer.parseInt(node.asText().trim());
      case BIGINT:
      case TIMESTAMP:
        return node.isNumber() ? node.longValue() : Long.parseLong(node.asText().trim());
      case DOUBLE:
        return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().trim());
      case STRING:
        return node.isValueNode() ? node.asText() : node.toString();
      case BYTES:
        return new ByteString(Base64.getDecoder().decode(node.asText()));
      default:
        throw new IllegalArgumentException("KAFKA format cannot hold " + type.sql());
    }
  }

  // ---------------------------------------------------------------- outputs

  /** Reads an output key (without its window) in the QTT shape. */
  static JsonNode key(byte[] bytes, TopicShape shape) {
    if (bytes == null) {
      return NullNode.getInstance();
    }
    if (shape == null) {
      return untyped(bytes);
    }
    if (shape.keyColumns().isEmpty() || shape.keyFormat().format() == Format.NONE) {
      return NullNode.getInstance();
    }
    return switch (shape.keyFormat().format()) {
      case JSON -> typedJson(bytes, shape.keyColumns());
      case DELIMITED -> TextNode.valueOf(utf8(bytes));
      default -> decoded(bytes, shape.keyColumns(), shape.keyFormat(), true, shape);
    };
  }

  /** Reads an output value in the QTT shape: a DELIMITED value stays its string. */
  static JsonNode value(byte[] bytes, TopicShape shape) {
    if (bytes == null) {
      return NullNode.getInstance();
    }
    if (shape == null) {
      return untyped(bytes);
    }
    return switch (shape.valueFormat().format()) {
      case JSON -> typedJson(bytes, shape.valueColumns());
      case DELIMITED -> TextNode.valueOf(utf8(bytes));
      case NONE -> NullNode.getInstance();
      default -> decoded(bytes, shape.valueColumns(), shape.valueFormat(), false, shape);
    };
  }

  /** Splits a windowed key into the inner key bytes and its window. */
  static Windowed unwindow(byte[] bytes, TopicShape.WindowSpec spec) {
    if (bytes == null || spec == null) {
      return new Windowed(bytes, null);
    }
    int suffix = spec.session() ? 16 : 8;
    if (bytes.length < suffix) {
      return new Windowed(bytes, null);
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes, bytes.length - suffix, suffix);
    TestCase.Window window;
    if (spec.session()) {
      long end = buf.getLong();
      long start = buf.getLong();
      window = new TestCase.Window(start, end, true);
    } else {
      long start = buf.getLong();
      window = new TestCase.Window(start, start + spec.sizeMs(), false);
    }
    return new Windowed(Arrays.copyOf(bytes, bytes.length - suffix), window);
  }

  record Windowed(byte[] inner, TestCase.Window window) {}

  /** The bytes of a topic nobody declared: JSON when they parse as JSON, else the text. */
  private static JsonNode untyped(byte[] bytes) {
    try {
      JsonNode node = TestFiles.MAPPER.readTree(bytes);
      if (node != null && !node.isMissingNode()) {
        return node;
      }
    } catch (IOException e) {
      // not JSON
    }
    return TextNode.valueOf(utf8(bytes));
  }

  private static JsonNode typedJson(byte[] bytes, List<Column> columns) {
    JsonNode raw;
    try {
      raw = TestFiles.MAPPER.readTree(bytes);
    } catch (IOException e) {
      return TextNode.valueOf(utf8(bytes));
    }
    if (raw == null || raw.isNull()) {
      return NullNode.getInstance();
    }
    if (raw.isObject() && !(columns.size() == 1 && columns.get(0).type().base() == SqlType.BaseType.STRUCT
        && !hasField(raw, columns.get(0).name()))) {
      return typed(raw, new SqlType.Struct(columns.stream().map(c -> new SqlType.Field(c.name(), c.type()))
          .toList()));
    }
    return columns.size() == 1 ? typed(raw, columns.get(0).type()) : raw;
  }

  private static boolean hasField(JsonNode object, String name) {
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      if (names.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** A JSON node typed by a SQL type: numbers become long, double or exact decimal nodes. */
  static JsonNode typed(JsonNode raw, SqlType type) {
    if (raw == null || raw.isNull()) {
      return NullNode.getInstance();
    }
    switch (type.base()) {
      case INTEGER:
      case BIGINT:
      case DATE:
      case TIME:
      case TIMESTAMP:
        return raw.isIntegralNumber() ? LongNode.valueOf(raw.longValue()) : raw;
      case DOUBLE:
        return raw.isNumber() ? DoubleNode.valueOf(raw.doubleValue()) : raw;
      case DECIMAL:
        if (raw.isNumber()) {
          return DecimalNode.valueOf(raw.decimalValue());
        }
        if (raw.isTextual()) {
          try {
            return DecimalNode.valueOf(new BigDecimal(raw.asText()));
          } catch (NumberFormatException e) {
            return raw;
          }
        }
        return raw;
      case ARRAY:
        if (!raw.isArray()) {
          return raw;
        }
        ArrayNode array = NODES.arrayNode();
        raw.forEach(e -> array.add(typed(e, ((SqlType.Array) type).element())));
        return array;
      case MAP:
        if (!raw.isObject()) {
          return raw;
        }
        ObjectNode map = NODES.objectNode();
        raw.fields().forEachRemaining(e -> map.set(e.getKey(), typed(e.getValue(), ((SqlType.Map) type).value())));
        return map;
      case STRUCT:
        if (!raw.isObject()) {
          return raw;
        }
        List<SqlType.Field> fields = ((SqlType.Struct) type).fields();
        ObjectNode struct = NODES.objectNode();
        raw.fields().forEachRemaining(e -> {
          SqlType fieldType = fields.stream().filter(f -> f.name().equals(e.getKey())).map(SqlType.Field::type)
              .findFirst().orElseGet(() -> fields.stream().filter(f -> f.name().equalsIgnoreCase(e.getKey()))
                  .map(SqlType.Field::type).findFirst().orElse(null));
          struct.set(e.getKey(), fieldType == null ? e.getValue() : typed(e.getValue(), fieldType));
        });
        return struct;
      default:
        return raw;
    }
  }

  private static JsonNode decoded(byte[] bytes, List<Column> sinkColumns, FormatInfo format, boolean key,
      TopicShape shape) {
    List<Column> columns = writerColumns(sinkColumns, format, key, shape);
    Object[] row;
    try {
      row = SerdeFactory.decodeOrThrow(columns, format, shape.registry(), key, "output", bytes);
    } catch (RuntimeException e) {
      return TextNode.valueOf(utf8(bytes));
    }
    if (row == null) {
      return NullNode.getInstance();
    }
    boolean wrapped = format.format().usesRegistry() || format.format() == Format.PROTOBUF_NOSR
        ? (key ? columns.size() > 1 || messageKey(format, true)
            : columns.size() != 1 || format.wrapSingleValue().orElse(true))
        : columns.size() != 1;
    if (!wrapped) {
      return node(row[0], columns.get(0).type());
    }
    ObjectNode out = NODES.objectNode();
    for (int i = 0; i < columns.size(); i++) {
      out.set(columns.get(i).name(), node(row[i], columns.get(i).type()));
    }
    return out;
  }

  /**
   * The columns records were written with: a sink's columns, or for a sink pinned to a registered schema
   * ({@code *_SCHEMA_ID}) that schema's fields, which may be more than the sink's columns (records fill them with
   * their defaults) and which ksqlDB's harness reads back with the registry's deserializer.
   */
  private static List<Column> writerColumns(List<Column> columns, FormatInfo format, boolean key,
      TopicShape shape) {
    if (!format.format().usesRegistry() || format.schemaId().isEmpty() || shape.registry() == null) {
      return columns;
    }
    try {
      return SchemaInference.infer(shape.registry(), "output", format, key)
          .map(SchemaInference.Inferred::columns).filter(c -> c.size() > columns.size()).orElse(columns);
    } catch (RuntimeException e) {
      return columns;
    }
  }

  /**
   * Whether the QTT shows a key as an object of its columns even when it has one: a PROTOBUF key is a message
   * in the registry's format, and ksqlDB's harness reads it back with the registry's deserializer, as a struct.
   */
  private static boolean messageKey(FormatInfo format, boolean key) {
    return key && format.format() == Format.PROTOBUF;
  }

  /** A value in Calcite's Java representation as a typed JSON node. */
  static JsonNode node(Object v, SqlType type) {
    if (v == null) {
      return NullNode.getInstance();
    }
    if (v instanceof Integer i) {
      return IntNode.valueOf(i);
    } else if (v instanceof Long l) {
      return LongNode.valueOf(l);
    } else if (v instanceof Number n && (v instanceof Double || v instanceof Float)) {
      return DoubleNode.valueOf(n.doubleValue());
    } else if (v instanceof BigDecimal d) {
      return DecimalNode.valueOf(d);
    } else if (v instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    } else if (v instanceof ByteString b) {
      return TextNode.valueOf(Base64.getEncoder().encodeToString(b.getBytes()));
    } else if (v instanceof byte[] b) {
      return TextNode.valueOf(Base64.getEncoder().encodeToString(b));
    } else if (v instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      SqlType element = type instanceof SqlType.Array a ? a.element() : SqlType.STRING;
      list.forEach(e -> array.add(node(e, element)));
      return array;
    } else if (v instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      SqlType value = type instanceof SqlType.Map m ? m.value() : SqlType.STRING;
      map.forEach((k, e) -> object.set(String.valueOf(k), node(e, value)));
      return object;
    } else if (v instanceof Object[] fields && type instanceof SqlType.Struct s) {
      ObjectNode object = NODES.objectNode();
      for (int i = 0; i < s.fields().size() && i < fields.length; i++) {
        object.set(s.fields().get(i).name(), node(fields[i], s.fields().get(i).type()));
      }
      return object;
    }
    return TextNode.valueOf(v.toString());
  }

  /** UTF-8 text, or base64 for bytes that are not UTF-8. */
  static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Base64.getEncoder().encodeToString(bytes);
    }
  }
}

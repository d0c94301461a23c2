package dev.sluice.engine.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Schemas of the JSON_SR format, both ways, as Kafka Connect's JSON Schema converter writes them and ksqlDB
 * reads them: every field nullable ({@code oneOf} null and the type), {@code connect.index} for field order,
 * {@code connect.type} to tell INT from BIGINT and BYTES from STRING, the Connect logical types' titles for
 * DECIMAL, TIMESTAMP, DATE and TIME.
 */
final class JsonSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DECIMAL = "org.apache.kafka.connect.data.Decimal";
  private static final String TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";
  private static final String DATE = "org.apache.kafka.connect.data.Date";
  private static final String TIME = "org.apache.kafka.connect.data.Time";

  private JsonSchemas() {}

  /** The schema of a row: an object of its columns, or the one column's type when not wrapped. */
  static String of(List<Column> columns, boolean wrapped) {
    JsonNode schema = wrapped
        ? struct(columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList())
        : nullable(type(columns.get(0).type()));
    return schema.toString();
  }

  private static ObjectNode struct(List<SqlType.Field> fields) {
    ObjectNode node = NODES.objectNode().put("type", "object");
    ObjectNode properties = node.putObject("properties");
    for (int i = 0; i < fields.size(); i++) {
      ObjectNode field = nullable(type(fields.get(i).type()));
      field.put("connect.index", i);
      properties.set(fields.get(i).name(), field);
    }
    return node;
  }

  private static ObjectNode nullable(JsonNode type) {
    ObjectNode node = NODES.objectNode();
    ArrayNode oneOf = node.putArray("oneOf");
    oneOf.addObject().put("type", "null");
    oneOf.add(type);
    return node;
  }

  private static JsonNode type(SqlType type) {
    switch (type.base()) {
      case BOOLEAN:
        return NODES.objectNode().put("type", "boolean");
      case INTEGER:
        return NODES.objectNode().put("type", "integer").put("connect.type", "int32");
      case BIGINT:
        return NODES.objectNode().put("type", "integer").put("connect.type", "int64");
      case DOUBLE:
        return NODES.objectNode().put("type", "number").put("connect.type", "float64");
      case STRING:
        return NODES.objectNode().put("type", "string");
      case BYTES:
        return NODES.objectNode().put("type", "string").put("connect.type", "bytes");
      case TIMESTAMP:
        return NODES.objectNode().put("type", "integer").put("title", TIMESTAMP).put("connect.type", "int64");
      case DATE:
        return NODES.objectNode().put("type", "integer").put("title", DATE).put("connect.type", "int32");
      case TIME:
        return NODES.objectNode().put("type", "integer").put("title", TIME).put("connect.type", "int32");
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        ObjectNode node = NODES.objectNode().put("type", "number").put("title", DECIMAL);
        node.putObject("connect.parameters").put("scale", Integer.toString(d.scale()))
            .put("connect.decimal.precision", Integer.toString(d.precision()));
        return node.put("connect.type", "bytes");
      }
      case ARRAY: {
        ObjectNode node = NODES.objectNode().put("type", "array");
        node.set("items", nullable(type(((SqlType.Array) type).element())));
        return node;
      }
      case MAP: {
        SqlType.Map m = (SqlType.Map) type;
        ObjectNode node = NODES.objectNode().put("type", "object");
        node.set("additionalProperties", nullable(type(m.value())));
        return node.put("connect.type", "map");
      }
      case STRUCT:
        return struct(((SqlType.Struct) type).fields());
      default:
        throw new IllegalArgumentException("JSON_SR cannot hold " + type.sql());
    }
  }

  /**
   * The SQL type of a registered JSON Schema: an object is a STRUCT of its properties (in {@code connect.index}
   * order when given), {@code oneOf} with null is the other type.
   *
   * @param upperCase whether field names are upper-cased, as ksqlDB's inference does without a pinned id
   */
  static SqlType sqlType(String schemaText, boolean upperCase) {
    try {
      return sqlType(MAPPER.readTree(schemaText), upperCase);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
    }
  }

  private static SqlType sqlType(JsonNode schema, boolean upperCase) {
    for (String union : List.of("oneOf", "anyOf")) {
      if (schema.has(union)) {
        for (JsonNode option : schema.get(union)) {
          if (!"null".equals(option.path("type").asText())) {
            return sqlType(option, upperCase);
          }
        }
      }
    }
    JsonNode typeNode = schema.path("type");
    String type = typeNode.isArray() ? firstNonNull(typeNode) : typeNode.asText("");
    String title = schema.path("title").asText("");
    String connect = schema.path("connect.type").asText("");
    switch (type) {
      case "boolean":
        return SqlType.BOOLEAN;
      case "integer":
        if (title.equals(TIMESTAMP)) {
          return SqlType.TIMESTAMP;
        }
        if (title.equals(DATE)) {
          return SqlType.DATE;
        }
        if (title.equals(TIME)) {
          return SqlType.TIME;
        }
        return connect.equals("int32") || connect.equals("int16") || connect.equals("int8")
            ? SqlType.INTEGER : SqlType.BIGINT;
      case "number":
        if (title.equals(DECIMAL)) {
          JsonNode p = schema.path("connect.parameters");
          return new SqlType.Decimal(Integer.parseInt(p.path("connect.decimal.precision").asText("64")),
              Integer.parseInt(p.path("scale").asText("0")));
        }
        return SqlType.DOUBLE;
      case "string":
        return connect.equals("bytes") ? SqlType.BYTES : SqlType.STRING;
      case "array":
        return new SqlType.Array(sqlType(schema.path("items"), upperCase));
      case "object":
        if (schema.has("properties")) {
          return struct(schema.get("properties"), upperCase);
        }
        JsonNode values = schema.path("additionalProperties");
        return new SqlType.Map(SqlType.STRING, values.isObject() ? sqlType(values, upperCase) : SqlType.STRING);
      default:
        throw new IllegalArgumentException("unsupported JSON Schema type '" + type + "' in " + schema);
    }
  }

  private static SqlType struct(JsonNode properties, boolean upperCase) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
    it.forEachRemaining(entries::add);
    if (entries.stream().allMatch(e -> e.getValue().has("connect.index"))) {
      entries.sort(java.util.Comparator.comparingInt(e -> e.getValue().get("connect.index").asInt()));
    }
    List<SqlType.Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : entries) {
      String name = upperCase ? e.getKey().toUpperCase(Locale.ROOT) : e.getKey();
      fields.add(new SqlType.Field(name, sqlType(e.getValue(), upperCase)));
    }
    return new SqlType.Struct(fields);
  }

  private static String firstNonNull(JsonNode types) {
    for (JsonNode t : types) {
      if (!"null".equals(t.asText())) {
        return t.asText();
      }
    }
    return "null";
  }
}

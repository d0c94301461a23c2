package dev.sluice.engine.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Reads JSON values straight from a streaming parser into row values, one reader compiled per SQL type
 * (no tree, no per-record lookups of the schema). Coerces as ksqlDB's JSON deserializer does: numbers and
 * numeric strings into numeric types, anything scalar into STRING, base64 strings into BYTES, epoch
 * numbers into TIMESTAMP / DATE / TIME, exact decimals from the number's text. Objects into STRUCTs and
 * rows are read by {@link JsonStructReader}.
 */
final class JsonReaders {

  /** Reads one value; the parser is on the value's first token, which is not VALUE_NULL. */
  interface Reader {
    Object read(JsonParser p) throws IOException;
  }

  private JsonReaders() {}

  /** The reader of a value of {@code type}; the mapper reads nested JSON kept as STRING text. */
  static Reader forType(SqlType type, ObjectMapper mapper) {
    return forType(type, mapper, false);
  }

  /**
   * The reader of a value of {@code type}.
   *
   * @param temporalText whether TIMESTAMP, DATE and TIME also read ISO-8601 text ({@link TemporalText}), as
   *     ksqlDB coerces the rows of {@code /inserts-stream}; its JSON format reads only epoch numbers there
   */
  static Reader forType(SqlType type, ObjectMapper mapper, boolean temporalText) {
    return switch (type.base()) {
      case BOOLEAN -> JsonReaders::readBoolean;
      case INTEGER -> p -> readInt(p, type);
      case DATE, TIME -> temporalText ? p -> readTemporal(p, type) : p -> readInt(p, type);
      case BIGINT -> p -> readLong(p, type);
      case TIMESTAMP -> temporalText ? p -> readTemporal(p, type) : p -> readLong(p, type);
      case DOUBLE -> JsonReaders::readDouble;
      case DECIMAL -> p -> readDecimal(p, (SqlType.Decimal) type);
      case STRING -> p -> readString(p, mapper);
      case BYTES -> JsonReaders::readBytes;
      case ARRAY -> arrayReader((SqlType.Array) type, mapper, temporalText);
      case MAP -> mapReader((SqlType.Map) type, mapper, temporalText);
      case STRUCT -> new JsonStructReader(((SqlType.Struct) type).fields(), type, mapper, temporalText);
    };
  }

  /** A TIMESTAMP, DATE or TIME as an epoch number (or its text), else as ISO-8601 text. */
  private static Object readTemporal(JsonParser p, SqlType type) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_STRING) {
      String text = p.getText();
      if (!TemporalText.isNumber(text)) {
        try {
          return TemporalText.parse(text, type);
        } catch (java.time.format.DateTimeParseException e) {
          throw new CoercionException("Can't parse '" + text + "' as " + type.sql() + ": " + e.getMessage());
        }
      }
    }
    return type.base() == SqlType.BaseType.TIMESTAMP ? readLong(p, type) : readInt(p, type);
  }

  /** Reads a nullable value: null for the JSON literal null. */
  static Object readNullable(Reader reader, JsonParser p) throws IOException {
    return p.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(p);
  }

  /** An error in coercing a value, carrying the path of the value (built only when an error happens). */
  static final class CoercionException extends SerdeException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private String path = "";

    CoercionException(String reason) {
      super(reason);
      this.reason = reason;
    }

    CoercionException prepend(String segment) {
      path = segment + path;
      return this;
    }

    @Override
    public String getMessage() {
      return reason + ", path: $" + path;
    }
  }

  static CoercionException cannotConvert(JsonParser p, SqlType type) throws IOException {
    return new CoercionException("Can't convert type. sourceType: " + nodeType(p) + ", requiredType: "
        + type.sql());
  }

  private static CoercionException cannotCoerce(SqlType type) {
    return new CoercionException("Can't coerce string to type. targetType: " + type.sql());
  }

  /** The Jackson tree node class the current token would be, as ksqlDB names source types. */
  static String nodeType(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "MissingNode";
    }
    return switch (t) {
      case START_OBJECT -> "ObjectNode";
      case START_ARRAY -> "ArrayNode";
      case VALUE_STRING -> "TextNode";
      case VALUE_TRUE, VALUE_FALSE -> "BooleanNode";
      case VALUE_NUMBER_FLOAT -> "DecimalNode";
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> "IntNode";
        case LONG -> "LongNode";
        default -> "BigIntegerNode";
      };
      case VALUE_NULL -> "NullNode";
      default -> "POJONode";
    };
  }

  private static Object readBoolean(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText();
      if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
        return Boolean.valueOf(s.equalsIgnoreCase("true"));
      }
      throw cannotCoerce(SqlType.BOOLEAN);
    }
    throw cannotConvert(p, SqlType.BOOLEAN);
  }

  private static Object readInt(JsonParser p, SqlType type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() != JsonParser.NumberType.INT) {
        throw cannotConvert(p, type);
      }
      return p.getIntValue();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue().intValue();
    } else if (t == JsonToken.VALUE_STRING) {
      try {
        return Integer.parseInt(p.getText());
      } catch (NumberFormatException e) {
        throw cannotCoerce(type);
      }
    }
    throw cannotConvert(p, type);
  }

  private static Object readLong(JsonParser p, SqlType type) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw cannotConvert(p, type);
      }
      return p.getLongValue();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue().longValue();
    } else if (t == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(p.getText());
      } catch (NumberFormatException e) {
        throw cannotCoerce(type);
      }
    }
    throw cannotConvert(p, type);
  }

  private static Object readDouble(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    } else if (t == JsonToken.VALUE_STRING) {
      try {
        return Double.parseDouble(p.getText());
      } catch (NumberFormatException e) {
        throw cannotCoerce(SqlType.DOUBLE);
      }
    }
    throw cannotConvert(p, SqlType.DOUBLE);
  }

  private static Object readDecimal(JsonParser p, SqlType.Decimal type) throws IOException {
    JsonToken t = p.currentToken();
    BigDecimal d;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      d = p.getDecimalValue();
    } else if (t == JsonToken.VALUE_STRING) {
      try {
        d = new BigDecimal(p.getText());
      } catch (NumberFormatException e) {
        throw cannotCoerce(type);
      }
    } else {
      throw cannotConvert(p, type);
    }
    try {
      return Values.fit(d, type);
    } catch (SerdeException e) {
      throw new CoercionException(e.getMessage());
    }
  }

  private static Object readString(JsonParser p, ObjectMapper mapper) throws IOException {
    JsonToken t = p.currentToken();
    if (t.isScalarValue()) {
      return p.getText();
    }
    JsonNode tree = mapper.readTree(p);
    return tree.isArray() ? arrayText(tree, mapper) : mapper.writeValueAsString(tree);
  }

  /** ksqlDB's text for an array read as STRING: elements as text, joined by ", " in brackets. */
  private static String arrayText(JsonNode array, ObjectMapper mapper) throws IOException {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < array.size(); i++) {
      JsonNode e = array.get(i);
      sb.append(i == 0 ? "" : ", ").append(e.isArray() ? arrayText(e, mapper)
          : e.isObject() ? mapper.writeValueAsString(e) : e.asText());
    }
    return sb.append(']').toString();
  }

  private static Object readBytes(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw cannotConvert(p, SqlType.BYTES);
    }
    try {
      return new ByteString(Base64.getDecoder().decode(p.getText()));
    } catch (IllegalArgumentException e) {
      throw new CoercionException("Value is not a valid Base64 encoded string");
    }
  }

  private static Reader arrayReader(SqlType.Array type, ObjectMapper mapper, boolean temporalText) {
    Reader element = forType(type.element(), mapper, temporalText);
    return p -> {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw cannotConvert(p, type);
      }
      List<Object> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        try {
          out.add(readNullable(element, p));
        } catch (CoercionException e) {
          throw e.prepend("[" + out.size() + "]");
        }
      }
      return out;
    };
  }

  private static Reader mapReader(SqlType.Map type, ObjectMapper mapper, boolean temporalText) {
    Reader value = forType(type.value(), mapper, temporalText);
    return p -> {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw cannotConvert(p, type);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      String key;
      while ((key = p.nextFieldName()) != null) {
        p.nextToken();
        try {
          out.put(key, readNullable(value, p));
        } catch (CoercionException e) {
          throw e.prepend("." + key);
        }
      }
      return out;
    };
  }
}

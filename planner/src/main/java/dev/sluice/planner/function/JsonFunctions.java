package dev.sluice.planner.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import dev.sluice.planner.schema.SqlType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Functions over JSON held in strings. Text that is not JSON gives NULL (FALSE for IS_JSON_STRING). */
public final class JsonFunctions {
  private JsonFunctions() {}

  private static final String CAT = "JSON";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The JSON value of {@code json}, or null when it is not JSON (blank text included). */
  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node == null || node.isMissingNode() ? null : node;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  @Udf(name = "IS_JSON_STRING", category = CAT, description = "Whether the string is valid JSON.")
  public static Boolean isJsonString(@UdfParam("json") String json) {
    return json != null && !json.isBlank() && parse(json) != null;
  }

  @Udf(name = "JSON_ARRAY_LENGTH", category = CAT, description = "The length of a JSON array, else NULL.")
  public static Integer jsonArrayLength(@UdfParam("json") String json) {
    JsonNode node = parse(json);
    return node != null && node.isArray() ? node.size() : null;
  }

  @Udf(name = "JSON_KEYS", category = CAT, description = "The keys of a JSON object, else NULL.")
  public static List<String> jsonKeys(@UdfParam("json") String json) {
    JsonNode node = parse(json);
    if (node == null || !node.isObject()) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  @Udf(name = "JSON_ITEMS", category = CAT, description = "The elements of a JSON array, each as JSON text.")
  public static List<String> jsonItems(@UdfParam("json") String json) {
    JsonNode node = parse(json);
    if (node == null || !node.isArray()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    node.forEach(n -> items.add(n.toString()));
    return items;
  }

  @Udf(name = "EXTRACTJSONFIELD", category = CAT, description = "The value at a JSONPath ($.a.b[0]) in JSON"
      + " text: a string as is, anything else as JSON text; NULL when absent.")
  public static String extractJsonField(@UdfParam("json") String json, @UdfParam("path") String path) {
    JsonNode node = parse(json);
    if (node == null || path == null || !path.startsWith("$")) {
      return null;
    }
    int i = 1;
    while (i < path.length() && node != null) {
      char c = path.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        node = node.get(path.substring(i + 1, end));
        i = end;
      } else if (c == '[') {
        int end = path.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        String key = path.substring(i + 1, end).trim();
        if (key.startsWith("\"") || key.startsWith("'")) {
          if (key.length() < 2 || key.charAt(key.length() - 1) != key.charAt(0)) {
            return null; // an unclosed quote: no path
          }
          node = node.get(key.substring(1, key.length() - 1));
        } else {
          try {
            node = node.get(Integer.parseInt(key));
          } catch (NumberFormatException e) {
            return null;
          }
        }
        i = end + 1;
      } else {
        return null;
      }
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return node.isTextual() ? node.asText() : node.toString();
  }

  @Udf(name = "JSON_CONCAT", category = CAT, description = "Merges JSON objects (later keys win) or"
      + " concatenates arrays (a non-array joins as an element); NULL if any is not JSON.")
  public static String jsonConcat(@UdfParam("jsonStrings") String... jsonStrings) {
    if (jsonStrings == null || jsonStrings.length == 0) {
      return null;
    }
    List<JsonNode> nodes = new ArrayList<>();
    boolean allObjects = true;
    for (String s : jsonStrings) {
      JsonNode n = parse(s);
      if (n == null) {
        return null;
      }
      allObjects &= n.isObject();
      nodes.add(n);
    }
    if (allObjects) {
      var out = MAPPER.createObjectNode();
      nodes.forEach(n -> {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
          String k = it.next();
          out.set(k, n.get(k));
        }
      });
      return out.toString();
    }
    var out = MAPPER.createArrayNode();
    nodes.forEach(n -> {
      if (n.isArray()) {
        out.addAll((com.fasterxml.jackson.databind.node.ArrayNode) n);
      } else {
        out.add(n);
      }
    });
    return out.toString();
  }

  @Udf(name = "JSON_RECORDS", category = CAT, description = "The fields of a JSON object, each value as JSON"
      + " text; NULL when not an object.")
  public static Map<String, String> jsonRecords(@UdfParam("json") String json) {
    JsonNode node = parse(json);
    if (node == null || !node.isObject()) {
      return null;
    }
    Map<String, String> records = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> records.put(e.getKey(), e.getValue().toString()));
    return records;
  }

  @Udf(name = "JSON_ARRAY_CONTAINS", category = CAT, description = "Whether the JSON array has a top-level"
      + " element equal to the value (of the same JSON type: string, integer, floating point, boolean or"
      + " null); FALSE when the text is not a JSON array.")
  public static <T> Boolean jsonArrayContains(@UdfParam("jsonArray") String jsonArray, @UdfParam("value") T value) {
    JsonNode node = parse(jsonArray);
    if (node == null || !node.isArray()) {
      return false;
    }
    for (JsonNode element : node) {
      if (value == null ? element.isNull() : sameJsonValue(element, value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameJsonValue(JsonNode element, Object value) {
    if (value instanceof String s) {
      return element.isTextual() && element.asText().equals(s);
    } else if (value instanceof Integer || value instanceof Long) {
      return element.isIntegralNumber() && element.canConvertToLong()
          && element.asLong() == ((Number) value).longValue();
    } else if (value instanceof Double d) {
      return element.isFloatingPointNumber() && element.asDouble() == d;
    } else if (value instanceof java.math.BigDecimal d) {
      return element.isNumber() && element.decimalValue().compareTo(d) == 0;
    } else if (value instanceof Boolean b) {
      return element.isBoolean() && element.asBoolean() == b;
    }
    return false;
  }

  @Udf(name = "TO_JSON_STRING", category = CAT, argumentTypes = true, description = "The value as JSON text:"
      + " NULL as null, DATE, TIME and TIMESTAMP as ISO text, BYTES as base64, STRUCT fields and MAP keys"
      + " sorted by name.")
  public static <T> String toJsonString(SqlType[] types, @UdfParam("input") T input) {
    return JsonValues.write(input, types[0]);
  }
}

package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Prints a column type the way the server describes it. A server may send the type as text
 * ({@code "DECIMAL(26, 6)"}), which is printed unchanged, or as ksqlDB's structured schema
 * ({@code {"type":"DECIMAL","parameters":{"precision":26,"scale":6}}}), which is spelled out in SQL
 * syntax: {@code ARRAY<INTEGER>}, {@code MAP<STRING, BIGINT>}, {@code STRUCT<A INTEGER, B STRING>}.
 */
public final class TypeFormatter {
  private TypeFormatter() {
  }

  public static String format(JsonNode schema) {
    if (schema == null || schema.isNull() || schema.isMissingNode()) {
      return "";
    }
    if (!schema.isObject()) {
      return schema.asText();
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "DECIMAL": {
        JsonNode parameters = schema.path("parameters");
        if (parameters.has("precision")) {
          return "DECIMAL(" + parameters.path("precision").asText() + ", "
              + parameters.path("scale").asText("0") + ")";
        }
        return type;
      }
      case "ARRAY":
        return "ARRAY<" + format(schema.get("memberSchema")) + ">";
      case "MAP": {
        JsonNode key = schema.get("keySchema");
        return "MAP<" + (key == null || key.isNull() ? "STRING" : format(key)) + ", "
            + format(schema.get("memberSchema")) + ">";
      }
      case "STRUCT":
        return "STRUCT<" + structFields(schema.get("fields")) + ">";
      default:
        return type;
    }
  }

  private static String structFields(JsonNode fields) {
    if (fields == null || fields.isNull()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    if (fields.isArray()) {
      for (JsonNode field : fields) {
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(field.path("name").asText()).append(' ').append(format(field.get("schema")));
      }
    } else {
      Iterator<Map.Entry<String, JsonNode>> entries = fields.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        if (out.length() > 0) {
          out.append(", ");
        }
        out.append(entry.getKey()).append(' ').append(format(entry.getValue()));
      }
    }
    return out.toString();
  }
}

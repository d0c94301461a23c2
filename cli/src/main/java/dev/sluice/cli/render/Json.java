package dev.sluice.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON helpers the renderers share: pretty printing and reading optional text fields. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {
  }

  /** Indented JSON, ending with a newline. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of a field, or {@code fallback} when it is missing or null. */
  static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  /** A scalar as its text, anything else as compact JSON; null as {@code null}. */
  static String cell(JsonNode value) {
    if (value == null || value.isNull()) {
      return "null";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** The elements of an array field joined with {@code ", "}, or a scalar field's text. */
  static String joined(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return "";
    }
    if (!value.isArray()) {
      return value.asText();
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode element : value) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(cell(element));
    }
    return out.toString();
  }
}

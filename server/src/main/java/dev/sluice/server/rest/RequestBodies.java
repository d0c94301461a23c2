package dev.sluice.server.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and checks the JSON bodies of POST requests. Every problem (wrong Content-Type, empty or malformed
 * body, a missing or mistyped field) becomes a {@link SluiceException} with {@link ErrorCode#BAD_REQUEST},
 * which the failure handler turns into a 400 with {@code error_code} 40000.
 */
final class RequestBodies {

  private RequestBodies() {}

  /** The body as a JSON object. */
  static JsonNode object(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (!MediaTypes.isJsonRequest(contentType)) {
      throw badRequest("Unsupported Content-Type '" + contentType + "': send " + MediaTypes.KSQL_V1
          + " or " + MediaTypes.JSON);
    }
    String text = ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw badRequest("The request body is empty: expected a JSON object");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw badRequest("Malformed JSON in the request body: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw badRequest("The request body must be a JSON object");
    }
    return body;
  }

  /** A required string field. */
  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      throw badRequest("The request body has no \"" + field + "\" field");
    }
    if (!value.isTextual()) {
      throw badRequest("The \"" + field + "\" field must be a string");
    }
    return value.textValue();
  }

  /** An optional object field of property values (strings, numbers, booleans), empty when absent. */
  static Map<String, Object> properties(JsonNode body, String field) {
    JsonNode value = optionalObject(body, field);
    Map<String, Object> map = new LinkedHashMap<>();
    if (value != null) {
      value.properties().forEach(e -> map.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class)));
    }
    return map;
  }

  /** An optional object field of variable values, each rendered as text, empty when absent. */
  static Map<String, String> variables(JsonNode body, String field) {
    JsonNode value = optionalObject(body, field);
    Map<String, String> map = new LinkedHashMap<>();
    if (value != null) {
      value.properties().forEach(e -> map.put(e.getKey(),
          e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    }
    return map;
  }

  private static JsonNode optionalObject(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw badRequest("The \"" + field + "\" field must be a JSON object");
    }
    return value;
  }

  static SluiceException badRequest(String message) {
    return new SluiceException(ErrorCode.BAD_REQUEST, message);
  }
}

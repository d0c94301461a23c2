package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code currentStatus}: the answer to CREATE, DROP, INSERT and the like. Prints the command status
 * message in a one-cell table, as ksqlDB does ({@code Message / Stream created}).
 */
public final class StatusRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("currentStatus");
  }

  @Override
  public String render(JsonNode entity) {
    JsonNode status = entity.path("commandStatus");
    String message = Json.text(status, "message", Json.text(status, "status", ""));
    return message(message);
  }

  /** The one-cell {@code Message} table, shared with the other renderers that only report a fact. */
  static String message(String message) {
    return Table.withHeader("Message").row(message).render();
  }
}

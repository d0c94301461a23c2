package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code streams} and {@code tables}: the answer to {@code SHOW STREAMS} and {@code SHOW TABLES}. */
public final class SourceListRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("streams", "tables");
  }

  @Override
  public String render(JsonNode entity) {
    boolean streams = "streams".equals(entity.path("@type").asText());
    Table table = Table.withHeader(streams ? "Stream Name" : "Table Name",
        "Kafka Topic", "Key Format", "Value Format", "Windowed");
    for (JsonNode source : entity.path(streams ? "streams" : "tables")) {
      table.row(Json.text(source, "name", ""), Json.text(source, "topic", ""),
          Json.text(source, "keyFormat", ""), Json.text(source, "valueFormat", ""),
          Json.text(source, "isWindowed", "false"));
    }
    return table.render();
  }
}

package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code properties}: the answer to {@code SHOW PROPERTIES}. Accepts ksqlDB's list form
 * ({@code [{"name","scope","level","value"}]} plus {@code overwrittenProperties}) and the older map form.
 */
public final class PropertiesRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("properties");
  }

  @Override
  public String render(JsonNode entity) {
    JsonNode properties = entity.path("properties");
    if (properties.isObject()) {
      Table table = Table.withHeader("Property", "Value");
      Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        table.row(entry.getKey(), Json.cell(entry.getValue()));
      }
      return table.render();
    }
    Set<String> overwritten = new HashSet<>();
    for (JsonNode name : entity.path("overwrittenProperties")) {
      overwritten.add(name.asText());
    }
    Table table = Table.withHeader("Property", "Scope", "Level", "Default override", "Effective Value");
    for (JsonNode property : properties) {
      String name = Json.text(property, "name", "");
      table.row(name, Json.text(property, "scope", ""), Json.text(property, "level", ""),
          overwritten.contains(name) ? "SERVER" : "", Json.text(property, "value", "NULL"));
    }
    return table.render();
  }
}

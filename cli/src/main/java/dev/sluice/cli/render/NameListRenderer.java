package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The simple two-column listings: {@code function_names} ({@code SHOW FUNCTIONS}), {@code type_list}
 * ({@code SHOW TYPES}) and {@code variables} ({@code SHOW VARIABLES} as a server answers it).
 */
public final class NameListRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("function_names", "type_list", "variables");
  }

  @Override
  public String render(JsonNode entity) {
    switch (entity.path("@type").asText()) {
      case "function_names": {
        Table table = Table.withHeader("Function Name", "Category");
        for (JsonNode function : entity.path("functions")) {
          table.row(Json.text(function, "name", ""), Json.text(function, "category", ""));
        }
        return table.render();
      }
      case "type_list": {
        Table table = Table.withHeader("Type Name", "Schema");
        Iterator<Map.Entry<String, JsonNode>> types = entity.path("types").fields();
        while (types.hasNext()) {
          Map.Entry<String, JsonNode> type = types.next();
          table.row(type.getKey(), TypeFormatter.format(type.getValue()));
        }
        return table.render();
      }
      default: {
        Table table = Table.withHeader("Variable Name", "Value");
        for (JsonNode variable : entity.path("variables")) {
          table.row(Json.text(variable, "name", ""), Json.text(variable, "value", ""));
        }
        return table.render();
      }
    }
  }
}

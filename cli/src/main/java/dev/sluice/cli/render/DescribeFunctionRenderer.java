package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code describe_function}: the function's name, type and description, then one block per variation with
 * its signature and the documentation of each parameter, as ksqlDB's CLI lays it out.
 */
public final class DescribeFunctionRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("describe_function");
  }

  @Override
  public String render(JsonNode entity) {
    StringBuilder out = new StringBuilder();
    SourceDescriptionRenderer.property(out, "Name", Json.text(entity, "name", ""));
    SourceDescriptionRenderer.property(out, "Author", Json.text(entity, "author", ""));
    SourceDescriptionRenderer.property(out, "Type", Json.text(entity, "type", ""));
    SourceDescriptionRenderer.property(out, "Description", Json.text(entity, "description", ""));
    for (JsonNode variation : entity.path("functions")) {
      List<String> params = new ArrayList<>();
      Table table = Table.withHeader("Parameter", "Type", "Description");
      for (JsonNode argument : variation.path("arguments")) {
        String type = Json.text(argument, "type", "") + (argument.path("isVariadic").asBoolean() ? "..." : "");
        params.add(Json.text(argument, "name", "") + " " + type);
        table.row(Json.text(argument, "name", ""), type, Json.text(argument, "description", ""));
      }
      out.append('\n');
      SourceDescriptionRenderer.property(out, "Variation", Json.text(entity, "name", "")
          + "(" + String.join(", ", params) + ")");
      SourceDescriptionRenderer.property(out, "Returns", Json.text(variation, "returnType", ""));
      SourceDescriptionRenderer.property(out, "Description", Json.text(variation, "description", ""));
      if (!params.isEmpty()) {
        out.append(table.render());
      }
    }
    return out.toString();
  }
}

package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All entity renderers, looked up by {@code @type}. An entity no renderer knows is printed as indented
 * JSON, so a newer server never leaves the user with nothing. Each entity's {@code warnings} follow it.
 */
public final class EntityRenderers {
  private final Map<String, EntityRenderer> byType = new HashMap<>();

  public EntityRenderers() {
    for (EntityRenderer renderer : List.of(new StatusRenderer(), new SourceListRenderer(),
        new QueriesRenderer(), new SourceDescriptionRenderer(), new QueryDescriptionRenderer(),
        new TopicsRenderer(), new TerminateQueryRenderer(), new PropertiesRenderer(),
        new ExecutionPlanRenderer(), new WarningRenderer(), new NameListRenderer(),
        new DescribeFunctionRenderer())) {
      for (String type : renderer.types()) {
        byType.put(type, renderer);
      }
    }
  }

  /** The tabular text of one entity followed by its warnings. */
  public String render(JsonNode entity) {
    EntityRenderer renderer = byType.get(entity.path("@type").asText());
    StringBuilder out = new StringBuilder(renderer == null ? Json.pretty(entity) : renderer.render(entity));
    for (JsonNode warning : entity.path("warnings")) {
      out.append("WARNING: ").append(warning.isObject() ? Json.text(warning, "message", "") : warning.asText())
          .append('\n');
    }
    return out.toString();
  }
}

package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code queryDescription} ({@code EXPLAIN <query id>}) and {@code query_descriptions}: the query's id,
 * type and SQL, its output columns, its sources and sinks, and the execution plan and topology texts.
 */
public final class QueryDescriptionRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("queryDescription", "query_descriptions");
  }

  @Override
  public String render(JsonNode entity) {
    if (entity.has("queryDescriptions")) {
      StringBuilder out = new StringBuilder();
      for (JsonNode description : entity.path("queryDescriptions")) {
        if (out.length() > 0) {
          out.append('\n');
        }
        out.append(describe(description));
      }
      return out.toString();
    }
    return describe(entity.path("queryDescription"));
  }

  private static String describe(JsonNode query) {
    StringBuilder out = new StringBuilder();
    SourceDescriptionRenderer.property(out, "ID", QueriesRenderer.queryId(query.get("id")));
    String queryType = Json.text(query, "queryType", "");
    if (!queryType.isEmpty()) {
      SourceDescriptionRenderer.property(out, "Query Type", queryType);
    }
    SourceDescriptionRenderer.property(out, "SQL", Json.text(query, "statementText", ""));
    String state = Json.text(query, "state", "");
    if (!state.isEmpty()) {
      SourceDescriptionRenderer.property(out, "Status", state);
    }
    if (query.path("fields").size() > 0) {
      out.append('\n').append(SourceDescriptionRenderer.fields(query.path("fields"), false));
    }
    section(out, "Sources that this query reads from:", Json.joined(query, "sources").replace(", ", "\n"));
    section(out, "Sinks that this query writes to:", Json.joined(query, "sinks").replace(", ", "\n"));
    JsonNode stages = query.path("stages");
    section(out, "Parsed statement", Json.text(stages, "statement", ""));
    section(out, "Logical plan (Calcite)", Json.text(stages, "logicalPlan", ""));
    section(out, "Optimized plan (after the rule program)", Json.text(stages, "optimizedPlan", ""));
    section(out, "Execution plan", Json.text(query, "executionPlan", ""));
    section(out, "Processing topology", Json.text(query, "topology", ""));
    section(out, "State stores and internal topics", Json.text(stages, "internalResources", ""));
    JsonNode overridden = query.path("overriddenProperties");
    if (overridden.isObject() && overridden.size() > 0) {
      Table table = Table.withHeader("Property", "Value");
      Iterator<Map.Entry<String, JsonNode>> entries = overridden.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        table.row(entry.getKey(), Json.cell(entry.getValue()));
      }
      out.append("\nOverridden Properties\n---------------------\n").append(table.render());
    }
    return out.toString();
  }

  /** A titled block of text, skipped when the text is empty. */
  static void section(StringBuilder out, String title, String text) {
    if (text.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
    out.append(text).append(text.endsWith("\n") ? "" : "\n");
  }
}

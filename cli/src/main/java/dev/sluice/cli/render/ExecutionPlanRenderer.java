package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code executionPlan}: the plan of an explained statement. Prints every text field the server sent
 * (the plan itself first) under its own heading, so new plan forms show up without a CLI change.
 */
public final class ExecutionPlanRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("executionPlan");
  }

  @Override
  public String render(JsonNode entity) {
    StringBuilder out = new StringBuilder();
    String plan = Json.text(entity, "executionPlan", "");
    if (!plan.isEmpty()) {
      QueryDescriptionRenderer.section(out, "Execution plan", plan);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = entity.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("@type") || name.equals("statementText") || name.equals("executionPlan")
          || !field.getValue().isTextual() || field.getValue().asText().isEmpty()) {
        continue;
      }
      QueryDescriptionRenderer.section(out, name, field.getValue().asText());
    }
    // the sections start with a blank line to separate them; the first needs none
    return out.length() > 0 ? out.substring(1) : out.toString();
  }
}

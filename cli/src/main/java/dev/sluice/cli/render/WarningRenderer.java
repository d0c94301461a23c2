package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code warning_entity}: a statement that succeeded with a caveat; prints its message. */
public final class WarningRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("warning_entity");
  }

  @Override
  public String render(JsonNode entity) {
    return Json.text(entity, "message", "") + "\n";
  }
}

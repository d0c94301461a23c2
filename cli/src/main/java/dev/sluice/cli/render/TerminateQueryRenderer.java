package dev.sluice.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** {@code terminate_query}: the answer to {@code TERMINATE <query id>}. */
public final class TerminateQueryRenderer implements EntityRenderer {

  @Override
  public List<String> types() {
    return List.of("terminate_query");
  }

  @Override
  public String render(JsonNode entity) {
    boolean terminated = entity.path("wasTerminated").asBoolean(true);
    String queryId = QueriesRenderer.queryId(entity.get("queryId"));
    String subject = queryId.isEmpty() ? "Query" : "Query " + queryId;
    return StatusRenderer.message(subject + (terminated ? " terminated." : " was not terminated."));
  }
}

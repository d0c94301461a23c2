package dev.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code POST /query}: ksqlDB's original streaming endpoint, still used by its CLI and many scripts.
 * {@code {"ksql": "SELECT ...", "streamsProperties": {...}}} answers a chunked JSON array, one element per
 * line: {@code {"header":{"queryId","schema"}}}, then {@code {"row":{"columns":[...]}}} per row, closed by
 * {@code {"finalMessage":...}]} when the query completes (or {@code {"errorMessage":...}]} when it fails).
 */
final class LegacyQueryHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;
  private final Map<String, QueryStream> active;

  LegacyQueryHandler(EngineFacade engine, Map<String, QueryStream> active) {
    this.engine = engine;
    this.active = active;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx);
    String sql = RequestBodies.text(body, "ksql");
    Map<String, Object> properties = RequestBodies.properties(body, "streamsProperties");
    Map<String, String> variables = RequestBodies.variables(body, "sessionVariables");
    QueryStream.start(ctx, engine, sql, properties, variables, QueryFormat.LEGACY, MediaTypes.jsonFor(ctx), active);
  }
}

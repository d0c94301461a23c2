package dev.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code POST /query-stream} (ksqlDB's KLIP-15 API): {@code {"sql": "...", "properties": {...},
 * "sessionVariables": {...}}}. By default, or with {@code Accept: application/vnd.ksqlapi.delimited.v1}, a
 * chunked response of one header line and one JSON array per row, flushed as rows arrive; with
 * {@code Accept: application/json}, one JSON array {@code [header, row, ...]} when the query completes.
 */
final class QueryStreamHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;
  private final Map<String, QueryStream> active;

  QueryStreamHandler(EngineFacade engine, Map<String, QueryStream> active) {
    this.engine = engine;
    this.active = active;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx);
    String sql = RequestBodies.text(body, "sql");
    Map<String, Object> properties = RequestBodies.properties(body, "properties");
    Map<String, String> variables = RequestBodies.variables(body, "sessionVariables");
    boolean jsonArray = !MediaTypes.accepts(ctx, MediaTypes.DELIMITED) && MediaTypes.accepts(ctx, MediaTypes.JSON);
    QueryFormat format = jsonArray ? QueryFormat.JSON_ARRAY : QueryFormat.DELIMITED;
    QueryStream.start(ctx, engine, sql, properties, variables, format, format.contentType(), active);
  }
}

package dev.sluice.server.rest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code POST /close-query}: {@code {"queryId": "..."}} stops a query started on {@code /query-stream} (or
 * {@code /query}) and ends its response normally; 200 {@code {}}, or 400 when no such query runs.
 */
final class CloseQueryHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;
  private final Map<String, QueryStream> active;

  CloseQueryHandler(EngineFacade engine, Map<String, QueryStream> active) {
    this.engine = engine;
    this.active = active;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String queryId = RequestBodies.text(RequestBodies.object(ctx), "queryId");
    QueryStream stream = active.get(queryId);
    ctx.vertx().executeBlocking(() -> engine.closeQuery(queryId), false)
        .onSuccess(closed -> {
          if (!closed && stream == null) {
            ctx.fail(RequestBodies.badRequest("No query with id " + queryId + " is running"));
            return;
          }
          if (stream != null) {
            stream.closedByUser();
          }
          ctx.response().setStatusCode(200).putHeader("Content-Type", MediaTypes.jsonFor(ctx)).end("{}");
        })
        .onFailure(ctx::fail);
  }
}

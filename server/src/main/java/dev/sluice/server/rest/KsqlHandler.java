package dev.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code POST /ksql}: runs the statements of {@code {"ksql": "...", "streamsProperties": {...},
 * "sessionVariables": {...}}} and answers 200 with the JSON array of their entities, as ksqlDB does. The
 * engine call runs on a worker thread because statements talk to Kafka.
 */
final class KsqlHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;

  KsqlHandler(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  public void handle(RoutingContext ctx) {
    JsonNode body = RequestBodies.object(ctx);
    String sql = RequestBodies.text(body, "ksql");
    Map<String, Object> properties = RequestBodies.properties(body, "streamsProperties");
    Map<String, String> variables = RequestBodies.variables(body, "sessionVariables");
    ctx.put(FailureHandler.STATEMENT_TEXT, sql);
    ctx.vertx().executeBlocking(() -> Json.entities(engine.execute(sql, properties, variables)), false)
        .onSuccess(json -> ctx.response()
            .setStatusCode(200)
            .putHeader("Content-Type", MediaTypes.jsonFor(ctx))
            .end(json))
        .onFailure(ctx::fail);
  }
}

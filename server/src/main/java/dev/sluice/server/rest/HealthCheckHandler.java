package dev.sluice.server.rest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /healthcheck}: ksqlDB's health document, 200 when healthy and 503 when not, so that load
 * balancers and orchestrators can use the status alone. The engine reports one overall state, which is
 * repeated for each of ksqlDB's three checks.
 */
final class HealthCheckHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;

  HealthCheckHandler(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx().executeBlocking(engine::isHealthy, false)
        .onSuccess(healthy -> {
          Map<String, Object> check = Map.of("isHealthy", healthy);
          Map<String, Object> details = new LinkedHashMap<>();
          details.put("metastore", check);
          details.put("kafka", check);
          details.put("commandRunner", check);
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("isHealthy", healthy);
          body.put("details", details);
          ctx.response()
              .setStatusCode(healthy ? 200 : 503)
              .putHeader("Content-Type", MediaTypes.jsonFor(ctx))
              .end(Json.write(body));
        })
        .onFailure(ctx::fail);
  }
}

package dev.sluice.server.rest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /info}: {@code {"KsqlServerInfo":{"version","kafkaClusterId","ksqlServiceId","serverStatus"}}},
 * the shape ksqlDB clients read on connect. Scripts (and {@code bin/sluice}) poll it to know the server is up.
 */
final class InfoHandler implements Handler<RoutingContext> {

  private final EngineFacade engine;
  private final String version;

  InfoHandler(EngineFacade engine, String version) {
    this.engine = engine;
    this.version = version;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.vertx().executeBlocking(() -> {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("version", version);
      info.put("kafkaClusterId", engine.kafkaClusterId());
      info.put("ksqlServiceId", engine.serviceId());
      info.put("serverStatus", "RUNNING");
      return Json.write(Map.of("KsqlServerInfo", info));
    }, false)
        .onSuccess(json -> ctx.response().putHeader("Content-Type", MediaTypes.jsonFor(ctx)).end(json))
        .onFailure(ctx::fail);
  }
}

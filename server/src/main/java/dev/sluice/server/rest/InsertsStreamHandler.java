package dev.sluice.server.rest;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /inserts-stream} (ksqlDB's KLIP-15 API): a streamed body of JSON objects, the first
 * {@code {"target": "STREAM", "properties": {...}}}, each further one a row to insert; a streamed response of
 * one ack per row, {@code {"status":"ok","seq":N}}, written once the row is in the topic. By default, or with
 * {@code Accept: application/vnd.ksqlapi.delimited.v1}, one ack per line; with {@code Accept: application/json},
 * one JSON array of acks. The first bad row is answered with an error ack and ends the response, as in
 * ksqlDB. The body is read as it arrives ({@link InsertsStream}), so this route comes before the router's
 * body handler, which would wait for the whole request.
 */
final class InsertsStreamHandler implements Handler<RoutingContext> {

  /** The largest row (and first object) accepted, as large as a whole request body elsewhere. */
  static final int MAX_OBJECT_BYTES = 16 * 1024 * 1024;

  private final EngineFacade engine;

  InsertsStreamHandler(EngineFacade engine) {
    this.engine = engine;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    if (!MediaTypes.isJsonRequest(contentType)) {
      ctx.fail(RequestBodies.badRequest("Unsupported Content-Type '" + contentType + "': send "
          + MediaTypes.DELIMITED + " or " + MediaTypes.JSON));
      return;
    }
    boolean jsonArray = !MediaTypes.accepts(ctx, MediaTypes.DELIMITED) && MediaTypes.accepts(ctx, MediaTypes.JSON);
    new InsertsStream(ctx, engine, jsonArray).start();
  }
}

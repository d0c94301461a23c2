package dev.sluice.server.rest;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failed request becomes an HTTP response: every handler fails its context with the
 * exception, and this handler writes {@link RestError}'s JSON with the matching status. It also answers
 * routes that do not exist (404) and wrong methods (405), so every error a client sees has ksqlDB's shape.
 * Unexpected exceptions are logged with their stack trace here, and only their message reaches the client.
 */
final class FailureHandler implements Handler<RoutingContext> {

  /** Context key under which handlers record the SQL of the request, for {@code statement_error}s. */
  static final String STATEMENT_TEXT = "sluice.statementText";

  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response();
    Throwable failure = ctx.failure();
    RestError error = RestError.of(failure, ctx.statusCode(), ctx.get(STATEMENT_TEXT));
    if (error.httpStatus() >= 500) {
      LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), failure);
    } else {
      LOG.debug("{} {} answered {}: {}", ctx.request().method(), ctx.request().path(), error.errorCode(),
          error.message());
    }
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      // A streaming response already started: the status cannot change, so end it with the error line.
      response.end(Json.write(error.toJson()) + "\n");
      return;
    }
    response.setStatusCode(error.httpStatus())
        .putHeader("Content-Type", MediaTypes.jsonFor(ctx))
        .end(Json.write(error.toJson()));
  }
}

package dev.sluice.server.rest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The ksqlDB-compatible REST API on Vert.x: one {@link Router} with one handler class per endpoint and one
 * {@link FailureHandler}, served on every configured listener. Handlers never block the event loop: engine
 * calls run on Vert.x worker threads. Closing stops the running queries first, then the listeners.
 */
public final class RestServer implements AutoCloseable {

  private static final long BODY_LIMIT_BYTES = 16L * 1024 * 1024;
  private static final long TIMEOUT_SECONDS = 30;

  private final Vertx vertx;
  private final List<HttpServer> servers;
  private final Map<String, QueryStream> active;

  private RestServer(Vertx vertx, List<HttpServer> servers, Map<String, QueryStream> active) {
    this.vertx = vertx;
    this.servers = servers;
    this.active = active;
  }

  /**
   * Serves {@code engine} on each {@code http://host:port} listener (port 0 picks a free port).
   *
   * @throws IllegalStateException when a listener cannot bind; its cause says why
   */
  public static RestServer start(List<URI> listeners, EngineFacade engine, String version) {
    Vertx vertx = Vertx.vertx(new VertxOptions()
        .setMaxWorkerExecuteTime(5).setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
    Map<String, QueryStream> active = new ConcurrentHashMap<>();
    Router router = router(vertx, engine, version, active);
    List<HttpServer> servers = new ArrayList<>();
    for (URI listener : listeners) {
      HttpServerOptions options = new HttpServerOptions().setHost(listener.getHost()).setPort(listener.getPort());
      try {
        servers.add(await(vertx.createHttpServer(options).requestHandler(router).listen()));
      } catch (RuntimeException e) {
        await(vertx.close());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
          root = root.getCause();
        }
        throw new IllegalStateException("cannot listen on " + listener + ": " + root.getMessage(), e);
      }
    }
    return new RestServer(vertx, servers, active);
  }

  static Router router(Vertx vertx, EngineFacade engine, String version, Map<String, QueryStream> active) {
    Router router = Router.router(vertx);
    // Before the body handler, which would wait for the whole body: this endpoint reads it as it streams in.
    router.post("/inserts-stream").handler(new InsertsStreamHandler(engine));
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    router.post("/ksql").handler(new KsqlHandler(engine));
    router.post("/query-stream").handler(new QueryStreamHandler(engine, active));
    router.post("/query").handler(new LegacyQueryHandler(engine, active));
    router.post("/close-query").handler(new CloseQueryHandler(engine, active));
    router.get("/info").handler(new InfoHandler(engine, version));
    router.get("/healthcheck").handler(new HealthCheckHandler(engine));
    router.get("/").handler(ctx -> ctx.redirect("/info"));
    FailureHandler failures = new FailureHandler();
    router.route().failureHandler(failures);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 500}) {
      router.errorHandler(status, failures);
    }
    return router;
  }

  /** The actual port of the first listener (useful when it was configured as 0). */
  public int port() {
    return servers.get(0).actualPort();
  }

  /** The actual port of every listener, in configuration order. */
  public List<Integer> ports() {
    List<Integer> ports = new ArrayList<>();
    servers.forEach(server -> ports.add(server.actualPort()));
    return ports;
  }

  /** Stops running queries (their responses end), then the listeners, then Vert.x. */
  @Override
  public void close() {
    active.values().forEach(QueryStream::shutdown);
    for (HttpServer server : servers) {
      try {
        await(server.close());
      } catch (RuntimeException e) {
        // Closing the remaining listeners and Vert.x matters more than this one's failure.
      }
    }
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out after " + TIMEOUT_SECONDS + " s", e);
    }
  }
}

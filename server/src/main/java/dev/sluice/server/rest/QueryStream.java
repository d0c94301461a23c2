package dev.sluice.server.rest;

import dev.sluice.engine.api.RowListener;
import dev.sluice.engine.api.TransientQuery;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries one query's rows from the engine to one HTTP response. The engine calls the {@link RowListener}
 * methods on its own thread; each call renders its text there and hands it to the response's event loop,
 * where all the state of this class lives, so no locks are needed and rows keep their order.
 *
 * <p>Rows can arrive before {@code engine.query(...)} has even returned (a pull query may be done by then):
 * they wait in {@code pending} until {@link #started} has written the header. The query is closed when it
 * completes, fails, is closed by {@code /close-query}, or when the client goes away.
 */
final class QueryStream implements RowListener {

  private static final Logger LOG = LoggerFactory.getLogger(QueryStream.class);

  private final RoutingContext ctx;
  private final Context context;
  private final QueryFormat format;
  private final String contentType;
  private final Map<String, QueryStream> active;

  private final AtomicBoolean queryClosed = new AtomicBoolean();
  private volatile TransientQuery query;
  private final List<String> pending = new ArrayList<>();
  private StringBuilder buffer;
  private boolean finished;
  private boolean endRequested;
  private SluiceException pendingError;
  private boolean clientGone;

  /**
   * Starts {@code sql} on a worker thread and streams its rows to {@code ctx}'s response; a failure to start
   * goes to the failure handler, so it still gets a proper status. Event loop only.
   */
  static void start(RoutingContext ctx, EngineFacade engine, String sql, Map<String, Object> properties,
      Map<String, String> variables, QueryFormat format, String contentType, Map<String, QueryStream> active) {
    ctx.put(FailureHandler.STATEMENT_TEXT, sql);
    QueryStream stream = new QueryStream(ctx, format, contentType, active);
    ctx.vertx().executeBlocking(() -> engine.query(sql, properties, variables, stream), false)
        .onSuccess(stream::started)
        .onFailure(failure -> {
          stream.failedToStart();
          ctx.fail(failure);
        });
  }

  private QueryStream(RoutingContext ctx, QueryFormat format, String contentType, Map<String, QueryStream> active) {
    this.ctx = ctx;
    this.context = ctx.vertx().getOrCreateContext();
    this.format = format;
    this.contentType = contentType;
    this.active = active;
    ctx.response().closeHandler(v -> clientClosed());
  }

  @Override
  public void onRow(List<Object> row) {
    String text = format.row(row);
    context.runOnContext(v -> row(text));
  }

  @Override
  public void onText(String line) {
    String text = line + "\n";
    context.runOnContext(v -> row(text));
  }

  @Override
  public void onComplete() {
    context.runOnContext(v -> finish(null));
  }

  @Override
  public void onError(SluiceException error) {
    context.runOnContext(v -> finish(error));
  }

  /** Ends the response normally; {@code /close-query} calls this from any thread. */
  void closedByUser() {
    context.runOnContext(v -> finish(null));
  }

  /** The engine accepted the query: write the header and whatever arrived meanwhile. Event loop only. */
  void started(TransientQuery started) {
    this.query = started;
    if (clientGone) {
      finished = true;
      closeQuery();
      return;
    }
    if (started.isText() && format.buffered()) {
      // PRINT runs until closed: a response written only at the end would never come
      finished = true;
      closeQuery();
      ctx.fail(new SluiceException(ErrorCode.BAD_STATEMENT, "PRINT streams its output: request it with Accept: "
          + MediaTypes.DELIMITED + " (the default), not " + MediaTypes.JSON + "."));
      return;
    }
    active.put(started.id(), this);
    HttpServerResponse response = ctx.response();
    response.setStatusCode(200).putHeader("Content-Type", started.isText() ? "text/plain; charset=utf-8"
        : contentType);
    // PRINT's lines are the whole response: no header, no closing bracket
    String header = started.isText() ? "" : format.header(started);
    if (format.buffered()) {
      buffer = new StringBuilder(header);
    } else {
      response.setChunked(true);
      response.write(header);
    }
    pending.forEach(this::emit);
    pending.clear();
    if (endRequested) {
      finish(pendingError);
    }
  }

  /** {@code engine.query(...)} threw: the failure handler answers, and late calls are ignored. */
  void failedToStart() {
    finished = true;
    pending.clear();
  }

  private void row(String text) {
    if (finished) {
      return;
    }
    if (query == null) {
      pending.add(text);
    } else {
      emit(text);
    }
  }

  private void emit(String text) {
    if (buffer != null) {
      buffer.append(text);
    } else if (!ctx.response().closed()) {
      ctx.response().write(text);
    }
  }

  private void finish(SluiceException error) {
    if (finished) {
      return;
    }
    if (query == null) {
      endRequested = true;
      pendingError = error;
      return;
    }
    finished = true;
    active.remove(query.id(), this);
    closeQuery();
    HttpServerResponse response = ctx.response();
    if (response.closed() || response.ended()) {
      return;
    }
    if (error != null && format.buffered()) {
      ctx.fail(error);
    } else if (error != null) {
      response.end(query.isText() ? QueryFormat.DELIMITED.error(error) : format.error(error));
    } else if (buffer != null) {
      response.end(buffer.append(format.end()).toString());
    } else {
      response.end(query.isText() ? "" : format.end());
    }
  }

  private void clientClosed() {
    clientGone = true;
    if (query != null && !finished) {
      finished = true;
      active.remove(query.id(), this);
      closeQuery();
    }
  }

  /** Closes the query on a worker thread (closing may wait for Kafka clients). */
  private void closeQuery() {
    ctx.vertx().executeBlocking(() -> {
      closeNow();
      return null;
    }, false);
  }

  /**
   * Closes the query in the calling thread, at most once, and ends the response; for server shutdown, which
   * must not return before the queries are gone.
   */
  void shutdown() {
    closeNow();
    closedByUser();
  }

  private void closeNow() {
    TransientQuery toClose = query;
    if (toClose != null && queryClosed.compareAndSet(false, true)) {
      try {
        toClose.close();
      } catch (RuntimeException e) {
        LOG.warn("Closing query {} failed: {}", toClose.id(), e.toString());
      }
    }
  }
}

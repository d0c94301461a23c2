package dev.sluice.server.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.error.SluiceException;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code /inserts-stream} request: reads the body as it arrives, opens the target with its first object
 * (errors there are ordinary 400 responses), then inserts the rows in order on a worker thread without waiting
 * for Kafka between them (up to {@link #MAX_IN_FLIGHT} rows on their way), and writes each row's ack once its
 * record is in the topic, in the order of the rows, which ksqlDB's clients rely on to match them. A row that
 * cannot be read stops the rows after it from being inserted; its error ack, after the acks of the rows before
 * it, ends the response. State lives on the request's event loop, but for the stop flag the worker sets.
 *
 * <p>Flow control: the request is paused while the target is being opened, while too many rows wait, and
 * rows wait while the client does not read its acks, so a fast writer cannot fill the server's memory.
 */
final class InsertsStream implements JsonObjectSplitter.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(InsertsStream.class);
  private static final int HIGH_WATER = 256;
  private static final int LOW_WATER = 64;
  /** Rows sent to Kafka and not yet acked: enough for the producer to batch, bounded so memory is too. */
  static final int MAX_IN_FLIGHT = 512;

  /** One row's ack, in seq order; complete once the row is stored, skipped or failed. */
  private static final class Ack {
    final long seq;
    boolean complete;
    Throwable failure;

    Ack(long seq) {
      this.seq = seq;
    }
  }

  /** A row to insert, or the reason the text in its place is no row; acked in turn either way. */
  private record Pending(byte[] json, String error) {}

  private final RoutingContext ctx;
  private final EngineFacade engine;
  private final boolean jsonArray;
  private final JsonObjectSplitter splitter;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean argsRead;
  private RowInserter inserter;
  private final ArrayDeque<Ack> acks = new ArrayDeque<>();
  /** The seq of the first row that could not be read (the worker sets it): the rows after it are not inserted. */
  private final AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
  private boolean requestEnded;
  private boolean paused;
  private boolean done;
  private boolean anyAck;
  private long nextSeq;

  InsertsStream(RoutingContext ctx, EngineFacade engine, boolean jsonArray) {
    this.ctx = ctx;
    this.engine = engine;
    this.jsonArray = jsonArray;
    this.splitter = new JsonObjectSplitter(this, InsertsStreamHandler.MAX_OBJECT_BYTES);
  }

  /** Starts reading the body. Event loop only. */
  void start() {
    ctx.request().handler(this::chunk);
    ctx.request().endHandler(v -> bodyEnded());
    ctx.request().exceptionHandler(e -> done = true);
    ctx.response().closeHandler(v -> done = true);
    ctx.request().resume();
  }

  private void chunk(Buffer buffer) {
    if (done) {
      return; // the response is over (an error, or the client left): the rest of the body is dropped
    }
    splitter.feed(buffer);
    pump();
  }

  @Override
  public void object(byte[] json) {
    if (done) {
      return;
    }
    if (argsRead) {
      queue.add(new Pending(json, null));
    } else {
      argsRead = true;
      open(json);
    }
  }

  @Override
  public void malformed(String message) {
    if (done) {
      return;
    }
    if (argsRead) {
      queue.add(new Pending(null, message));
    } else {
      fail(RequestBodies.badRequest(message));
    }
  }

  /** Reads the first object and opens the target on a worker (the engine may block); rows wait meanwhile. */
  private void open(byte[] json) {
    String target;
    try {
      JsonNode args = Json.MAPPER.readTree(json);
      target = RequestBodies.text(args, "target");
      // ksqlDB passes them to its producer; Sluice's producer is the engine's, so they are only checked
      RequestBodies.properties(args, "properties");
    } catch (IOException e) {
      fail(RequestBodies.badRequest("Malformed JSON in the request body: " + e.getMessage()));
      return;
    } catch (SluiceException e) {
      fail(e);
      return;
    }
    updateFlow();
    ctx.vertx().executeBlocking(() -> engine.inserter(target), false)
        .onSuccess(this::opened)
        .onFailure(this::fail);
  }

  private void opened(RowInserter opened) {
    if (done) {
      return;
    }
    inserter = opened;
    HttpServerResponse response = ctx.response();
    response.setStatusCode(200).setChunked(true)
        .putHeader("Content-Type", jsonArray ? MediaTypes.JSON : MediaTypes.DELIMITED);
    // Sends the 200 now, so that a later bad row can only be an error ack, as in ksqlDB
    response.write(jsonArray ? "[" : "");
    pump();
  }

  /**
   * Sends the waiting rows on their way while fewer than {@link #MAX_IN_FLIGHT} are, and the client reads its
   * acks; ends the response once the body is read and every row is acked.
   */
  private void pump() {
    updateFlow();
    if (done || inserter == null) {
      return;
    }
    HttpServerResponse response = ctx.response();
    while (acks.size() < MAX_IN_FLIGHT && stoppedAt.get() == Long.MAX_VALUE) {
      if (response.writeQueueFull()) {
        response.drainHandler(v -> pump());
        return;
      }
      Pending next = queue.poll();
      if (next == null) {
        break;
      }
      Ack ack = new Ack(nextSeq++);
      acks.add(ack);
      if (next.error() != null) {
        stop(ack.seq);
        completed(ack, RequestBodies.badRequest(next.error()));
        return;
      }
      insert(next.json(), ack);
    }
    if (acks.isEmpty() && queue.isEmpty() && requestEnded) {
      finish();
    }
    updateFlow();
  }

  /**
   * Reads, serializes and sends one row on the worker, in order with the others (an ordered blocking task);
   * the ack completes when Kafka has stored it.
   */
  private void insert(byte[] json, Ack ack) {
    RowInserter target = inserter;
    Context loop = ctx.vertx().getOrCreateContext();
    ctx.vertx().executeBlocking(() -> {
      if (ack.seq > stoppedAt.get()) {
        return null; // a row before this one could not be read: this one is not inserted, nor acked
      }
      try {
        return target.insert(json);
      } catch (RuntimeException e) {
        stop(ack.seq);
        throw e;
      }
    }, true).onComplete(sent -> {
      if (sent.failed()) {
        completed(ack, sent.cause());
      } else if (sent.result() != null) {
        sent.result().whenComplete((v, e) -> loop.runOnContext(x ->
            completed(ack, e instanceof CompletionException c ? c.getCause() : e)));
      }
    });
  }

  private void stop(long seq) {
    stoppedAt.accumulateAndGet(seq, Math::min);
  }

  /** Marks an ack complete and writes the acks now due, in seq order; a failed one ends the response. */
  private void completed(Ack ack, Throwable failure) {
    ack.complete = true;
    ack.failure = failure;
    while (!done && !acks.isEmpty() && acks.peek().complete) {
      Ack due = acks.poll();
      if (due.failure != null) {
        rowFailed(due.seq, due.failure);
        return;
      }
      write("{\"status\":\"ok\",\"seq\":" + due.seq + "}");
    }
    pump();
  }

  private void bodyEnded() {
    requestEnded = true;
    if (done) {
      return;
    }
    if (!argsRead) {
      fail(RequestBodies.badRequest("The request body is empty: expected a JSON object"));
      return;
    }
    if (splitter.inObject()) {
      queue.add(new Pending(null, "Invalid JSON in inserts stream: the request ended inside an object"));
    }
    pump();
  }

  /** The error ack of ksqlDB ({@code InsertError}: its error message plus status and seq); ends the response. */
  private void rowFailed(long seq, Throwable failure) {
    RestError error = RestError.of(failure, -1, null);
    if (error.httpStatus() >= 500) {
      LOG.error("Inserting row {} into {} failed", seq, inserter.target(), failure);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "error");
    json.put("seq", seq);
    json.putAll(error.toJson());
    write(Json.write(json));
    finish();
  }

  private void write(String ack) {
    HttpServerResponse response = ctx.response();
    if (response.closed() || response.ended()) {
      return;
    }
    if (jsonArray) {
      response.write(anyAck ? "," + ack : ack);
    } else {
      response.write(ack + "\n");
    }
    anyAck = true;
  }

  private void finish() {
    done = true;
    updateFlow();
    HttpServerResponse response = ctx.response();
    if (!response.closed() && !response.ended()) {
      response.end(jsonArray ? "]" : "");
    }
  }

  /** Fails the request before its response started: the failure handler answers with ksqlDB's error. */
  private void fail(Throwable failure) {
    if (done) {
      return;
    }
    done = true;
    updateFlow();
    ctx.fail(failure);
  }

  /**
   * Pauses the body while the target is being opened or too many rows wait; resumes it (also to drop the rest
   * of the body once the response is over) when they have drained below the low-water mark.
   */
  private void updateFlow() {
    boolean pause = !done && !requestEnded && ((argsRead && inserter == null) || queue.size() >= HIGH_WATER
        || (paused && queue.size() > LOW_WATER));
    if (pause != paused) {
      paused = pause;
      if (pause) {
        ctx.request().pause();
      } else {
        ctx.request().resume();
      }
    }
  }
}

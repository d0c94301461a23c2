package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sluice.cli.rest.KsqlRestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for a ksqlDB-compatible server that answers with canned responses, so the CLI's whole path
 * (arguments, splitting, HTTP, rendering, exit status) is tested without the real server. Every request
 * body is recorded. {@code /query-stream} answers are scripts that write the body in chunks, with
 * whatever pauses a test needs.
 */
final class FakeKsqlServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Writes a streamed response; {@link Chunks#write} sends and flushes one piece. */
  interface StreamScript {
    void write(Chunks chunks) throws Exception;
  }

  /** The open response of a {@code /query-stream} request. */
  static final class Chunks {
    private final OutputStream out;

    Chunks(OutputStream out) {
      this.out = out;
    }

    void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }

  private record Canned(int status, String body) {
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Canned> ksqlResponses = new ConcurrentHashMap<>();
  private final Map<String, StreamScript> queryScripts = new ConcurrentHashMap<>();
  final List<JsonNode> ksqlRequests = new CopyOnWriteArrayList<>();
  final List<JsonNode> queryRequests = new CopyOnWriteArrayList<>();
  final List<String> closedQueries = new CopyOnWriteArrayList<>();
  final List<String> accepts = new CopyOnWriteArrayList<>();

  FakeKsqlServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/info", exchange -> respond(exchange, 200,
        "{\"KsqlServerInfo\":{\"version\":\"9.9.9\",\"kafkaClusterId\":\"c1\",\"ksqlServiceId\":\"sluice_\","
            + "\"serverStatus\":\"RUNNING\"}}"));
    server.createContext("/ksql", this::ksql);
    server.createContext("/query-stream", this::queryStream);
    server.createContext("/close-query", exchange -> {
      closedQueries.add(read(exchange).path("queryId").asText());
      respond(exchange, 200, "");
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code /ksql} requests whose {@code ksql} text is exactly {@code sql}. */
  FakeKsqlServer onKsql(String sql, int status, String body) {
    ksqlResponses.put(sql, new Canned(status, body));
    return this;
  }

  /** Answers {@code /query-stream} requests whose {@code sql} text is exactly {@code sql}. */
  FakeKsqlServer onQuery(String sql, StreamScript script) {
    queryScripts.put(sql, script);
    return this;
  }

  private void ksql(HttpExchange exchange) throws IOException {
    JsonNode request = read(exchange);
    ksqlRequests.add(request);
    accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
    Canned canned = ksqlResponses.get(request.path("ksql").asText());
    if (canned == null) {
      respond(exchange, 400, "{\"@type\":\"statement_error\",\"error_code\":40001,"
          + "\"message\":\"no canned answer\",\"statementText\":\"\"}");
    } else {
      respond(exchange, canned.status(), canned.body());
    }
  }

  private void queryStream(HttpExchange exchange) throws IOException {
    JsonNode request = read(exchange);
    queryRequests.add(request);
    accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
    StreamScript script = queryScripts.get(request.path("sql").asText());
    if (script == null) {
      respond(exchange, 400, "{\"@type\":\"statement_error\",\"error_code\":40001,\"message\":\"no such query\"}");
      return;
    }
    exchange.getResponseHeaders().add("Content-Type", KsqlRestClient.DELIMITED_MEDIA_TYPE);
    exchange.sendResponseHeaders(200, 0); // chunked
    try (OutputStream out = exchange.getResponseBody()) {
      script.write(new Chunks(out));
    } catch (IOException e) {
      // the client went away, as it does when it cancels a query
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  private static JsonNode read(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

}

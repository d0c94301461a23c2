package dev.sluice.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.api.Entities.CommandStatus;
import dev.sluice.engine.api.Entities.CommandStatusEntity;
import dev.sluice.engine.api.RowListener;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Position;
import dev.sluice.server.rest.FakeEngine.FakeQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The REST API against a fake engine: a real Vert.x server on a free port and the JDK's HTTP client, so
 * status codes, content types, error JSON and streaming are checked as a client sees them.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RestApiTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CREATE = "CREATE STREAM s (id STRING KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON');";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private FakeEngine engine;
  private RestServer server;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    server = RestServer.start(List.of(URI.create("http://127.0.0.1:0")), engine, "9.9.9");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void ksqlAnswersTheEntitiesWithTheirType() throws Exception {
    engine.onExecute = sql -> List.of(new CommandStatusEntity(sql, "stream/S/create",
        CommandStatus.success("Stream created", null), 1, List.of()));

    HttpResponse<String> response = send(post("/ksql",
        "{\"ksql\":\"" + CREATE.replace("'", "'") + "\",\"streamsProperties\":{\"auto.offset.reset\":\"earliest\"},"
            + "\"sessionVariables\":{\"v\":\"x\"}}").header("Accept", "application/vnd.ksql.v1+json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.ksql.v1+json");
    JsonNode entity = MAPPER.readTree(response.body()).get(0);
    assertThat(entity.get("@type").asText()).isEqualTo("currentStatus");
    assertThat(entity.get("statementText").asText()).isEqualTo(CREATE);
    assertThat(entity.get("commandStatus").get("status").asText()).isEqualTo("SUCCESS");
    assertThat(entity.get("commandStatus").has("queryId")).isTrue();
    assertThat(engine.lastProperties.get()).isEqualTo(Map.of("auto.offset.reset", "earliest"));
    assertThat(engine.lastVariables.get()).isEqualTo(Map.of("v", "x"));
  }

  @Test
  void ksqlAnswersPlainJsonUnlessAskedForTheVersionedType() throws Exception {
    HttpResponse<String> response = send(post("/ksql", "{\"ksql\":\"SHOW STREAMS;\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void statementErrorHasKsqlDbShapeAndStatus() throws Exception {
    engine.onExecute = sql -> {
      throw SluiceException.statement(new Position(1, 10), "Syntax error at or near 'FRM'");
    };

    HttpResponse<String> response = send(post("/ksql", "{\"ksql\":\"SELECT * FRM x;\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("@type").asText()).isEqualTo("statement_error");
    assertThat(error.get("error_code").asInt()).isEqualTo(40001);
    assertThat(error.get("message").asText()).isEqualTo("line 1:10: Syntax error at or near 'FRM'");
    assertThat(error.get("statementText").asText()).isEqualTo("SELECT * FRM x;");
    assertThat(error.get("entities").isArray()).isTrue();
  }

  @Test
  void malformedJsonIsABadRequest() throws Exception {
    assertGenericError(send(post("/ksql", "{\"ksql\": ")), 400, 40000, "Malformed JSON");
  }

  @Test
  void missingFieldIsABadRequest() throws Exception {
    assertGenericError(send(post("/ksql", "{\"sql\":\"SHOW STREAMS;\"}")), 400, 40000, "\"ksql\"");
    assertGenericError(send(post("/query-stream", "{\"ksql\":\"SELECT 1;\"}")), 400, 40000, "\"sql\"");
    assertGenericError(send(post("/ksql", "")), 400, 40000, "empty");
    assertGenericError(send(post("/ksql", "{\"ksql\":1}")), 400, 40000, "must be a string");
  }

  @Test
  void wrongContentTypeIsABadRequest() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ksql"))
        .header("Content-Type", "application/xml")
        .POST(HttpRequest.BodyPublishers.ofString("<ksql>SHOW STREAMS;</ksql>")));
    assertGenericError(response, 400, 40000, "Unsupported Content-Type");
  }

  @Test
  void curlsDefaultContentTypeIsReadAsJson() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ksql"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\":\"SHOW STREAMS;\"}")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]");
  }

  @Test
  void unknownRouteAndWrongMethodAnswerJson() throws Exception {
    HttpResponse<String> notFound = send(HttpRequest.newBuilder(uri("/nope")).GET());
    assertGenericError(notFound, 404, 40400, "Not Found");
    assertThat(notFound.headers().firstValue("Content-Type")).hasValue("application/json");

    assertGenericError(send(HttpRequest.newBuilder(uri("/ksql")).GET()), 405, 40500, "Method Not Allowed");
  }

  @Test
  void unexpectedExceptionIsA500WithoutStackTrace() throws Exception {
    engine.onExecute = sql -> {
      throw new IllegalStateException("the metastore is on fire");
    };

    HttpResponse<String> response = send(post("/ksql", "{\"ksql\":\"SHOW STREAMS;\"}"));

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("error_code").asInt()).isEqualTo(50000);
    assertThat(error.get("message").asText()).contains("the metastore is on fire");
    assertThat(response.body()).doesNotContain("stackTrace").doesNotContain("at dev.sluice");
  }

  @Test
  void infoHealthAndRoot() throws Exception {
    HttpResponse<String> info = send(HttpRequest.newBuilder(uri("/info")).GET());
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(info.body())).isEqualTo(MAPPER.readTree(
        "{\"KsqlServerInfo\":{\"version\":\"9.9.9\",\"kafkaClusterId\":\"cluster-1\","
            + "\"ksqlServiceId\":\"default_\",\"serverStatus\":\"RUNNING\"}}"));

    HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/healthcheck")).GET());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(health.body())).isEqualTo(MAPPER.readTree(
        "{\"isHealthy\":true,\"details\":{\"metastore\":{\"isHealthy\":true},\"kafka\":{\"isHealthy\":true},"
            + "\"commandRunner\":{\"isHealthy\":true}}}"));

    engine.healthy = false;
    HttpResponse<String> sick = send(HttpRequest.newBuilder(uri("/healthcheck")).GET());
    assertThat(sick.statusCode()).isEqualTo(503);
    assertThat(MAPPER.readTree(sick.body()).get("isHealthy").asBoolean()).isFalse();

    HttpResponse<String> root = send(HttpRequest.newBuilder(uri("/")).GET());
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValue("/info");
  }

  @Test
  void queryStreamSendsHeaderThenRowsAsTheyArrive() throws Exception {
    AtomicReference<RowListener> listener = new AtomicReference<>();
    engine.onQuery = (sql, rows) -> {
      rows.onRow(List.of("early", BigDecimal.ONE)); // before query() returns: must follow the header
      listener.set(rows);
      return new FakeQuery("q1", false);
    };

    HttpResponse<Stream<String>> response = client.send(
        post("/query-stream", "{\"sql\":\"SELECT * FROM s EMIT CHANGES;\"}").build(), BodyHandlers.ofLines());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.ksqlapi.delimited.v1");
    Iterator<String> lines = response.body().iterator();
    assertThat(lines.next()).isEqualTo(
        "{\"queryId\":\"q1\",\"columnNames\":[\"USER_ID\",\"SECS\"],\"columnTypes\":[\"STRING\",\"DECIMAL(10, 2)\"]}");
    assertThat(lines.next()).isEqualTo("[\"early\",1]");
    listener.get().onRow(List.of("u1", new BigDecimal("0.12")));
    assertThat(lines.next()).isEqualTo("[\"u1\",0.12]");
    listener.get().onRow(java.util.Arrays.asList("u2", null));
    assertThat(lines.next()).isEqualTo("[\"u2\",null]");
    listener.get().onComplete();
    assertThat(lines.hasNext()).isFalse();
    assertThat(engine.queries.get("q1").closed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void queryStreamAsOneJsonArray() throws Exception {
    engine.onQuery = (sql, rows) -> {
      rows.onRow(List.of("u1", 1));
      rows.onRow(List.of("u2", 2));
      rows.onComplete();
      return new FakeQuery("pull1", true);
    };

    HttpResponse<String> response = send(post("/query-stream", "{\"sql\":\"SELECT * FROM t;\"}")
        .header("Accept", "application/json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("[{\"queryId\":\"pull1\",\"columnNames\":[\"USER_ID\",\"SECS\"],"
        + "\"columnTypes\":[\"STRING\",\"DECIMAL(10, 2)\"]},[\"u1\",1],[\"u2\",2]]");
  }

  @Test
  void legacyQueryEndpointWritesKsqlDbsChunkedArray() throws Exception {
    engine.onQuery = (sql, rows) -> {
      rows.onRow(List.of("u1", 1));
      rows.onComplete();
      return new FakeQuery("q2", false);
    };

    HttpResponse<String> response = send(post("/query", "{\"ksql\":\"SELECT * FROM s EMIT CHANGES LIMIT 1;\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(
        "[{\"header\":{\"queryId\":\"q2\",\"schema\":\"`USER_ID` STRING KEY, `SECS` DECIMAL(10, 2)\"}},\n"
            + "{\"row\":{\"columns\":[\"u1\",1]}},\n"
            + "{\"finalMessage\":\"Query Completed\"}]\n");
    assertThat(MAPPER.readTree(response.body()).size()).isEqualTo(3);
  }

  @Test
  void errorAfterTheHeaderIsTheLastLine() throws Exception {
    engine.onQuery = (sql, rows) -> {
      rows.onRow(List.of("u1", 1));
      rows.onError(new SluiceException(ErrorCode.SERVER_ERROR, "the query failed: boom"));
      return new FakeQuery("q3", false);
    };

    HttpResponse<String> response = send(post("/query-stream", "{\"sql\":\"SELECT * FROM s EMIT CHANGES;\"}"));

    assertThat(response.statusCode()).isEqualTo(200);
    String[] lines = response.body().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEqualTo("{\"@type\":\"generic_error\",\"error_code\":50000,\"message\":\"the query failed: boom\"}");
  }

  @Test
  void queryThatCannotStartGetsAnErrorStatus() throws Exception {
    engine.onQuery = (sql, rows) -> {
      throw SluiceException.statement(new Position(1, 15), "SLOW_VIEWS does not exist");
    };

    HttpResponse<String> response = send(post("/query-stream", "{\"sql\":\"SELECT * FROM slow_views;\"}"));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("@type").asText()).isEqualTo("statement_error");
    assertThat(error.get("error_code").asInt()).isEqualTo(40001);
    assertThat(error.get("message").asText()).startsWith("line 1:15:");
  }

  @Test
  void closeQueryEndsTheStream() throws Exception {
    engine.onQuery = (sql, rows) -> new FakeQuery("q4", false);
    HttpResponse<Stream<String>> stream = client.send(
        post("/query-stream", "{\"sql\":\"SELECT * FROM s EMIT CHANGES;\"}").build(), BodyHandlers.ofLines());
    Iterator<String> lines = stream.body().iterator();
    assertThat(lines.next()).contains("\"queryId\":\"q4\"");

    HttpResponse<String> closed = send(post("/close-query", "{\"queryId\":\"q4\"}"));

    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(closed.body()).isEqualTo("{}");
    assertThat(lines.hasNext()).isFalse();
    assertThat(engine.queries.get("q4").closed.await(10, TimeUnit.SECONDS)).isTrue();
    assertGenericError(send(post("/close-query", "{\"queryId\":\"nope\"}")), 400, 40000, "nope");
  }

  @Test
  void clientDisconnectClosesTheQuery() throws Exception {
    engine.onQuery = (sql, rows) -> new FakeQuery("q5", false);
    String body = "{\"sql\":\"SELECT * FROM s EMIT CHANGES;\"}";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /query-stream HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.contains("\"queryId\":\"q5\""));
      assertThat(line).isNotNull();
    }
    assertThat(engine.queries.get("q5").closed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  private void assertGenericError(HttpResponse<String> response, int status, int code, String messagePart)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("@type").asText()).isEqualTo("generic_error");
    assertThat(error.get("error_code").asInt()).isEqualTo(code);
    assertThat(error.get("message").asText()).contains(messagePart);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }
}

package dev.sluice.server.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.api.RowInserter;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code POST /inserts-stream} against a fake engine: the framing of requests and acks, the order of acks,
 * the error ack that ends a response, the errors before streaming, and that acks stream while the request is
 * still being written. The engine side (decoding rows, producing) is StreamInserterTest's and InsertsStreamIT's.
 */
@Timeout(60)
class InsertsStreamTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final List<String> inserted = new CopyOnWriteArrayList<>();
  private FakeEngine engine;
  private RestServer server;

  @BeforeEach
  void start() {
    engine = new FakeEngine();
    engine.onInserter = target -> {
      if (!target.equalsIgnoreCase("s")) {
        throw new SluiceException(ErrorCode.BAD_REQUEST, "Cannot insert values into an unknown stream: " + target);
      }
      return new RowInserter() {
        @Override
        public String target() {
          return "S";
        }

        @Override
        public java.util.concurrent.CompletableFuture<Void> insert(byte[] json) {
          String row = new String(json, StandardCharsets.UTF_8);
          if (row.contains("\"bad\"")) {
            throw new SluiceException(ErrorCode.BAD_REQUEST, "Failed to insert values into 'S'. bad value");
          }
          inserted.add(row);
          return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
      };
    };
    server = RestServer.start(List.of(URI.create("http://127.0.0.1:0")), engine, "9.9.9");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * Rows are sent without waiting for each other, and Kafka may confirm them in any order: the acks still come
   * in the rows' order, each once its own row is stored, and a bad row's error follows the acks before it.
   */
  @Test
  void pipelinedRowsAreAckedInTheirOrderWhateverOrderKafkaConfirmsThem() throws Exception {
    List<java.util.concurrent.CompletableFuture<Void>> stored = new CopyOnWriteArrayList<>();
    engine.onInserter = target -> new RowInserter() {
      @Override
      public String target() {
        return "S";
      }

      @Override
      public java.util.concurrent.CompletableFuture<Void> insert(byte[] json) {
        if (new String(json, StandardCharsets.UTF_8).contains("\"bad\"")) {
          throw new SluiceException(ErrorCode.BAD_REQUEST, "Failed to insert values into 'S'. bad value");
        }
        java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
        stored.add(f);
        return f;
      }
    };
    StringBuilder body = new StringBuilder("{\"target\":\"s\"}\n");
    for (int i = 0; i < 50; i++) {
      body.append("{\"ID\":\"r").append(i).append("\"}\n");
    }
    body.append("{\"ID\":\"bad\"}\n{\"ID\":\"never\"}\n");
    var pending = client.sendAsync(post(body.toString()).build(), HttpResponse.BodyHandlers.ofString());
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (stored.size() < 50 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(stored).as("all 50 good rows on their way before any is confirmed").hasSize(50);
    for (int i = 49; i >= 0; i--) {
      stored.get(i).complete(null); // the last first
    }
    HttpResponse<String> response = pending.get(20, java.util.concurrent.TimeUnit.SECONDS);
    List<String> acks = response.body().lines().toList();
    assertThat(acks).hasSize(51);
    for (int i = 0; i < 50; i++) {
      assertThat(acks.get(i)).isEqualTo("{\"status\":\"ok\",\"seq\":" + i + "}");
    }
    assertThat(acks.get(50)).startsWith("{\"status\":\"error\",\"seq\":50,");
    assertThat(stored).as("the row after the bad one is not inserted").hasSize(50);
  }

  @Test
  void acksEachRowInOrderOnItsOwnLine() throws Exception {
    HttpResponse<String> response = send(post("{\"target\":\"s\",\"properties\":{}}\n"
        + "{\"ID\":\"a\",\"V\":1}\n{\"ID\":\"b\",\"V\":{\"x\":\"}\\\"{\"}}{\"ID\":\"c\",\"V\":[1,2]}\n"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/vnd.ksqlapi.delimited.v1");
    assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"seq\":0}\n{\"status\":\"ok\",\"seq\":1}\n"
        + "{\"status\":\"ok\",\"seq\":2}\n");
    // each row's exact text reaches the engine, braces and quotes inside strings included
    assertThat(inserted).containsExactly("{\"ID\":\"a\",\"V\":1}", "{\"ID\":\"b\",\"V\":{\"x\":\"}\\\"{\"}}",
        "{\"ID\":\"c\",\"V\":[1,2]}");
  }

  @Test
  void acksAsOneJsonArrayWhenAskedForJson() throws Exception {
    HttpResponse<String> response = send(post("{\"target\":\"s\"}\n{\"V\":1}\n{\"V\":2}\n")
        .header("Accept", "application/json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("[{\"status\":\"ok\",\"seq\":0},{\"status\":\"ok\",\"seq\":1}]");
    assertThat(send(post("{\"target\":\"s\"}").header("Accept", "application/json")).body()).isEqualTo("[]");
  }

  @Test
  void aBadRowGetsAnErrorAckAndEndsTheResponse() throws Exception {
    HttpResponse<String> response = send(post("{\"target\":\"s\"}\n{\"V\":1}\n{\"V\":\"bad\"}\n{\"V\":3}\n"));

    assertThat(response.statusCode()).isEqualTo(200);
    String[] lines = response.body().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).isEqualTo("{\"status\":\"ok\",\"seq\":0}");
    JsonNode error = MAPPER.readTree(lines[1]);
    assertThat(error.get("status").asText()).isEqualTo("error");
    assertThat(error.get("seq").asLong()).isEqualTo(1);
    assertThat(error.get("error_code").asInt()).isEqualTo(40000);
    assertThat(error.get("message").asText()).isEqualTo("Failed to insert values into 'S'. bad value");
    assertThat(inserted).containsExactly("{\"V\":1}");
  }

  @Test
  void textThatIsNoObjectIsABadRowInItsTurn() throws Exception {
    HttpResponse<String> response = send(post("{\"target\":\"s\"}\n{\"V\":1}\n[1, 2]\n{\"V\":3}\n"));

    String[] lines = response.body().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode error = MAPPER.readTree(lines[1]);
    assertThat(error.get("seq").asLong()).isEqualTo(1);
    assertThat(error.get("message").asText()).startsWith("Invalid JSON in inserts stream");
    assertThat(send(post("{\"target\":\"s\"}\n{\"V\":1")).body())
        .contains("\"seq\":0").contains("the request ended inside an object");
  }

  @Test
  void errorsBeforeStreamingAreErrorResponses() throws Exception {
    assertError(send(post("{\"target\":\"nope\"}\n{\"V\":1}\n")), "Cannot insert values into an unknown stream: nope");
    assertError(send(post("{\"target\":1}\n")), "The \"target\" field must be a string");
    assertError(send(post("{\"properties\":{}}\n")), "The request body has no \"target\" field");
    assertError(send(post("{\"target\":\"s\",}\n")), "Malformed JSON in the request body");
    assertError(send(post("\"s\"\n")), "Invalid JSON in inserts stream: expected a JSON object");
    assertError(send(post("")), "The request body is empty");
    assertThat(inserted).isEmpty();
  }

  @Test
  void acksStreamWhileTheRequestIsStillBeingWritten() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /inserts-stream HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      // the first row is split across two chunks
      chunk(out, "{\"target\":\"s\"}\n{\"V\":");
      chunk(out, "1}\n");
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
      assertThat(readAck(in)).isEqualTo("{\"status\":\"ok\",\"seq\":0}");
      chunk(out, "{\"V\":2}");
      assertThat(readAck(in)).isEqualTo("{\"status\":\"ok\",\"seq\":1}");
      out.write("0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      String line;
      do {
        line = in.readLine();
      } while (line != null && line.isEmpty());
      assertThat(line).isEqualTo("0"); // the response's last chunk: it ends with the request
    }
    assertThat(inserted).containsExactly("{\"V\":1}", "{\"V\":2}");
  }

  private static void chunk(OutputStream out, String text) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(bytes);
    out.write("\r\n".getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** The next line that is an ack, skipping the response's headers and chunk sizes. */
  private static String readAck(BufferedReader in) throws Exception {
    String line;
    do {
      line = in.readLine();
    } while (line != null && !line.startsWith("{"));
    return line;
  }

  private void assertError(HttpResponse<String> response, String messagePart) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(response.body());
    assertThat(error.get("@type").asText()).isEqualTo("generic_error");
    assertThat(error.get("error_code").asInt()).isEqualTo(40000);
    assertThat(error.get("message").asText()).contains(messagePart);
  }

  private HttpRequest.Builder post(String body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/inserts-stream"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }
}

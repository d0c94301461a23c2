package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAUSE and RESUME on the real embedded broker: a paused query lets no record through to its sink while
 * records keep arriving, reports PAUSED, and on RESUME catches up on all of them; paused again and the
 * server restarted on the same data directory, it comes back paused (from the command topic) until RESUME.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PauseResumeIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** How long a paused query is watched for records it must not write. */
  private static final long QUIET_MS = 4_000;

  @TempDir
  Path dataDir;

  @Test
  void pausedQueryHoldsRecordsBackUntilResumedAcrossARestart() throws Exception {
    ServerConfig config = LocalServers.localMode(dataDir);
    String queryId;

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      StatefulQueriesIT.ksql(url, "CREATE STREAM views (user_id STRING KEY, page STRING) WITH (KAFKA_TOPIC='views',"
          + " VALUE_FORMAT='JSON', PARTITIONS=1);");
      queryId = StatefulQueriesIT.ksql(url, "CREATE STREAM loud_views AS SELECT user_id, UCASE(page) AS page"
          + " FROM views;").get(0).at("/commandStatus/queryId").asText();
      produce(kafka, "u1", "/a", "u2", "/b");
      assertThat(sinkSize(kafka, 2)).isEqualTo(2);

      JsonNode paused = StatefulQueriesIT.ksql(url, "PAUSE " + queryId.toLowerCase(java.util.Locale.ROOT) + ";").get(0);
      assertThat(paused.get("@type").asText()).isEqualTo("currentStatus");
      assertThat(paused.get("commandId").asText()).isEqualTo("pause/" + queryId + "/execute");
      assertThat(paused.at("/commandStatus/status").asText()).isEqualTo("SUCCESS");
      assertThat(paused.at("/commandStatus/message").asText()).isEqualTo("Query paused.");
      assertThat(states(url)).isEqualTo(Map.of(queryId, "PAUSED"));
      assertThat(StatefulQueriesIT.ksql(url, "EXPLAIN " + queryId + ";").get(0).at("/queryDescription/state")
          .asText()).isEqualTo("PAUSED");

      produce(kafka, "u3", "/c", "u4", "/d");
      assertStaysAt(kafka, 2);
      assertThat(states(url)).isEqualTo(Map.of(queryId, "PAUSED"));

      JsonNode resumed = StatefulQueriesIT.ksql(url, "RESUME " + queryId + ";").get(0);
      assertThat(resumed.at("/commandStatus/message").asText()).isEqualTo("Query resumed.");
      assertThat(sinkSize(kafka, 4)).as("the records held back while paused").isEqualTo(4);
      assertThat(StatefulQueriesIT.await(kafka, "LOUD_VIEWS", rows -> rows.size() >= 4))
          .containsExactly("u1={\"PAGE\":\"/A\"}", "u2={\"PAGE\":\"/B\"}", "u3={\"PAGE\":\"/C\"}",
              "u4={\"PAGE\":\"/D\"}");
      assertThat(states(url)).isEqualTo(Map.of(queryId, "RUNNING"));

      HttpResponse<String> unknown = post(url, "PAUSE csas_nope_99;");
      assertThat(unknown.statusCode()).isEqualTo(400);
      JsonNode error = MAPPER.readTree(unknown.body());
      assertThat(error.get("error_code").asInt()).isEqualTo(40001);
      assertThat(error.get("message").asText()).contains("Unknown queryId: CSAS_NOPE_99");

      JsonNode pausedAll = StatefulQueriesIT.ksql(url, "PAUSE ALL;").get(0);
      assertThat(pausedAll.get("commandId").asText()).isEqualTo("pause/ALL/execute");
      produce(kafka, "u5", "/e");
    }

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      assertThat(states(url)).as("paused in the command topic, so paused after the restart")
          .isEqualTo(Map.of(queryId, "PAUSED"));
      produce(kafka, "u6", "/f");
      assertStaysAt(kafka, 4);

      assertThat(StatefulQueriesIT.ksql(url, "RESUME ALL;").get(0).at("/commandStatus/message").asText())
          .isEqualTo("Query resumed.");
      assertThat(StatefulQueriesIT.await(kafka, "LOUD_VIEWS", rows -> rows.size() >= 6)).hasSize(6)
          .endsWith("u5={\"PAGE\":\"/E\"}", "u6={\"PAGE\":\"/F\"}");
      assertThat(states(url)).isEqualTo(Map.of(queryId, "RUNNING"));

      assertThat(StatefulQueriesIT.ksql(url, "PAUSE " + queryId + "; TERMINATE " + queryId + ";"))
          .extracting(e -> e.at("/commandStatus/message").asText())
          .containsExactly("Query paused.", "Query terminated.");
      assertThat(states(url)).isEmpty();
    }
  }

  /** Query id to state, from SHOW QUERIES. */
  private static Map<String, String> states(String url) throws Exception {
    Map<String, String> states = new java.util.TreeMap<>();
    for (JsonNode q : StatefulQueriesIT.ksql(url, "SHOW QUERIES;").get(0).get("queries")) {
      states.put(q.get("id").asText(), q.get("state").asText());
      assertThat(q.get("statusCount").get(q.get("state").asText()).asInt()).isEqualTo(1);
    }
    return states;
  }

  /** Produces pairs of user id and page to the views topic. */
  private static void produce(String kafka, String... userAndPage) throws Exception {
    for (int i = 0; i < userAndPage.length; i += 2) {
      StatefulQueriesIT.produce(kafka, "views", userAndPage[i], "{\"PAGE\":\"" + userAndPage[i + 1] + "\"}",
          System.currentTimeMillis());
    }
  }

  /** The number of records in the sink once it has {@code expected} (or after 60 s). */
  private static int sinkSize(String kafka, int expected) throws Exception {
    return StatefulQueriesIT.await(kafka, "LOUD_VIEWS", rows -> rows.size() >= expected).size();
  }

  /** Watches the sink for a few seconds: a paused query must write nothing to it. */
  private static void assertStaysAt(String kafka, int size) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(QUIET_MS);
    while (System.nanoTime() < deadline) {
      List<String> rows = StatefulQueriesIT.await(kafka, "LOUD_VIEWS", r -> true);
      assertThat(rows).as("records in the sink of a paused query").hasSize(size);
      Thread.sleep(500);
    }
  }

  private static HttpResponse<String> post(String url, String sql) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ksql"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(Map.of("ksql", sql))))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}

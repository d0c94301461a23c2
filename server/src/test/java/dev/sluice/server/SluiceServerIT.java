package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, end to end: a server in local mode (embedded broker, real engine, REST), a
 * persistent query fed by plain Kafka producers and read by a plain consumer, a push query over
 * {@code /query-stream}, errors, and a restart on the same data directory that brings the query back.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SluiceServerIT {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static final String CREATE_PAGEVIEWS = "CREATE STREAM pageviews (user_id STRING KEY, page STRING, "
      + "duration_ms BIGINT) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);";
  private static final String CREATE_SLOW_VIEWS = "CREATE STREAM slow_views AS SELECT user_id, UCASE(page) AS page, "
      + "duration_ms / 1000.0 AS secs FROM pageviews WHERE duration_ms > 100 EMIT CHANGES;";

  @TempDir
  Path dataDir;

  @Test
  void walkingSkeletonSurvivesARestart() throws Exception {
    ServerConfig config = LocalServers.localMode(dataDir);
    String queryId;

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();

      JsonNode created = ksqlOk(url, CREATE_PAGEVIEWS).get(0);
      assertThat(created.get("@type").asText()).isEqualTo("currentStatus");
      assertThat(created.at("/commandStatus/status").asText()).isEqualTo("SUCCESS");
      ksqlOk(url, "INSERT INTO pageviews (user_id, page, duration_ms) VALUES ('u1', '/home', 120);");
      JsonNode csas = ksqlOk(url, CREATE_SLOW_VIEWS).get(0);
      queryId = csas.at("/commandStatus/queryId").asText();
      assertThat(queryId).isNotBlank();

      produceView(kafka, "u2", "/a", 500);
      produceView(kafka, "u3", "/b", 50); // filtered out
      produceView(kafka, "u4", "/c", 1500);

      Map<String, List<JsonNode>> sink = readSink(kafka, List.of("u1", "u2", "u4"));
      assertThat(sink).containsOnlyKeys("u1", "u2", "u4");
      assertView(sink.get("u1").get(0), "/HOME", "0.12");
      assertView(sink.get("u2").get(0), "/A", "0.5");
      assertView(sink.get("u4").get(0), "/C", "1.5");

      pushQuerySeesANewRow(url, kafka);
      printShowsTheTopic(url, kafka);

      JsonNode streams = ksqlOk(url, "SHOW STREAMS;").get(0);
      assertThat(streams.get("@type").asText()).isEqualTo("streams");
      assertThat(names(streams.get("streams"), "name")).contains("PAGEVIEWS", "SLOW_VIEWS");
      JsonNode queries = ksqlOk(url, "SHOW QUERIES;").get(0);
      assertThat(queries.get("@type").asText()).isEqualTo("queries");
      assertThat(names(queries.get("queries"), "id")).contains(queryId);
      JsonNode description = ksqlOk(url, "DESCRIBE slow_views;").get(0);
      assertThat(description.get("@type").asText()).isEqualTo("sourceDescription");
      assertThat(description.at("/sourceDescription/name").asText()).isEqualTo("SLOW_VIEWS");
      assertThat(names(description.at("/sourceDescription/fields"), "name")).containsExactly("USER_ID", "PAGE", "SECS");

      HttpResponse<String> bad = ksql(url, "SELECT * FRM x;");
      assertThat(bad.statusCode()).isEqualTo(400);
      JsonNode error = MAPPER.readTree(bad.body());
      assertThat(error.get("error_code").asInt()).isEqualTo(40001);
      assertThat(error.get("message").asText()).startsWith("line 1:");

      assertThat(get(url + "/info").statusCode()).as("still serving after an error").isEqualTo(200);
    }

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      assertThat(names(ksqlOk(url, "SHOW QUERIES;").get(0).get("queries"), "id")).contains(queryId);
      assertThat(names(ksqlOk(url, "SHOW STREAMS;").get(0).get("streams"), "name")).contains("SLOW_VIEWS");

      produceView(kafka, "u6", "/e", 900);
      long started = System.nanoTime();
      Map<String, List<JsonNode>> sink = readSink(kafka, List.of("u1", "u2", "u4", "u5", "u6"));
      System.out.println("SluiceServerIT: the sink had every record " + TimeUnit.NANOSECONDS.toMillis(
          System.nanoTime() - started) + " ms after the restart's first produce");
      assertThat(sink).as("no input lost across the restart").containsKeys("u1", "u2", "u4", "u5", "u6");
      assertThat(sink).doesNotContainKey("u3");
      assertView(sink.get("u6").get(0), "/E", "0.9");
      sink.forEach((user, values) -> {
        if (values.size() > 1) {
          System.out.println("SluiceServerIT: duplicate sink records for " + user + ": " + values.size());
        }
      });

      ksqlOk(url, "TERMINATE " + queryId + ";");
      ksqlOk(url, "DROP STREAM slow_views;");
      assertThat(names(ksqlOk(url, "SHOW STREAMS;").get(0).get("streams"), "name")).doesNotContain("SLOW_VIEWS");
    }
  }

  private void pushQuerySeesANewRow(String url, String kafka) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/query-stream"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"SELECT * FROM slow_views EMIT CHANGES;\","
            + "\"properties\":{\"auto.offset.reset\":\"earliest\"}}"))
        .build();
    HttpResponse<Stream<String>> response = HTTP.send(request, BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    try (Stream<String> body = response.body()) {
      Iterator<String> lines = body.iterator();
      JsonNode header = MAPPER.readTree(lines.next());
      assertThat(header.get("queryId").asText()).isNotBlank();
      assertThat(names(header.get("columnNames"), null)).containsExactly("USER_ID", "PAGE", "SECS");
      produceView(kafka, "u5", "/d", 700);
      while (true) {
        JsonNode row = MAPPER.readTree(lines.next());
        assertThat(row.isArray()).as("a row, not an error: %s", row).isTrue();
        if (row.get(0).asText().equals("u5")) {
          assertThat(row.get(1).asText()).isEqualTo("/D");
          assertThat(row.get(2).decimalValue()).isEqualByComparingTo("0.7");
          break;
        }
      }
    }
  }

  /** PRINT over /query-stream: the guessed formats, then a line per record, old ones and a new one. */
  private void printShowsTheTopic(String url, String kafka) throws Exception {
    try (Stream<String> body = queryStream(url, "PRINT pageviews FROM BEGINNING INTERVAL 2;")) {
      Iterator<String> lines = body.iterator();
      assertThat(lines.next()).isEqualTo("Key format: KAFKA_STRING");
      assertThat(lines.next()).isEqualTo("Value format: JSON or KAFKA_STRING");
      // every other record: u1, u3, u5 of u1..u5
      assertThat(lines.next()).matches("rowtime: \\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} Z, key: u1, "
          + "value: \\{\"PAGE\":\"/home\",\"DURATION_MS\":120\\}, partition: 0");
      assertThat(lines.next()).contains("key: u3, value: {\"PAGE\":\"/b\",\"DURATION_MS\":50}");
      assertThat(lines.next()).contains("key: u5, value: {\"PAGE\":\"/d\",\"DURATION_MS\":700}");
      produceView(kafka, "u7", "/skipped", 1);
      produceView(kafka, "u8", "/printed", 2);
      assertThat(lines.next()).contains("key: u8, value: {\"PAGE\":\"/printed\",\"DURATION_MS\":2}");
    }
    produceView(kafka, "u9", "/x", 3);
    HttpResponse<String> legacy = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query"))
        .header("Content-Type", "application/vnd.ksql.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"ksql\":\"PRINT 'SLOW_VIEWS' FROM BEGINNING LIMIT 1;\"}"))
        .build(), BodyHandlers.ofString());
    assertThat(legacy.statusCode()).isEqualTo(200);
    assertThat(legacy.body().lines().toList()).hasSize(3)
        .startsWith("Key format: KAFKA_STRING", "Value format: JSON or KAFKA_STRING");
    assertThat(legacy.body()).contains("key: u1, value: {\"PAGE\":\"/HOME\",\"SECS\":0.12");
    HttpResponse<String> missing = ksql(url, "PRINT 'no_such_topic';");
    assertThat(missing.statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query-stream"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"PRINT 'no_such_topic';\"}")).build(),
        BodyHandlers.ofString());
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(unknown.body()).get("message").asText())
        .contains("Could not find topic 'no_such_topic'");
  }

  private static Stream<String> queryStream(String url, String sql) throws Exception {
    HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/query-stream"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"" + sql + "\"}")).build(), BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static void produceView(String kafka, String user, String page, long durationMs) throws Exception {
    EmbeddedKafkaIT.produce(kafka, "pageviews", user,
        "{\"PAGE\":\"" + page + "\",\"DURATION_MS\":" + durationMs + "}");
  }

  /** All of SLOW_VIEWS by key, read until every expected key is there. */
  private static Map<String, List<JsonNode>> readSink(String kafka, List<String> expectedKeys) throws Exception {
    Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      byKey.clear();
      for (String record : EmbeddedKafkaIT.consumeAll(kafka, "SLOW_VIEWS", Integer.MAX_VALUE / 2, 3)) {
        int eq = record.indexOf('=');
        byKey.computeIfAbsent(record.substring(0, eq), k -> new ArrayList<>())
            .add(MAPPER.readTree(record.substring(eq + 1)));
      }
      if (byKey.keySet().containsAll(expectedKeys)) {
        return byKey;
      }
    }
    return byKey;
  }

  private static void assertView(JsonNode value, String page, String secs) {
    assertThat(names(value, null)).containsExactly("PAGE", "SECS");
    assertThat(value.get("PAGE").asText()).isEqualTo(page);
    assertThat(value.get("SECS").decimalValue()).isEqualByComparingTo(secs);
  }

  /** The values of {@code field} in an array of objects, or the field names of an object when null. */
  private static List<String> names(JsonNode node, String field) {
    List<String> names = new ArrayList<>();
    if (field == null && node.isObject()) {
      node.fieldNames().forEachRemaining(names::add);
    } else if (field == null) {
      node.forEach(element -> names.add(element.asText()));
    } else {
      node.forEach(element -> names.add(element.get(field).asText()));
    }
    return names;
  }

  private static JsonNode ksqlOk(String url, String sql) throws Exception {
    HttpResponse<String> response = ksql(url, sql);
    assertThat(response.statusCode()).as("%s -> %s", sql, response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body());
  }

  private static HttpResponse<String> ksql(String url, String sql) throws Exception {
    String body = MAPPER.writeValueAsString(Map.of("ksql", sql, "streamsProperties", Map.of()));
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ksql"))
        .header("Content-Type", "application/vnd.ksql.v1+json")
        .header("Accept", "application/vnd.ksql.v1+json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), BodyHandlers.ofString());
  }
}

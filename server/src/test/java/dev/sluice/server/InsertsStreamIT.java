package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /inserts-stream} end to end: a server in local mode, rows streamed by the JDK's HTTP client in a
 * chunked body, their acks, and the records a plain Kafka consumer then reads from the stream's topic: key,
 * value in the stream's JSON format with every column type converted, and ROWTIME as the record's timestamp.
 * Then a bad row's error ack and an unknown target's 400.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InsertsStreamIT {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir
  Path dataDir;

  @Test
  void rowsStreamIntoTheTopicWithTheirAcks() throws Exception {
    ServerConfig config = LocalServers.localMode(dataDir);
    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      HttpResponse<String> created = post(url + "/ksql", "{\"ksql\":\"CREATE STREAM orders (id STRING KEY, "
          + "amount DECIMAL(8, 2), placed TIMESTAMP, tags ARRAY<STRING>, addr STRUCT<city STRING, zip INT>, "
          + "qty INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=1);\"}");
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

      long rowtime = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
      HttpResponse<String> acks = post(url + "/inserts-stream", "{\"target\":\"orders\",\"properties\":{}}\n"
          + "{\"ID\":\"o1\",\"AMOUNT\":12.5,\"PLACED\":\"2024-05-01T10:15:30\",\"TAGS\":[\"new\",\"gift\"],"
          + "\"ADDR\":{\"CITY\":\"Oslo\",\"ZIP\":150},\"QTY\":3}\n"
          + "{\"id\":\"o2\",\"amount\":\"0.10\",\"placed\":1714557600000,\"ROWTIME\":" + rowtime + "}\n"
          + "{\"ID\":\"o3\",\"QTY\":7}{\"ID\":\"ignored\",\"QTY\":\"seven\"}\n{\"ID\":\"o4\"}\n");

      assertThat(acks.statusCode()).isEqualTo(200);
      assertThat(acks.headers().firstValue("Content-Type")).hasValue("application/vnd.ksqlapi.delimited.v1");
      List<String> lines = acks.body().lines().toList();
      assertThat(lines).hasSize(4).startsWith("{\"status\":\"ok\",\"seq\":0}", "{\"status\":\"ok\",\"seq\":1}",
          "{\"status\":\"ok\",\"seq\":2}");
      JsonNode error = MAPPER.readTree(lines.get(3));
      assertThat(error.get("status").asText()).isEqualTo("error");
      assertThat(error.get("seq").asInt()).isEqualTo(3);
      assertThat(error.get("error_code").asInt()).isEqualTo(40000);
      assertThat(error.get("message").asText()).contains("ORDERS").contains("targetType: INTEGER")
          .contains("$.QTY");

      List<ConsumerRecord<String, String>> records = consume(server.bootstrapServers(), "orders", 3);
      assertThat(records).extracting(ConsumerRecord::key).containsExactly("o1", "o2", "o3");
      JsonNode first = MAPPER.readTree(records.get(0).value());
      assertThat(first.get("AMOUNT").decimalValue()).isEqualByComparingTo("12.50");
      assertThat(first.get("PLACED").asLong()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z").toEpochMilli());
      assertThat(first.get("TAGS").toString()).isEqualTo("[\"new\",\"gift\"]");
      assertThat(first.get("ADDR").toString()).isEqualTo("{\"CITY\":\"Oslo\",\"ZIP\":150}");
      assertThat(first.get("QTY").asInt()).isEqualTo(3);
      JsonNode second = MAPPER.readTree(records.get(1).value());
      assertThat(second.get("AMOUNT").decimalValue()).isEqualByComparingTo("0.10");
      assertThat(second.get("PLACED").asLong()).isEqualTo(1714557600000L);
      assertThat(second.get("QTY").isNull()).isTrue();
      assertThat(records.get(1).timestamp()).isEqualTo(rowtime);
      assertThat(records.get(0).timestamp()).isNotEqualTo(rowtime).isPositive();

      HttpResponse<String> unknown = post(url + "/inserts-stream", "{\"target\":\"nope\"}\n{\"ID\":\"x\"}\n");
      assertThat(unknown.statusCode()).isEqualTo(400);
      JsonNode unknownError = MAPPER.readTree(unknown.body());
      assertThat(unknownError.get("error_code").asInt()).isEqualTo(40000);
      assertThat(unknownError.get("message").asText()).isEqualTo("Cannot insert values into an unknown stream: nope");
    }
  }

  /** POSTs {@code body} as a chunked request (no length known up front), as a streaming client does. */
  private static HttpResponse<String> post(String url, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
        .build(), BodyHandlers.ofString());
  }

  private static List<ConsumerRecord<String, String>> consume(String kafka, String topic, int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "inserts-stream-it");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
        new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (records.size() < count && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
    }
    return records;
  }
}

package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A windowed aggregation and a stream-table join on the real embedded broker, fed by a plain Kafka producer
 * and read back by a plain consumer, across a server restart whose local state directory was deleted: the
 * counts and the table must come back from their changelog topics, not start again from zero.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StatefulQueriesIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /**
   * Event times of the test, all in one one-minute window: the start of the next minute. Not a fixed date:
   * the broker deletes changelog records older than the window store's retention by its own clock.
   */
  private static final long T = (System.currentTimeMillis() / 60_000 + 1) * 60_000;

  @TempDir
  Path dataDir;

  @Test
  void windowedCountsAndJoinsSurviveARestartWithoutLocalState() throws Exception {
    ServerConfig config = config();

    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      ksql(url, "CREATE STREAM pageviews (user_id STRING KEY, page STRING) WITH (KAFKA_TOPIC='pageviews',"
          + " VALUE_FORMAT='JSON', PARTITIONS=1);");
      ksql(url, "CREATE TABLE users (user_id STRING PRIMARY KEY, region STRING) WITH (KAFKA_TOPIC='users',"
          + " VALUE_FORMAT='JSON', PARTITIONS=1);");
      ksql(url, "CREATE TABLE views_per_page AS SELECT page, COUNT(*) AS views FROM pageviews"
          + " WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY page;");
      ksql(url, "CREATE STREAM views_by_region AS SELECT p.user_id, u.region, p.page FROM pageviews p"
          + " JOIN users u ON p.user_id = u.user_id;");

      JsonNode explain = ksql(url, "EXPLAIN CREATE STREAM x AS SELECT p.user_id, u.region FROM pageviews p"
          + " JOIN users u ON p.user_id = u.user_id;").get(0);
      assertThat(explain.at("/queryDescription/stages/internalResources").asText())
          .contains("state store KafkaTopic_Right-Reduce, changelog topic <application id>-KafkaTopic_Right-Reduce-changelog");

      produce(kafka, "users", "u1", "{\"REGION\":\"eu\"}", T);
      produce(kafka, "users", "u2", "{\"REGION\":\"us\"}", T);
      Thread.sleep(1000); // the table side is read before the stream records that should find it
      produce(kafka, "pageviews", "u1", "{\"PAGE\":\"/home\"}", T + 1000);
      produce(kafka, "pageviews", "u2", "{\"PAGE\":\"/home\"}", T + 2000);
      produce(kafka, "pageviews", "u1", "{\"PAGE\":\"/cart\"}", T + 3000);

      List<String> joined = await(kafka, "VIEWS_BY_REGION", rows -> rows.size() >= 3);
      assertThat(joined).containsExactly("u1={\"REGION\":\"eu\",\"PAGE\":\"/home\"}",
          "u2={\"REGION\":\"us\",\"PAGE\":\"/home\"}", "u1={\"REGION\":\"eu\",\"PAGE\":\"/cart\"}");
      Map<String, Long> counts = latestCounts(kafka, Map.of("/home", 2L, "/cart", 1L));
      assertThat(counts).containsEntry("/home@" + T, 2L).containsEntry("/cart@" + T, 1L);
    }

    Path state = dataDir.resolve("streams");
    assertThat(state).isDirectory();
    try (Stream<Path> files = Files.walk(state)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    try (SluiceServer server = SluiceServer.start(config)) {
      String kafka = server.bootstrapServers();
      produce(kafka, "users", "u2", "{\"REGION\":\"apac\"}", T + 3500);
      Thread.sleep(1000);
      produce(kafka, "pageviews", "u2", "{\"PAGE\":\"/cart\"}", T + 4000);
      produce(kafka, "pageviews", "u3", "{\"PAGE\":\"/home\"}", T + 5000); // no such user: the inner join drops it
      produce(kafka, "pageviews", "u1", "{\"PAGE\":\"/home\"}", T + 6000);

      List<String> joined = await(kafka, "VIEWS_BY_REGION", rows -> rows.size() >= 5);
      assertThat(joined).hasSize(5).endsWith("u2={\"REGION\":\"apac\",\"PAGE\":\"/cart\"}",
          "u1={\"REGION\":\"eu\",\"PAGE\":\"/home\"}");
      Map<String, Long> counts = latestCounts(kafka, Map.of("/home", 4L, "/cart", 2L));
      assertThat(counts).as("counts continue from the restored state")
          .containsEntry("/home@" + T, 4L).containsEntry("/cart@" + T, 2L);
    }
  }

  /**
   * A stream re-keyed for a join must land in the partition where the table's topic has the same key:
   * Kafka partitions by the key's bytes, so the repartition topic must write keys as the table's topic does.
   */
  @Test
  void reKeyedStreamFindsTheTableRowInEveryPartition() throws Exception {
    ServerConfig config = config();
    try (SluiceServer server = SluiceServer.start(config)) {
      String url = server.url();
      String kafka = server.bootstrapServers();
      ksql(url, "CREATE STREAM clicks (click_id STRING KEY, user_id STRING) WITH (KAFKA_TOPIC='clicks',"
          + " VALUE_FORMAT='JSON', PARTITIONS=4);");
      ksql(url, "CREATE TABLE users (user_id STRING PRIMARY KEY, region STRING) WITH (KAFKA_TOPIC='users',"
          + " VALUE_FORMAT='JSON', PARTITIONS=4);");
      ksql(url, "CREATE STREAM clicks_by_region AS SELECT c.user_id, c.click_id, u.region FROM clicks c"
          + " LEFT JOIN users u ON c.user_id = u.user_id;");
      for (int i = 0; i < 16; i++) {
        produce(kafka, "users", "user" + i, "{\"REGION\":\"r" + i + "\"}", T);
      }
      Thread.sleep(1000);
      for (int i = 0; i < 16; i++) {
        produce(kafka, "clicks", "click" + i, "{\"USER_ID\":\"user" + i + "\"}", T + 1000);
      }
      List<String> joined = await(kafka, "CLICKS_BY_REGION", rows -> rows.size() >= 16);
      assertThat(joined).hasSize(16);
      for (int i = 0; i < 16; i++) {
        assertThat(joined).contains("user" + i + "={\"CLICK_ID\":\"click" + i + "\",\"REGION\":\"r" + i + "\"}");
      }
    }
  }

  private ServerConfig config() {
    return LocalServers.localMode(dataDir);
  }

  /** The last count of each page's window, keyed {@code page@windowStart}, once {@code expected} is reached. */
  private static Map<String, Long> latestCounts(String kafka, Map<String, Long> expected) throws Exception {
    Map<String, Long> latest = new LinkedHashMap<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      latest.clear();
      for (ConsumerRecord<byte[], byte[]> r : consume(kafka, "VIEWS_PER_PAGE")) {
        ByteBuffer key = ByteBuffer.wrap(r.key());
        String page = new String(r.key(), 0, r.key().length - 8, StandardCharsets.UTF_8);
        long start = key.getLong(r.key().length - 8);
        latest.put(page + "@" + start, MAPPER.readTree(r.value()).get("VIEWS").asLong());
      }
      boolean done = expected.entrySet().stream()
          .allMatch(e -> e.getValue().equals(latest.get(e.getKey() + "@" + T)));
      if (done) {
        break;
      }
      Thread.sleep(200);
    }
    return latest;
  }

  static List<String> await(String kafka, String topic, Predicate<List<String>> done) throws Exception {
    List<String> rows = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      rows.clear();
      for (ConsumerRecord<byte[], byte[]> r : consume(kafka, topic)) {
        rows.add(new String(r.key(), StandardCharsets.UTF_8) + "=" + new String(r.value(), StandardCharsets.UTF_8));
      }
      if (done.test(rows)) {
        break;
      }
      Thread.sleep(200);
    }
    return rows;
  }

  /** Every record of {@code topic} so far, read from the beginning without a consumer group. */
  static List<ConsumerRecord<byte[], byte[]>> consume(String kafka, String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    props.put("enable.auto.commit", "false");
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic, Duration.ofSeconds(10))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(out::add);
      }
    }
    return out;
  }

  static void produce(String kafka, String topic, String key, String value, long timestamp)
      throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    props.put("max.in.flight.requests.per.connection", "1");
    props.put("acks", "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  static JsonNode ksql(String url, String sql) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ksql"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(Map.of("ksql", sql))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body());
  }
}

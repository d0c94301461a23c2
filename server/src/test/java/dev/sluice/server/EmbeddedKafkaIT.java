package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker of local mode with real clients: topics and records survive a restart on the same
 * data directory, and a busy preferred port falls back to a free one.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EmbeddedKafkaIT {

  @Test
  void restartOnTheSameDirectoryFindsTopicsAndRecords(@TempDir Path dataDir) throws Exception {
    String clusterId;
    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      clusterId = kafka.clusterId();
      assertThat(clusterId).isNotBlank();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("pageviews", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        awaitLeader(admin, "pageviews");
      }
      produce(kafka.bootstrapServers(), "pageviews", "u1", "{\"PAGE\":\"/home\"}");
      assertThat(consumeAll(kafka.bootstrapServers(), "pageviews", 1)).containsExactly("u1={\"PAGE\":\"/home\"}");
    }

    try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
      assertThat(kafka.clusterId()).isEqualTo(clusterId);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("pageviews");
      }
      produce(kafka.bootstrapServers(), "pageviews", "u2", "{\"PAGE\":\"/a\"}");
      assertThat(consumeAll(kafka.bootstrapServers(), "pageviews", 2))
          .containsExactly("u1={\"PAGE\":\"/home\"}", "u2={\"PAGE\":\"/a\"}");
    }
  }

  @Test
  void busyPreferredPortFallsBackToAFreeOne(@TempDir Path dataDir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, taken.getLocalPort())) {
      assertThat(kafka.port()).isNotEqualTo(taken.getLocalPort());
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(kafka.clusterId());
      }
    }
  }

  static void awaitLeader(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        var description = admin.describeTopics(Set.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // Just after its creation the broker's metadata may not know the topic yet: ask again.
        if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
          throw e;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no leader for " + topic);
  }

  /** A producer guarded as design/embedded-kafka.md says (KAFKA-15591): one request in flight. */
  static void produce(String bootstrap, String topic, String key, String value) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("max.in.flight.requests.per.connection", "1");
    props.put("acks", "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }
  }

  /** Reads {@code topic} from the beginning until {@code expected} records arrived (or 30 s passed). */
  static List<String> consumeAll(String bootstrap, String topic, int expected) {
    return consumeAll(bootstrap, topic, expected, 30);
  }

  /**
   * Reads {@code topic} from the beginning, as {@code key=value} strings, until {@code expected} records
   * arrived or {@code timeoutSeconds} passed. Partitions are assigned, not subscribed: no consumer group.
   */
  static List<String> consumeAll(String bootstrap, String topic, int expected, int timeoutSeconds) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("enable.auto.commit", "false");
    List<String> records = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      while (partitions.isEmpty() && System.nanoTime() < deadline) {
        consumer.partitionsFor(topic, Duration.ofSeconds(5))
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (records.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          records.add(record.key() + "=" + record.value());
        }
      }
    }
    return records;
  }
}

package dev.sluice.engine.command;

import dev.sluice.engine.env.CommandStore;
import dev.sluice.engine.runtime.KafkaTopics;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The durable, ordered log of metastore changes: a single-partition Kafka topic, as ksqlDB's command topic.
 * A statement takes effect only once its command is in the log; a server starting up replays the log from
 * the beginning to rebuild its metastore and restart its queries.
 */
public final class CommandLog implements CommandStore, AutoCloseable {
  private final String topic;
  private final String bootstrapServers;
  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;

  public CommandLog(String bootstrapServers, String topic, KafkaTopics topics) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    topics.ensure(topic, 1, Map.of("retention.ms", "-1", "cleanup.policy", "delete"));
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public List<Command> readAll() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<Command> commands = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (consumer.position(partition, Duration.ofSeconds(30)) < end) {
        if (System.nanoTime() > deadline) {
          throw new SluiceException(ErrorCode.COMMAND_QUEUE_CATCHUP_TIMEOUT,
              "Timed out reading the command topic " + topic);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          commands.add(decode(record.value()));
        }
      }
    }
    return commands;
  }

  @Override
  public void append(String id, Command command) {
    try {
      byte[] value = PlanJson.MAPPER.writeValueAsBytes(command);
      producer.send(new ProducerRecord<>(topic, 0, id.getBytes(StandardCharsets.UTF_8), value))
          .get(30, TimeUnit.SECONDS);
    } catch (IOException | ExecutionException | TimeoutException e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Could not write to the command topic " + topic + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(ErrorCode.SERVER_SHUTTING_DOWN, "Interrupted while writing a command");
    }
  }

  static Command decode(byte[] value) {
    try {
      return PlanJson.MAPPER.readValue(value, Command.class);
    } catch (IOException e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Unreadable command in the command topic: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}

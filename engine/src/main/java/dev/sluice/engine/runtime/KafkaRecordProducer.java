package dev.sluice.engine.runtime;

import dev.sluice.engine.env.RecordProducer;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces single records synchronously, with one request in flight so that a just-created topic cannot
 * lose a batch (KAFKA-15591). Created on first use: most servers never run INSERT VALUES.
 */
public final class KafkaRecordProducer implements RecordProducer, AutoCloseable {
  private final String bootstrapServers;
  private KafkaProducer<byte[], byte[]> producer;

  public KafkaRecordProducer(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  @Override
  public void send(String topic, byte[] key, byte[] value, Long timestamp) {
    try {
      producer().send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Could not write to topic " + topic + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(ErrorCode.SERVER_SHUTTING_DOWN, "Interrupted while writing to " + topic);
    }
  }

  @Override
  public java.util.concurrent.CompletableFuture<Void> sendAsync(String topic, byte[] key, byte[] value,
      Long timestamp) {
    java.util.concurrent.CompletableFuture<Void> stored = new java.util.concurrent.CompletableFuture<>();
    producer().send(new ProducerRecord<>(topic, null, timestamp, key, value), (metadata, e) -> {
      if (e == null) {
        stored.complete(null);
      } else {
        stored.completeExceptionally(new SluiceException(ErrorCode.SERVER_ERROR, "Could not write to topic "
            + topic + ": " + e.getMessage(), e));
      }
    });
    return stored;
  }

  private synchronized KafkaProducer<byte[], byte[]> producer() {
    if (producer == null) {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
      p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
      producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
    return producer;
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}

package dev.sluice.engine.runtime;

import dev.sluice.engine.env.RecordProducer;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Produces the records of INSERT VALUES and /inserts-stream, waiting for each or not, with one request in
 * flight so that a just-created topic cannot lose a batch (KAFKA-15591) and records stay in the order sent.
 * Created on first use: most servers never insert.
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
      sendAsync(topic, key, value, timestamp).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (SluiceException) e.getCause(); // sendAsync fails with nothing else
    } catch (TimeoutException e) {
      throw new SluiceException(ErrorCode.SERVER_ERROR, "Could not write to topic " + topic
          + ": not stored within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SluiceException(ErrorCode.SERVER_SHUTTING_DOWN, "Interrupted while writing to " + topic);
    }
  }

  @Override
  public CompletableFuture<Void> sendAsync(String topic, byte[] key, byte[] value, Long timestamp) {
    CompletableFuture<Void> stored = new CompletableFuture<>();
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

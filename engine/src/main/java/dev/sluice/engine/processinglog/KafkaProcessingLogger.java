package dev.sluice.engine.processinglog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production processing logger: writes every entry as a JSON record, shaped as ksqlDB's processing
 * log records, to a Kafka topic (ksqlDB's default name is {@code <serviceId>ksql_processing_log}), counts
 * errors per query for metrics and {@code EXPLAIN}, and logs a WARN line without any row data. The topic
 * itself is created by whoever configures the service; this class only produces to it.
 */
public final class KafkaProcessingLogger implements ProcessingLogger, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaProcessingLogger.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final String topic;
  private final Producer<byte[], byte[]> producer;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  /**
   * Creates a logger with its own producer.
   *
   * @param topic the processing log topic
   * @param clientProperties at least {@code bootstrap.servers}; delivery settings are fixed here
   */
  public KafkaProcessingLogger(String topic, Map<String, Object> clientProperties) {
    this(topic, new KafkaProducer<>(producerConfig(clientProperties), new ByteArraySerializer(),
        new ByteArraySerializer()));
  }

  /** Creates a logger over a given producer, which it then owns and closes. */
  public KafkaProcessingLogger(String topic, Producer<byte[], byte[]> producer) {
    this.topic = Objects.requireNonNull(topic, "topic");
    this.producer = Objects.requireNonNull(producer, "producer");
  }

  /** ksqlDB's default processing log topic for a service id, e.g. {@code default_ksql_processing_log}. */
  public static String defaultTopic(String serviceId) {
    return serviceId + "ksql_processing_log";
  }

  /** The producer settings: durable and ordered, batched a little. */
  static Map<String, Object> producerConfig(Map<String, Object> clientProperties) {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "sluice-processing-log");
    return config;
  }

  public String topic() {
    return topic;
  }

  @Override
  public void error(ProcessingLogEntry entry) {
    counts.computeIfAbsent(entry.queryId(), q -> new LongAdder()).increment();
    LOG.warn("{} in query {} (topic {}): {}", entry.type(), entry.queryId(), entry.topic(),
        entry.errorMessage());
    try {
      producer.send(new ProducerRecord<>(topic, null, entry.timestamp(), null, toJson(entry)), (md, e) -> {
        if (e != null) {
          LOG.warn("Could not write to processing log topic {}: {}", topic, e.toString());
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("Could not write to processing log topic {}: {}", topic, e.toString());
    }
  }

  /** How many errors a query has reported since this logger started. */
  public long errorCount(String queryId) {
    LongAdder n = counts.get(queryId);
    return n == null ? 0 : n.sum();
  }

  @Override
  public void close() {
    producer.close();
  }

  /**
   * The entry as ksqlDB's processing log JSON: {@code {"level", "logger", "time", "message": {"type",
   * "deserializationError", "recordProcessingError", "productionError", "serializationError",
   * "kafkaStreamsThreadError"}}}, exactly one of the error structs set.
   */
  public static byte[] toJson(ProcessingLogEntry entry) {
    ByteArrayBuilder out = new ByteArrayBuilder();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("level", entry.level());
      g.writeStringField("logger", entry.logger());
      g.writeNumberField("time", entry.timestamp());
      g.writeStringField("queryId", entry.queryId());
      g.writeObjectFieldStart("message");
      g.writeNumberField("type", entry.type().code());
      for (ProcessingLogEntry.Type t : ProcessingLogEntry.Type.values()) {
        g.writeFieldName(fieldName(t));
        if (t == entry.type()) {
          writeError(g, entry);
        } else {
          g.writeNull();
        }
      }
      g.writeNullField("kafkaStreamsThreadError");
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String fieldName(ProcessingLogEntry.Type type) {
    return switch (type) {
      case DESERIALIZATION_ERROR -> "deserializationError";
      case RECORD_PROCESSING_ERROR -> "recordProcessingError";
      case PRODUCTION_ERROR -> "productionError";
      case SERIALIZATION_ERROR -> "serializationError";
    };
  }

  private static void writeError(JsonGenerator g, ProcessingLogEntry e) throws IOException {
    g.writeStartObject();
    boolean serde = e.type() == ProcessingLogEntry.Type.DESERIALIZATION_ERROR
        || e.type() == ProcessingLogEntry.Type.SERIALIZATION_ERROR;
    if (serde) {
      g.writeStringField("target", e.target());
    }
    g.writeStringField("errorMessage", e.errorMessage());
    if (e.type() != ProcessingLogEntry.Type.PRODUCTION_ERROR) {
      g.writeStringField(e.type() == ProcessingLogEntry.Type.DESERIALIZATION_ERROR ? "recordB64" : "record",
          e.record());
      g.writeArrayFieldStart("cause");
      for (String c : e.cause()) {
        g.writeString(c);
      }
      g.writeEndArray();
    }
    if (serde) {
      g.writeStringField("topic", e.topic());
    }
    if (e.partition() != null) {
      g.writeNumberField("partition", e.partition());
    }
    if (e.offset() != null) {
      g.writeNumberField("offset", e.offset());
    }
    g.writeEndObject();
  }
}

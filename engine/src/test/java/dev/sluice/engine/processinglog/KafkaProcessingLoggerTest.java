package dev.sluice.engine.processinglog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class KafkaProcessingLoggerTest {

  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  private static ProcessingLogEntry deserializationError(String queryId) {
    return new ProcessingLogEntry("ERROR", ProcessingLogEntry.Type.DESERIALIZATION_ERROR,
        "processing." + queryId + ".value.deserializer", queryId, 1600000000000L, "value",
        "Failed to deserialize value from topic: in. Bad", List.of("Bad"), "in", null, null, "AQI=");
  }

  @Test
  void writesKsqlDbShapedJsonToTheTopic() {
    try (KafkaProcessingLogger logger = new KafkaProcessingLogger("default_ksql_processing_log", producer)) {
      logger.error(deserializationError("CSAS_A_0"));
      List<ProducerRecord<byte[], byte[]>> sent = producer.history();
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).topic()).isEqualTo("default_ksql_processing_log");
      assertThat(sent.get(0).key()).isNull();
      assertThat(sent.get(0).timestamp()).isEqualTo(1600000000000L);
      assertThat(new String(sent.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"level\":\"ERROR\","
          + "\"logger\":\"processing.CSAS_A_0.value.deserializer\",\"time\":1600000000000,"
          + "\"queryId\":\"CSAS_A_0\",\"message\":{\"type\":0,\"deserializationError\":{\"target\":\"value\","
          + "\"errorMessage\":\"Failed to deserialize value from topic: in. Bad\",\"recordB64\":\"AQI=\","
          + "\"cause\":[\"Bad\"],\"topic\":\"in\"},\"recordProcessingError\":null,\"productionError\":null,"
          + "\"serializationError\":null,\"kafkaStreamsThreadError\":null}}");
    }
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void writesRecordProcessingErrorsWithPosition() {
    ProcessingLogEntry e = ProcessingLogEntry.error(ProcessingLogEntry.Type.RECORD_PROCESSING_ERROR,
        "processing.q.filter", "q", null, "Division by zero", List.of(), "in", null).withPosition(2, 42L);
    String json = new String(KafkaProcessingLogger.toJson(e), StandardCharsets.UTF_8);
    assertThat(json).contains("\"message\":{\"type\":1,\"deserializationError\":null,"
        + "\"recordProcessingError\":{\"errorMessage\":\"Division by zero\",\"record\":null,\"cause\":[],"
        + "\"partition\":2,\"offset\":42},\"productionError\":null");
  }

  @Test
  void countsErrorsPerQuery() {
    KafkaProcessingLogger logger = new KafkaProcessingLogger("log", producer);
    logger.error(deserializationError("a"));
    logger.error(deserializationError("a"));
    logger.error(deserializationError("b"));
    assertThat(logger.errorCount("a")).isEqualTo(2);
    assertThat(logger.errorCount("b")).isEqualTo(1);
    assertThat(logger.errorCount("c")).isZero();
  }

  @Test
  void aFailingSendIsSwallowed() {
    MockProducer<byte[], byte[]> failing =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    KafkaProcessingLogger logger = new KafkaProcessingLogger("log", failing);
    logger.error(deserializationError("a"));
    failing.errorNext(new RuntimeException("broker down"));
    assertThat(logger.errorCount("a")).isEqualTo(1);
  }

  @Test
  void producerSettingsAreDurableAndOrdered() {
    Map<String, Object> config = KafkaProcessingLogger.producerConfig(Map.of("bootstrap.servers", "x:9092",
        "acks", "0"));
    assertThat(config).containsEntry("acks", "all").containsEntry("max.in.flight.requests.per.connection", 1)
        .containsEntry("linger.ms", 5).containsEntry("bootstrap.servers", "x:9092");
  }

  @Test
  void defaultTopicIsKsqlDbs() {
    assertThat(KafkaProcessingLogger.defaultTopic("default_")).isEqualTo("default_ksql_processing_log");
  }
}

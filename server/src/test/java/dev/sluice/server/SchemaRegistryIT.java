package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.sluice.engine.serde.ProtoParser;
import dev.sluice.engine.serde.registry.RegisteredSchema;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.engine.testing.LocalSchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry formats end to end, on the embedded broker and a real Schema Registry (the build's Apicurio
 * runner): a plain Kafka producer writes Avro records in the Confluent wire format, CREATE STREAM infers the
 * columns from the registered schema, a CSAS writes PROTOBUF, and a plain consumer decodes the sink with the
 * schema registered for it, using protobuf-java's own decoder.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SchemaRegistryIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORDER = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
      + "{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":[\"null\",\"string\"],\"default\":null},"
      + "{\"name\":\"price\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":6,\"scale\":2}},"
      + "{\"name\":\"tags\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}";

  @Test
  void avroInInferredColumnsProtobufOut(@TempDir Path dataDir) throws Exception {
    var local = LocalSchemaRegistry.shared();
    Assumptions.assumeTrue(local.isPresent(), "no Schema Registry runner (sluice.test.registry.runner)");
    SchemaRegistryClient registry = new SchemaRegistryClient(local.get().config());
    ServerConfig config = LocalServers.localMode(dataDir)
        .with(ServerConfig.SCHEMA_REGISTRY_URL, local.get().url());
    try (SluiceServer server = SluiceServer.start(config)) {
      Schema schema = new Schema.Parser().parse(ORDER);
      try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
          Map.of("bootstrap.servers", server.bootstrapServers()))) {
        admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("orders_it", 1, (short) 1)))
            .all().get(30, TimeUnit.SECONDS);
        EmbeddedKafkaIT.awaitLeader(admin, "orders_it");
      }
      int id = registry.register("orders_it-value", "AVRO", ORDER, List.of());
      produce(server.bootstrapServers(), "orders_it", avro(schema, id, 7L, "tea", "12.50", List.of("hot")));
      produce(server.bootstrapServers(), "orders_it", avro(schema, id, 8L, null, "3.00", List.of()));

      ksql(server.url(), "CREATE STREAM orders WITH (KAFKA_TOPIC='orders_it', VALUE_FORMAT='AVRO');");
      JsonNode described = ksql(server.url(), "DESCRIBE orders;");
      assertThat(described.toString()).contains("{\"name\":\"ID\",\"schema\":{\"type\":\"BIGINT\"",
          "{\"name\":\"ITEM\",\"schema\":{\"type\":\"STRING\"", "\"parameters\":{\"precision\":6,\"scale\":2}",
          "{\"name\":\"TAGS\",\"schema\":{\"type\":\"ARRAY\"");
      ksql(server.url(), "CREATE STREAM orders_pb WITH (KAFKA_TOPIC='orders_pb', VALUE_FORMAT='PROTOBUF') AS "
          + "SELECT id, item, tags FROM orders WHERE id > 0 EMIT CHANGES;");

      List<byte[]> values = consume(server.bootstrapServers(), "orders_pb", 2);
      List<String> decoded = new ArrayList<>();
      for (byte[] value : values) {
        ByteBuffer buf = ByteBuffer.wrap(value);
        assertThat(buf.get()).as("magic byte").isEqualTo((byte) 0);
        RegisteredSchema written = registry.byId(buf.getInt());
        assertThat(written.type()).isEqualTo("PROTOBUF");
        assertThat(registry.latest("orders_pb-value").orElseThrow().id()).isEqualTo(written.id());
        assertThat(buf.get()).as("message indexes [0]").isEqualTo((byte) 0);
        Descriptors.FileDescriptor file = ProtoParser.parse("orders_pb.proto", written.schema(), dep -> {
          throw new AssertionError("unexpected import " + dep);
        });
        Descriptors.Descriptor message = file.getMessageTypes().get(0);
        DynamicMessage m = DynamicMessage.parseFrom(message,
            com.google.protobuf.CodedInputStream.newInstance(value, buf.position(), value.length - buf.position()));
        decoded.add(m.getField(message.findFieldByName("ID")) + "/" + m.getField(message.findFieldByName("ITEM"))
            + "/" + m.getField(message.findFieldByName("TAGS")));
      }
      assertThat(decoded).containsExactly("7/tea/[hot]", "8//[]");

      // PRINT reads registry formats with the schema each record names
      String avroLines = print(server.url(), "PRINT 'orders_it' FROM BEGINNING LIMIT 2;");
      assertThat(avroLines).startsWith("Key format: " + dev.sluice.engine.serde.PrintFormats.NO_DATA
          + "\nValue format: AVRO\n");
      assertThat(avroLines).contains("key: <null>, value: {\"id\":7,\"item\":\"tea\",", "\"tags\":[\"hot\"]}",
          "value: {\"id\":8,\"item\":null,");
      String protobufLines = print(server.url(), "PRINT orders_pb FROM BEGINNING LIMIT 1;");
      assertThat(protobufLines).contains("Value format: PROTOBUF\n",
          "value: {\"ID\":7,\"ITEM\":\"tea\",\"TAGS\":[\"hot\"]}");
    }
  }

  private static byte[] avro(Schema schema, int id, long orderId, String item, String price, List<String> tags)
      throws Exception {
    GenericData.Record r = new GenericData.Record(schema);
    r.put("id", orderId);
    r.put("item", item);
    r.put("price", ByteBuffer.wrap(new java.math.BigDecimal(price).unscaledValue().toByteArray()));
    r.put("tags", tags);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    new GenericDatumWriter<>(schema).write(r, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static void produce(String bootstrap, String topic, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
        "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, null, value)).get(30, TimeUnit.SECONDS);
    }
  }

  private static List<byte[]> consume(String bootstrap, String topic, int count) {
    List<byte[]> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (out.size() < count && System.nanoTime() < deadline) {
        if (consumer.assignment().isEmpty()) {
          if (consumer.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty()) {
            continue;
          }
          consumer.assign(List.of(tp));
          consumer.seekToBeginning(List.of(tp));
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          out.add(r.value());
        }
      }
    }
    assertThat(out).as("records on " + topic).hasSize(count);
    return out;
  }

  private static String print(String url, String sql) throws Exception {
    java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/query"))
            .header("Content-Type", "application/vnd.ksql.v1+json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ksql\":\"" + sql + "\"}"))
            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode ksql(String url, String sql) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/ksql"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(Map.of("ksql", sql))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return MAPPER.readTree(response.body());
  }
}

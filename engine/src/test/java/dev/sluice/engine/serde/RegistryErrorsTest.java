package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.row;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.engine.serde.registry.SchemaRegistryConfig;
import dev.sluice.engine.testing.LocalSchemaRegistry;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sinks settle their schemas when their statement runs ({@link SinkSchemas}), and the registry's failures reach the
 * user as messages about the statement or, for records, the processing log: registry unreachable, subject
 * missing, schema refused as incompatible, pinned schema without the query's columns, record with an unknown id.
 */
class RegistryErrorsTest {
  private static final FormatInfo AVRO = FormatInfo.of("AVRO");
  private static SchemaRegistryClient client;

  @BeforeAll
  static void registry() {
    var registry = LocalSchemaRegistry.shared();
    Assumptions.assumeTrue(registry.isPresent(), "no Schema Registry runner (sluice.test.registry.runner)");
    client = new SchemaRegistryClient(registry.get().config());
  }

  private static String topic() {
    return "t-" + UUID.randomUUID();
  }

  @Test
  void aSinkRegistersItsSchemaWhenItsStatementRuns() {
    String topic = topic();
    SinkSchemas.prepare(client, topic, values("A", SqlType.INTEGER, "B", SqlType.STRING), AVRO, false);
    assertThat(client.latest(topic + "-value")).get().satisfies(s -> {
      assertThat(s.type()).isEqualTo("AVRO");
      assertThat(s.schema()).contains("\"A\"", "\"B\"");
    });
    assertThat(client.latest(topic + "-key")).as("no key columns, no key schema").isEmpty();
  }

  @Test
  void anIncompatibleSinkSchemaFailsTheStatement() {
    String topic = topic();
    SinkSchemas.prepare(client, topic, values("A", SqlType.INTEGER), AVRO, false);
    client.setCompatibility(topic + "-value", "BACKWARD");
    assertThatThrownBy(() -> SinkSchemas.prepare(client, topic, values("A", SqlType.STRING), AVRO, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Could not register schema for topic: ")
        .hasMessageContaining(topic + "-value");
  }

  @Test
  void anUnreachableRegistryFailsTheStatement() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SchemaRegistryClient dead = new SchemaRegistryClient(new SchemaRegistryConfig("http://127.0.0.1:" + port,
        null, null, Duration.ofSeconds(2), 1));
    assertThatThrownBy(() -> SinkSchemas.prepare(dead, topic(), values("A", SqlType.INTEGER), AVRO, false))
        .hasMessageStartingWith("Could not register schema for topic: ")
        .hasMessageContaining("unreachable");
  }

  @Test
  void aPinnedSchemaMustHoldTheColumnsInOrder() {
    String topic = topic();
    int id = client.register(topic + "-value", "AVRO", "{\"type\":\"record\",\"name\":\"R\",\"fields\":["
        + "{\"name\":\"a\",\"type\":\"string\"},{\"name\":\"b\",\"type\":[\"null\",\"double\"],\"default\":null}]}",
        List.of());
    FormatInfo pinned = FormatInfo.of("AVRO", Map.of(FormatInfo.SCHEMA_ID, Integer.toString(id)));
    SinkSchemas.prepare(client, topic, values("a", SqlType.STRING), pinned, false);
    SinkSchemas.prepare(client, topic, values("a", SqlType.STRING, "b", SqlType.DOUBLE), pinned, false);
    assertThatThrownBy(() -> SinkSchemas.prepare(client, topic, values("a", SqlType.INTEGER), pinned, false))
        .hasMessage("The following value columns are changed, missing or reordered: [`a` INTEGER]. Schema from "
            + "schema registry is [`a` STRING, `b` DOUBLE]");
    assertThatThrownBy(() -> SinkSchemas.prepare(client, topic, values("b", SqlType.DOUBLE, "a", SqlType.STRING),
        pinned, false)).hasMessageContaining("missing or reordered: [`b` DOUBLE, `a` STRING]");
    FormatInfo unknown = FormatInfo.of("AVRO", Map.of(FormatInfo.SCHEMA_ID, "987654"));
    assertThatThrownBy(() -> SinkSchemas.prepare(client, topic, values("a", SqlType.STRING), unknown, false))
        .hasMessageContaining("987654").hasMessageContaining("does not exist in the Schema Registry");
  }

  @Test
  void aMissingSubjectIsNamedWhenColumnsAreInferred() {
    String topic = topic();
    assertThatThrownBy(() -> SchemaInference.infer(client, topic, AVRO, false))
        .hasMessageStartingWith("Schema for message values on topic '" + topic + "' does not exist in the Schema "
            + "Registry.\nSubject: " + topic + "-value");
    assertThat(SchemaInference.infer(client, topic, AVRO, true)).as("a key without subject: keyless").isEmpty();
  }

  @Test
  void aRecordWithAnUnknownSchemaIdGoesToTheProcessingLog() {
    List<ProcessingLogEntry> log = new CopyOnWriteArrayList<>();
    List<Column> cols = values("A", SqlType.INTEGER);
    RowSerde serde = SerdeFactory.valueSerde(cols, AVRO, client, ProcessingLogContext.of("q1", log::add));
    String topic = topic();
    byte[] good = serde.serializer().serialize(topic, row(5));
    assertThat(serde.deserializer().deserialize(topic, good)).containsExactly(5);
    byte[] unknownId = good.clone();
    unknownId[1] = 0x7f; // schema id 0x7f00....: not in the registry
    assertThat(serde.deserializer().deserialize(topic, unknownId)).isSameAs(RowSerde.UNREADABLE);
    assertThat(log).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo(ProcessingLogEntry.Type.DESERIALIZATION_ERROR);
      assertThat(e.errorMessage()).startsWith("Failed to deserialize value from topic: " + topic + ". ")
          .containsIgnoringCase("schema id").contains(Integer.toString(ConfluentWire.schemaId(unknownId)));
    });
    assertThat(serde.deserializer().deserialize(topic, good)).as("the next record still reads").containsExactly(5);
  }
}

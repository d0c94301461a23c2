package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.keys;
import static dev.sluice.engine.serde.TestColumns.utf8;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.processinglog.InMemoryProcessingLogger;
import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.processinglog.ProcessingLogEntry;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The serde layer around the formats: processing log, nulls, NONE, and cross-format validation. */
class SerdeFactoryTest {

  private final InMemoryProcessingLogger log = new InMemoryProcessingLogger();
  private final List<Column> cols = values("ID", SqlType.BIGINT, "NAME", SqlType.STRING);

  @Test
  void badRecordsGoToTheProcessingLogAndReadAsNull() {
    Serde<Object[]> serde = SerdeFactory.valueSerde(cols, FormatInfo.of("JSON"),
        ProcessingLogContext.of("CSAS_OUT_0", log));
    assertThat(serde.deserializer().deserialize("in", utf8("{\"ID\":\"x\"}"))).isSameAs(RowSerde.UNREADABLE);
    assertThat(serde.deserializer().deserialize("in", utf8("{\"ID\":1}"))).containsExactly(1L, null);

    assertThat(log.entries()).hasSize(1);
    ProcessingLogEntry e = log.entries().get(0);
    assertThat(e.type()).isEqualTo(ProcessingLogEntry.Type.DESERIALIZATION_ERROR);
    assertThat(e.level()).isEqualTo("ERROR");
    assertThat(e.queryId()).isEqualTo("CSAS_OUT_0");
    assertThat(e.logger()).isEqualTo("processing.CSAS_OUT_0.value.deserializer");
    assertThat(e.target()).isEqualTo("value");
    assertThat(e.topic()).isEqualTo("in");
    assertThat(e.errorMessage()).isEqualTo("Failed to deserialize value from topic: in. "
        + "Can't coerce string to type. targetType: BIGINT, path: $.ID");
    assertThat(e.record()).isNull();
    assertThat(log.errorCount("CSAS_OUT_0")).isEqualTo(1);
    assertThat(log.errorCount("other")).isZero();
  }

  @Test
  void rowsAreLoggedOnlyWhenAllowed() {
    Serde<Object[]> serde = SerdeFactory.valueSerde(cols, FormatInfo.of("DELIMITED"),
        new ProcessingLogContext("q", log, true));
    assertThat(serde.deserializer().deserialize("in", utf8("1,a,b"))).isSameAs(RowSerde.UNREADABLE);
    ProcessingLogEntry e = log.entries().get(0);
    assertThat(e.record()).isEqualTo(Base64.getEncoder().encodeToString(utf8("1,a,b")));
    assertThat(e.errorMessage()).isEqualTo("Failed to deserialize value from topic: in. "
        + "Column count mismatch on deserialization. topic: in, expected: 2, got: 3");
  }

  @Test
  void badKeysAreLoggedAsKeys() {
    Serde<Object[]> serde = SerdeFactory.keySerde(keys("K", SqlType.INTEGER), FormatInfo.of("KAFKA"),
        ProcessingLogContext.of("q", log));
    assertThat(serde.deserializer().deserialize("in", new byte[] {1})).isSameAs(RowSerde.UNREADABLE);
    assertThat(log.entries().get(0).target()).isEqualTo("key");
    assertThat(log.entries().get(0).errorMessage())
        .isEqualTo("Failed to deserialize key from topic: in. Size of data received by IntegerDeserializer is not 4");
  }

  @Test
  void unwritableRowsAreLoggedAndThrown() {
    Serde<Object[]> serde = SerdeFactory.valueSerde(cols, FormatInfo.of("JSON"),
        ProcessingLogContext.of("q", log));
    assertThatThrownBy(() -> serde.serializer().serialize("out", new Object[] {1L}))
        .isInstanceOf(SerdeException.class)
        .hasMessage("Failed to serialize value to topic: out. Column count mismatch on serialization. "
            + "topic: out, expected: 2, got: 1");
    assertThat(log.entries()).singleElement()
        .satisfies(e -> assertThat(e.type()).isEqualTo(ProcessingLogEntry.Type.SERIALIZATION_ERROR));
  }

  @Test
  void tombstonesPassThrough() {
    Serde<Object[]> serde = SerdeFactory.valueSerde(cols, FormatInfo.of("JSON"),
        ProcessingLogContext.of("q", log));
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThat(log.entries()).isEmpty();
  }

  @Test
  void noneFormatIsForEmptyKeysOnly() {
    Serde<Object[]> serde = SerdeFactory.keySerde(List.of(), FormatInfo.of("NONE"),
        ProcessingLogContext.of("q", log));
    assertThat(serde.deserializer().deserialize("t", utf8("data that should be ignored"))).isEmpty();
    assertThat(serde.deserializer().deserialize("t", null)).isEmpty();
    assertThat(serde.serializer().serialize("t", new Object[0])).isNull();
    assertThatThrownBy(() -> SerdeFactory.keySerde(keys("K", SqlType.STRING), FormatInfo.of("NONE"),
        ProcessingLogContext.of("q", log)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The 'NONE' format can only be used when no columns are defined. Got: [`K` STRING KEY]");
    assertThatThrownBy(() -> SerdeFactory.validateValue(values("FOO", SqlType.INTEGER), FormatInfo.of("NONE")))
        .hasMessage("The 'NONE' format can only be used when no columns are defined. Got: [`FOO` INTEGER]");
  }

  @Test
  void keylessKeysInAnyFormatAreNulls() {
    for (String f : List.of("JSON", "DELIMITED", "KAFKA")) {
      Serde<Object[]> serde = SerdeFactory.keySerde(List.of(), FormatInfo.of(f), ProcessingLogContext.of("q", log));
      assertThat(serde.serializer().serialize("t", new Object[0])).isNull();
      assertThat(serde.deserializer().deserialize("t", utf8("x"))).isEmpty();
    }
  }

  @Test
  void mapKeysAreRejectedWhateverTheFormat() {
    SqlType map = new SqlType.Map(SqlType.STRING, SqlType.DOUBLE);
    for (String f : List.of("JSON", "DELIMITED", "KAFKA")) {
      assertThatThrownBy(() -> SerdeFactory.validateKey(keys("K", map), FormatInfo.of(f)))
          .hasMessage("Map keys, including types that contain maps, are not supported as they may lead to "
              + "unexpected behavior due to inconsistent serialization. Key column name: `K`. Column type: "
              + "MAP<STRING, DOUBLE>. See https://github.com/confluentinc/ksql/issues/6621 for more.");
    }
    assertThatThrownBy(() -> SerdeFactory.validateKey(keys("K", new SqlType.Array(map)), FormatInfo.of("JSON")))
        .hasMessageContaining("Column type: ARRAY<MAP<STRING, DOUBLE>>.");
  }

  @Test
  void wrapSingleValueNeedsASingleColumn() {
    assertThatThrownBy(() -> SerdeFactory.validateValue(values("F0", SqlType.STRING, "F1", SqlType.STRING),
        FormatInfo.of("JSON", Map.of("WRAP_SINGLE_VALUE", "false"))))
        .hasMessage("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
    assertThatThrownBy(() -> SerdeFactory.validateValue(values("F0", SqlType.STRING, "F1", SqlType.STRING),
        FormatInfo.of("JSON", Map.of("WRAP_SINGLE_VALUE", "true"))))
        .hasMessage("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
  }

  @Test
  void aFailingLoggerNeverBreaksTheQuery() {
    Serde<Object[]> serde = SerdeFactory.valueSerde(cols, FormatInfo.of("JSON"),
        ProcessingLogContext.of("q", entry -> {
          throw new IllegalStateException("log down");
        }));
    assertThat(serde.deserializer().deserialize("t", utf8("nope"))).isSameAs(RowSerde.UNREADABLE);
  }
}

package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.keys;
import static dev.sluice.engine.serde.TestColumns.row;
import static dev.sluice.engine.serde.TestColumns.utf8;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class KafkaFormatTest {

  private static final FormatInfo KAFKA = FormatInfo.of("KAFKA");
  private static final ProcessingLogContext CTX = ProcessingLogContext.discarding("q");

  private static byte[] write(SqlType type, Object value) {
    return SerdeFactory.encodeOrThrow(values("V", type), KAFKA, false, "t", row(value));
  }

  private static Object read(SqlType type, byte[] bytes) {
    return SerdeFactory.decodeOrThrow(values("V", type), KAFKA, false, "t", bytes)[0];
  }

  @Test
  void usesKafkasPrimitiveEncodings() {
    assertThat(write(SqlType.INTEGER, 5)).containsExactly(0, 0, 0, 5);
    assertThat(write(SqlType.BIGINT, 2L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 2);
    assertThat(write(SqlType.TIMESTAMP, 1L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(write(SqlType.DOUBLE, 2.0)).containsExactly(0x40, 0, 0, 0, 0, 0, 0, 0);
    assertThat(write(SqlType.STRING, "ığ")).isEqualTo(utf8("ığ"));
    assertThat(write(SqlType.BYTES, new ByteString(new byte[] {9, 8}))).containsExactly(9, 8);
  }

  @Test
  void readsWhatItWrites() {
    assertThat(read(SqlType.INTEGER, new byte[] {0, 0, 1, 0})).isEqualTo(256);
    assertThat(read(SqlType.BIGINT, write(SqlType.BIGINT, -7L))).isEqualTo(-7L);
    assertThat(read(SqlType.TIMESTAMP, write(SqlType.TIMESTAMP, 1600000000000L))).isEqualTo(1600000000000L);
    assertThat(read(SqlType.DOUBLE, write(SqlType.DOUBLE, 1.1))).isEqualTo(1.1);
    assertThat(read(SqlType.STRING, utf8(""))).isEqualTo("");
    assertThat(read(SqlType.BYTES, new byte[] {1})).isEqualTo(new ByteString(new byte[] {1}));
  }

  @Test
  void nullsAreKafkaNulls() {
    assertThat(write(SqlType.STRING, null)).isNull();
    assertThat(SerdeFactory.decodeOrThrow(values("V", SqlType.STRING), KAFKA, false, "t", null)).isNull();
    assertThat(SerdeFactory.decodeOrThrow(keys("K", SqlType.STRING), KAFKA, true, "t", null)).isNull();
  }

  @Test
  void wrongSizesAreErrors() {
    assertThatThrownBy(() -> read(SqlType.INTEGER, new byte[] {1, 2, 3}))
        .isInstanceOf(SerdeException.class)
        .hasMessage("Failed to deserialize value from topic: t. Size of data received by IntegerDeserializer "
            + "is not 4");
    assertThatThrownBy(() -> read(SqlType.BIGINT, new byte[] {1}))
        .hasMessageEndingWith("Size of data received by LongDeserializer is not 8");
  }

  @Test
  void unsupportedTypesAreRejectedAtCreation() {
    assertThatThrownBy(() -> SerdeFactory.keySerde(keys("K", SqlType.BOOLEAN), KAFKA, CTX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Key format does not support schema.\nformat: KAFKA\nschema: "
            + "Persistence{columns=[`K` BOOLEAN KEY], features=[]}\n"
            + "reason: The 'KAFKA' format does not support type 'BOOLEAN'");
    assertThatThrownBy(() -> SerdeFactory.keySerde(keys("K", new SqlType.Decimal(21, 19)), KAFKA, CTX))
        .hasMessageContaining("schema: Persistence{columns=[`K` DECIMAL(21, 19) KEY], features=[]}")
        .hasMessageEndingWith("The 'KAFKA' format does not support type 'DECIMAL'");
    for (SqlType t : List.of(SqlType.DATE, SqlType.TIME, new SqlType.Array(SqlType.INTEGER),
        new SqlType.Struct(List.of(new SqlType.Field("F", SqlType.INTEGER))))) {
      assertThatThrownBy(() -> SerdeFactory.valueSerde(values("V", t), KAFKA, CTX))
          .hasMessageContaining("The 'KAFKA' format does not support type '" + t.base() + "'");
    }
  }

  @Test
  void onlyOneColumn() {
    List<Column> two = values("V0", SqlType.INTEGER, "V1", SqlType.STRING);
    assertThatThrownBy(() -> SerdeFactory.valueSerde(two, KAFKA, CTX))
        .hasMessageContaining("The 'KAFKA' format only supports a single field. Got: [`V0` INTEGER, `V1` STRING]");
    assertThatThrownBy(() -> SerdeFactory.keySerde(keys("ID", SqlType.INTEGER, "AGE", SqlType.INTEGER), KAFKA, CTX))
        .hasMessageEndingWith("reason: The 'KAFKA' format only supports a single field. "
            + "Got: [`ID` INTEGER KEY, `AGE` INTEGER KEY]");
  }

  @Test
  void keylessKeysAreFine() {
    RowSerde serde = SerdeFactory.keySerde(List.of(), KAFKA, CTX);
    assertThat(serde.deserializer().deserialize("t", utf8("ignored"))).isEmpty();
    assertThat(serde.deserializer().deserialize("t", null)).isEmpty();
    assertThat(serde.serializer().serialize("t", new Object[0])).isNull();
  }

  @Test
  void unwrappedValuesAreTheDefaultAndWrappingIsRejected() {
    assertThat(SerdeFactory.encodeOrThrow(values("FOO", SqlType.INTEGER),
        FormatInfo.of("KAFKA", Map.of("WRAP_SINGLE_VALUE", "false")), false, "t", row(1)))
        .containsExactly(0, 0, 0, 1);
    assertThatThrownBy(() -> SerdeFactory.valueSerde(values("FOO", SqlType.INTEGER),
        FormatInfo.of("KAFKA", Map.of("WRAP_SINGLE_VALUE", "true")), CTX))
        .hasMessage("Format 'KAFKA' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
  }
}

package dev.sluice.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** PRINT's guesses of a topic's formats from raw bytes, without a Schema Registry. */
class PrintFormatsTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void nothingSeenYet() {
    PrintFormats keys = new PrintFormats("t", true, null);
    assertThat(keys.describe()).isEqualTo(PrintFormats.NO_DATA);
    assertThat(keys.format(null)).isEqualTo("<null>");
    assertThat(keys.describe()).as("a null key is no data").isEqualTo(PrintFormats.NO_DATA);
  }

  @Test
  void jsonValuesNarrowToTextWhenOneIsNotJson() {
    PrintFormats values = new PrintFormats("t", false, null);
    assertThat(values.format(utf8("{\"A\":1}"))).isEqualTo("{\"A\":1}");
    assertThat(values.describe()).isEqualTo("JSON or KAFKA_STRING");
    assertThat(values.format(utf8("{\"A\":1} trailing"))).isEqualTo("{\"A\":1} trailing");
    assertThat(values.describe()).isEqualTo("KAFKA_STRING");
  }

  @Test
  void numbersAndShortStrings() {
    PrintFormats keys = new PrintFormats("t", true, null);
    assertThat(keys.format(ByteBuffer.allocate(4).putInt(42).array())).isEqualTo("42");
    assertThat(keys.describe()).as("its bytes are control characters, not text").isEqualTo("KAFKA_INT");
    PrintFormats words = new PrintFormats("t", true, null);
    assertThat(words.format(utf8("abcd"))).as("four printable characters are text").isEqualTo("abcd");
    assertThat(words.describe()).isEqualTo("KAFKA_STRING");
    PrintFormats longs = new PrintFormats("t", false, null);
    assertThat(longs.format(ByteBuffer.allocate(8).putLong(-7L).array())).isEqualTo("-7");
    assertThat(longs.describe()).startsWith("KAFKA_BIGINT or KAFKA_DOUBLE");
  }

  @Test
  void windowedKeysShowTheirWindow() {
    PrintFormats tumbling = new PrintFormats("t", true, null);
    byte[] key = ByteBuffer.allocate(10).put(utf8("k1")).putLong(1_700_000_000_000L).array();
    assertThat(tumbling.format(key)).isEqualTo("[k1@1700000000000/-]");
    assertThat(tumbling.describe()).isEqualTo("HOPPING(KAFKA_STRING) or TUMBLING(KAFKA_STRING)");

    PrintFormats session = new PrintFormats("t", true, null);
    byte[] sessionKey = ByteBuffer.allocate(18).put(utf8("k1")).putLong(1_700_000_060_000L)
        .putLong(1_700_000_000_000L).array();
    assertThat(session.format(sessionKey)).isEqualTo("[k1@1700000000000/1700000060000]");
    assertThat(session.describe()).startsWith("SESSION(KAFKA_STRING)");
  }

  @Test
  void aLongStringKeyIsNotTakenForAWindowedOne() {
    PrintFormats keys = new PrintFormats("t", true, null);
    assertThat(keys.format(utf8("customer-000123"))).isEqualTo("customer-000123");
    assertThat(keys.describe()).isEqualTo("KAFKA_STRING");
  }

  @Test
  void bytesNoFormatReadsAreShownInHex() {
    PrintFormats values = new PrintFormats("t", false, null);
    assertThat(values.format(new byte[] {(byte) 0xC3, (byte) 0x28, 0x01})).isEqualTo("<bytes c32801>");
    assertThat(values.describe()).isEqualTo("UNRECOGNISED_BYTES");
  }
}

package dev.sluice.planner.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

/** Edge cases of {@link BytesFunctions}: bad encodings and input, empty values, lengths and byte orders. */
class BytesFunctionsTest {
  private static ByteString bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return new ByteString(b);
  }

  @Test
  @Covers({"TO_BYTES", "FROM_BYTES"})
  void encodingsRoundTripAndAreCaseInsensitive() {
    assertThat(BytesFunctions.toBytes("0x4aFf", "HEX")).isEqualTo(bytes(0x4a, 0xff));
    assertThat(BytesFunctions.toBytes("abc", "hex")).isEqualTo(bytes(0x0a, 0xbc));
    assertThat(BytesFunctions.fromBytes(bytes(0x0a, 0xbc), "hex")).isEqualTo("0ABC");
    assertThat(BytesFunctions.toBytes("😀", "utf8")).isEqualTo(bytes(0xf0, 0x9f, 0x98, 0x80));
    assertThat(BytesFunctions.fromBytes(bytes(0xf0, 0x9f, 0x98, 0x80), "Utf8")).isEqualTo("😀");
    assertThat(BytesFunctions.toBytes("AQID", "base64")).isEqualTo(bytes(1, 2, 3));
    assertThat(BytesFunctions.fromBytes(bytes(1, 2, 3), "base64")).isEqualTo("AQID");
    // ASCII has no é: it is written as '?' and a byte above 127 reads as the replacement character
    assertThat(BytesFunctions.toBytes("é", "ascii")).isEqualTo(bytes('?'));
    assertThat(BytesFunctions.fromBytes(bytes(0xe9), "ascii")).isEqualTo("\ufffd");
  }

  @Test
  @Covers({"TO_BYTES", "FROM_BYTES"})
  void emptyBadAndNullInputs() {
    assertThat(BytesFunctions.toBytes("", "hex")).isEqualTo(ByteString.EMPTY);
    assertThat(BytesFunctions.toBytes("", "base64")).isEqualTo(ByteString.EMPTY);
    assertThat(BytesFunctions.fromBytes(ByteString.EMPTY, "utf8")).isEmpty();
    assertThat(BytesFunctions.toBytes("zz", "hex")).isNull();
    assertThat(BytesFunctions.toBytes("not base64!", "base64")).isNull();
    assertThat(BytesFunctions.toBytes("a", "ebcdic")).isNull();
    assertThat(BytesFunctions.fromBytes(bytes(1), "ebcdic")).isNull();
    assertThat(BytesFunctions.toBytes(null, "hex")).isNull();
    assertThat(BytesFunctions.toBytes("00", null)).isNull();
    assertThat(BytesFunctions.fromBytes(null, "hex")).isNull();
    assertThat(BytesFunctions.fromBytes(bytes(1), null)).isNull();
  }

  @Test
  @Covers({"INT_FROM_BYTES", "BIGINT_FROM_BYTES", "DOUBLE_FROM_BYTES"})
  void numbersFromBytesCheckLengthAndByteOrder() {
    assertThat(BytesFunctions.intFromBytes(bytes(0x80, 0, 0, 0))).isEqualTo(Integer.MIN_VALUE);
    assertThat(BytesFunctions.intFromBytes(bytes(1, 0, 0, 0), "little_endian")).isEqualTo(1);
    assertThat(BytesFunctions.intFromBytes(bytes(1, 0, 0))).isNull();
    assertThat(BytesFunctions.intFromBytes(bytes(1, 0, 0, 0, 0))).isNull();
    assertThat(BytesFunctions.intFromBytes(bytes(1, 0, 0, 0), "MIDDLE_ENDIAN")).isNull();
    assertThat(BytesFunctions.intFromBytes(null)).isNull();
    assertThat(BytesFunctions.intFromBytes(bytes(1, 0, 0, 0), null)).isNull();
    assertThat(BytesFunctions.bigintFromBytes(bytes(0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)))
        .isEqualTo(Long.MAX_VALUE);
    assertThat(BytesFunctions.bigintFromBytes(bytes(0xff, 0, 0, 0, 0, 0, 0, 0), "LITTLE_ENDIAN")).isEqualTo(255L);
    assertThat(BytesFunctions.bigintFromBytes(bytes(1, 2, 3, 4))).isNull();
    assertThat(BytesFunctions.bigintFromBytes(null, "BIG_ENDIAN")).isNull();
    assertThat(BytesFunctions.doubleFromBytes(bytes(0x3f, 0xf0, 0, 0, 0, 0, 0, 0))).isEqualTo(1.0);
    assertThat(BytesFunctions.doubleFromBytes(bytes(0, 0, 0, 0, 0, 0, 0xf8, 0x7f), "LITTLE_ENDIAN")).isNaN();
    assertThat(BytesFunctions.doubleFromBytes(ByteString.EMPTY)).isNull();
    assertThat(BytesFunctions.doubleFromBytes(null)).isNull();
  }
}

package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.keys;
import static dev.sluice.engine.serde.TestColumns.row;
import static dev.sluice.engine.serde.TestColumns.text;
import static dev.sluice.engine.serde.TestColumns.utf8;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class JsonFormatTest {

  private static final FormatInfo JSON = FormatInfo.of("JSON");
  private static final FormatInfo UNWRAPPED = FormatInfo.of("JSON", Map.of("wrapSingleValue", "false"));

  private static final List<Column> ALL = values(
      "ID", SqlType.BIGINT, "NAME", SqlType.STRING, "PRICE", new SqlType.Decimal(10, 6),
      "TS", SqlType.TIMESTAMP, "D", SqlType.DATE, "T", SqlType.TIME, "B", SqlType.BYTES,
      "FLAG", SqlType.BOOLEAN, "X", SqlType.DOUBLE, "I", SqlType.INTEGER);

  private static String write(List<Column> cols, FormatInfo f, Object... row) {
    return text(SerdeFactory.encodeOrThrow(cols, f, false, "t", row));
  }

  private static Object[] read(List<Column> cols, FormatInfo f, String json) {
    return SerdeFactory.decodeOrThrow(cols, f, false, "t", json == null ? null : utf8(json));
  }

  @Test
  void writesEveryPrimitiveTypeAsKsqlDbDoes() {
    assertThat(write(ALL, JSON, 1L, "a\"b", new BigDecimal("0.120000"), 1600000000000L, 19000, 3600000,
        new ByteString(new byte[] {1, 2, 3}), true, 1.5, 7))
        .isEqualTo("{\"ID\":1,\"NAME\":\"a\\\"b\",\"PRICE\":0.120000,\"TS\":1600000000000,\"D\":19000,"
            + "\"T\":3600000,\"B\":\"AQID\",\"FLAG\":true,\"X\":1.5,\"I\":7}");
  }

  @Test
  void writesDecimalsAsComputedAndPlain() {
    List<Column> cols = values("D", new SqlType.Decimal(10, 6));
    // not padded to the column's scale, as ksqlDB's converter writes them; a negative scale is made plain
    assertThat(write(cols, JSON, new BigDecimal("0.12"))).isEqualTo("{\"D\":0.12}");
    assertThat(write(cols, JSON, new BigDecimal("0.120000"))).isEqualTo("{\"D\":0.120000}");
    assertThat(write(cols, JSON, new BigDecimal("1E+3"))).isEqualTo("{\"D\":1000.000000}");
    assertThat(write(values("D", new SqlType.Decimal(38, 0)), JSON, new BigDecimal("1E+30")))
        .isEqualTo("{\"D\":1000000000000000000000000000000}");
  }

  @Test
  void writesNullsAndTombstones() {
    assertThat(write(values("A", SqlType.INTEGER, "B", SqlType.STRING), JSON, null, null))
        .isEqualTo("{\"A\":null,\"B\":null}");
    assertThat(SerdeFactory.encodeOrThrow(values("A", SqlType.INTEGER), JSON, false, "t", null)).isNull();
    assertThat(read(values("A", SqlType.INTEGER), JSON, null)).isNull();
    assertThat(read(values("A", SqlType.INTEGER), JSON, "null")).isNull();
  }

  @Test
  void readsEveryPrimitiveTypeWithExactDecimals() {
    Object[] r = read(ALL, JSON, "{\"ID\":1,\"NAME\":\"n\",\"PRICE\":0.12,\"TS\":1600000000000,\"D\":19000,"
        + "\"T\":3600000,\"B\":\"AQID\",\"FLAG\":false,\"X\":1.25,\"I\":7}");
    assertThat(r).containsExactly(1L, "n", new BigDecimal("0.120000"), 1600000000000L, 19000, 3600000,
        new ByteString(new byte[] {1, 2, 3}), false, 1.25, 7);
    assertThat(((BigDecimal) r[2]).scale()).isEqualTo(6);
    assertThat(read(values("D", new SqlType.Decimal(33, 16)), JSON, "{\"D\":12345678987654321.2345678987654321}"))
        .containsExactly(new BigDecimal("12345678987654321.2345678987654321"));
  }

  @Test
  void matchesFieldNamesCaseInsensitivelyWithExactMatchesWinning() {
    List<Column> cols = values("ID", SqlType.INTEGER, "foo", SqlType.INTEGER);
    assertThat(read(cols, JSON, "{\"id\":1,\"foo\":2}")).containsExactly(1, 2);
    assertThat(read(cols, JSON, "{\"Id\":1,\"FOO\":2}")).containsExactly(1, null);
    assertThat(read(cols, JSON, "{\"ID\":1,\"id\":2}")).containsExactly(1, null);
    assertThat(read(cols, JSON, "{\"id\":2,\"ID\":1}")).containsExactly(1, null);
    assertThat(read(cols, JSON, "{\"id\":2,\"iD\":3}")).containsExactly(3, null);
  }

  @Test
  void missingFieldsAreNullAndUnknownFieldsAreSkipped() {
    List<Column> cols = values("A", SqlType.INTEGER, "B", SqlType.STRING);
    assertThat(read(cols, JSON, "{\"x\":{\"a\":[1,{\"b\":2}]},\"B\":\"v\",\"y\":[1,2]}"))
        .containsExactly(null, "v");
    assertThat(read(cols, JSON, "{}")).containsExactly(null, null);
  }

  @Test
  void coercesAsKsqlDb() {
    List<Column> cols = values("I", SqlType.INTEGER, "L", SqlType.BIGINT, "D", SqlType.DOUBLE,
        "S", SqlType.STRING, "DEC", new SqlType.Decimal(4, 2), "TS", SqlType.TIMESTAMP, "BO", SqlType.BOOLEAN);
    assertThat(read(cols, JSON, "{\"I\":\"12\",\"L\":\"123\",\"D\":\"1.5\",\"S\":1.50,\"DEC\":\"1.5\","
        + "\"TS\":\"10\",\"BO\":\"TRUE\"}"))
        .containsExactly(12, 123L, 1.5, "1.50", new BigDecimal("1.50"), 10L, true);
    assertThat(read(cols, JSON, "{\"I\":1.9,\"L\":7,\"D\":3,\"S\":true}"))
        .containsExactly(1, 7L, 3.0, "true", null, null, null);
    assertThat(read(values("S", SqlType.STRING), JSON, "{\"S\":{\"a\":1.50,\"b\":[1,\"x\"]}}"))
        .containsExactly("{\"a\":1.50,\"b\":[1,\"x\"]}");
    assertThat(read(values("S", SqlType.STRING), JSON, "{\"S\":[\"a\",1,null]}"))
        .containsExactly("[a, 1, null]");
  }

  @Test
  void readsAndWritesNestedTypes() {
    SqlType struct = new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.INTEGER),
        new SqlType.Field("B", new SqlType.Array(SqlType.STRING))));
    List<Column> cols = values("ARR", new SqlType.Array(struct),
        "M", new SqlType.Map(SqlType.STRING, new SqlType.Decimal(3, 1)), "S", struct);
    Object[] r = read(cols, JSON, "{\"arr\":[{\"a\":1,\"b\":[\"x\",null]},null],"
        + "\"m\":{\"k\":1.5,\"n\":null},\"s\":{\"B\":[]}}");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", new BigDecimal("1.5"));
    m.put("n", null);
    assertThat(r[0]).isInstanceOf(List.class);
    List<?> arr = (List<?>) r[0];
    assertThat((Object[]) arr.get(0)).containsExactly(1, Arrays.asList("x", null));
    assertThat(arr.get(1)).isNull();
    assertThat(r[1]).isEqualTo(m);
    assertThat((Object[]) r[2]).containsExactly(null, List.of());
    assertThat(write(cols, JSON, r)).isEqualTo("{\"ARR\":[{\"A\":1,\"B\":[\"x\",null]},null],"
        + "\"M\":{\"k\":1.5,\"n\":null},\"S\":{\"A\":null,\"B\":[]}}");
  }

  @Test
  void writesStructsGivenAsLists() {
    SqlType struct = new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.INTEGER),
        new SqlType.Field("b", SqlType.STRING)));
    assertThat(write(values("S", struct), JSON, List.of(1, "x"))).isEqualTo("{\"S\":{\"A\":1,\"b\":\"x\"}}");
  }

  @Test
  void unwrappedSingleValues() {
    List<Column> v = values("V", SqlType.BIGINT);
    assertThat(write(v, UNWRAPPED, 10827272222L)).isEqualTo("10827272222");
    assertThat(SerdeFactory.encodeOrThrow(v, UNWRAPPED, false, "t", row((Object) null))).isNull();
    assertThat(read(v, UNWRAPPED, "10827272222")).containsExactly(10827272222L);
    assertThat(read(v, UNWRAPPED, "null")).isNull();
    List<Column> s = values("V", new SqlType.Struct(List.of(new SqlType.Field("F1", SqlType.STRING))));
    assertThat((Object[]) read(s, UNWRAPPED, "{\"f1\":\"bar\"}")[0]).containsExactly("bar");
    assertThat(write(s, UNWRAPPED, (Object) new Object[] {"bar"})).isEqualTo("{\"F1\":\"bar\"}");
    assertThat(write(v, JSON, 5L)).isEqualTo("{\"V\":5}");
  }

  @Test
  void singleKeysAreUnwrappedAndMultiColumnKeysAreObjects() {
    List<Column> k = keys("K", SqlType.STRING);
    assertThat(text(SerdeFactory.encodeOrThrow(k, JSON, true, "t", row("Hey")))).isEqualTo("\"Hey\"");
    assertThat(SerdeFactory.encodeOrThrow(k, JSON, true, "t", row((Object) null))).isNull();
    assertThat(SerdeFactory.decodeOrThrow(k, JSON, true, "t", utf8("\"Hey\""))).containsExactly("Hey");
    assertThat(SerdeFactory.decodeOrThrow(k, JSON, true, "t", null)).isNull();
    List<Column> k2 = keys("K1", SqlType.STRING, "K2", new SqlType.Decimal(6, 4));
    assertThat(text(SerdeFactory.encodeOrThrow(k2, JSON, true, "t", row("foo", new BigDecimal("12.365")))))
        .isEqualTo("{\"K1\":\"foo\",\"K2\":12.365}");
    assertThat(SerdeFactory.decodeOrThrow(k2, JSON, true, "t", utf8("{\"k1\":\"foo\",\"k2\":12.365}")))
        .containsExactly("foo", new BigDecimal("12.3650"));
  }

  @Test
  void errorMessagesNameTheTypeAndPath() {
    List<Column> cols = values("I", SqlType.INTEGER,
        "ARR", new SqlType.Array(new SqlType.Struct(List.of(new SqlType.Field("A", SqlType.BIGINT)))));
    assertThatThrownBy(() -> read(cols, JSON, "{\"I\":\"abc\"}")).isInstanceOf(SerdeException.class)
        .hasMessage("Failed to deserialize value from topic: t. Can't coerce string to type. "
            + "targetType: INTEGER, path: $.I");
    assertThatThrownBy(() -> read(cols, JSON, "{\"I\":true}"))
        .hasMessage("Failed to deserialize value from topic: t. Can't convert type. sourceType: BooleanNode, "
            + "requiredType: INTEGER, path: $.I");
    assertThatThrownBy(() -> read(cols, JSON, "{\"arr\":[{\"A\":1},{\"a\":[]}]}"))
        .hasMessage("Failed to deserialize value from topic: t. Can't convert type. sourceType: ArrayNode, "
            + "requiredType: BIGINT, path: $.ARR[1].A");
    assertThatThrownBy(() -> read(cols, JSON, "[1]"))
        .hasMessage("Failed to deserialize value from topic: t. Can't convert type. sourceType: ArrayNode, "
            + "requiredType: STRUCT<`I` INTEGER, `ARR` ARRAY<STRUCT<`A` BIGINT>>>, path: $");
    assertThatThrownBy(() -> read(cols, JSON, "{\"I\":3000000000}"))
        .hasMessageEndingWith("Can't convert type. sourceType: LongNode, requiredType: INTEGER, path: $.I");
    assertThatThrownBy(() -> read(cols, JSON, "{\"I\":"))
        .hasMessageStartingWith("Failed to deserialize value from topic: t. Unexpected end-of-input");
    assertThatThrownBy(() -> SerdeFactory.decodeOrThrow(keys("K", SqlType.INTEGER), JSON, true, "k", utf8("x")))
        .hasMessageStartingWith("Failed to deserialize key from topic: k. Unrecognized token 'x'");
  }

  @Test
  void decimalsThatDoNotFitAreErrors() {
    List<Column> cols = values("D", new SqlType.Decimal(4, 2));
    assertThatThrownBy(() -> read(cols, JSON, "{\"D\":1.234}"))
        .hasMessage("Failed to deserialize value from topic: t. Cannot fit decimal into DECIMAL(4, 2) "
            + "without rounding. (Requires 4,3), path: $.D");
    assertThatThrownBy(() -> read(cols, JSON, "{\"D\":100}"))
        .hasMessage("Failed to deserialize value from topic: t. Numeric field overflow: A field with "
            + "precision 4 and scale 2 must round to an absolute value less than 10^2, path: $.D");
    assertThat(read(cols, JSON, "{\"D\":99.9}")).containsExactly(new BigDecimal("99.90"));
    assertThat(read(cols, JSON, "{\"D\":10}")).containsExactly(new BigDecimal("10.00"));
  }

  @Test
  void mapKeysMustBeStrings() {
    assertThatThrownBy(() -> SerdeFactory.valueSerde(values("M", new SqlType.Map(SqlType.INTEGER,
        SqlType.DOUBLE)), JSON, dev.sluice.engine.processinglog.ProcessingLogContext.discarding("q")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JSON only supports MAP types with STRING keys");
  }

  @Test
  void countMismatchOnWriteIsAnError() {
    assertThatThrownBy(() -> write(values("A", SqlType.INTEGER), JSON, 1, 2))
        .hasMessage("Failed to serialize value to topic: t. Column count mismatch on serialization. "
            + "topic: t, expected: 1, got: 2");
  }
}

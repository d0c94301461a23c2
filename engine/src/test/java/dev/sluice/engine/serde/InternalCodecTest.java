package dev.sluice.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

/** Sluice's binary rows: every type round-trips as the JSON format gives it back, compactly. */
class InternalCodecTest {
  private static final SqlType.Struct POINT = new SqlType.Struct(List.of(
      new SqlType.Field("X", SqlType.INTEGER), new SqlType.Field("TAGS", new SqlType.Array(SqlType.STRING))));
  private static final List<Column> ALL = List.of(
      new Column("B", SqlType.BOOLEAN, Column.Namespace.VALUE),
      new Column("I", SqlType.INTEGER, Column.Namespace.VALUE),
      new Column("L", SqlType.BIGINT, Column.Namespace.VALUE),
      new Column("D", SqlType.DOUBLE, Column.Namespace.VALUE),
      new Column("DEC", new SqlType.Decimal(10, 3), Column.Namespace.VALUE),
      new Column("S", SqlType.STRING, Column.Namespace.VALUE),
      new Column("BY", SqlType.BYTES, Column.Namespace.VALUE),
      new Column("DT", SqlType.DATE, Column.Namespace.VALUE),
      new Column("TM", SqlType.TIME, Column.Namespace.VALUE),
      new Column("TS", SqlType.TIMESTAMP, Column.Namespace.VALUE),
      new Column("A", new SqlType.Array(SqlType.BIGINT), Column.Namespace.VALUE),
      new Column("M", new SqlType.Map(SqlType.STRING, POINT), Column.Namespace.VALUE),
      new Column("P", POINT, Column.Namespace.VALUE));

  private final InternalCodec codec = new InternalCodec(ALL);

  @Test
  void everyTypeRoundTrips() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", new Object[] {1, List.of("a")});
    map.put("a", null);
    Object[] row = {true, -5, Long.MIN_VALUE, -0.25, new BigDecimal("-12.5"), "h\u00e9llo \uD83D\uDE00",
        new byte[] {0, -1, 7}, 19_000, 86_399_999, 1_700_000_000_123L, Arrays.asList(1L, null, 3L), map,
        new Object[] {null, List.of()}};
    Object[] back = codec.decode("t", codec.encode("t", row));
    assertThat(back).hasSize(row.length);
    assertThat(back[0]).isEqualTo(true);
    assertThat(back[1]).isEqualTo(-5);
    assertThat(back[2]).isEqualTo(Long.MIN_VALUE);
    assertThat(back[3]).isEqualTo(-0.25);
    assertThat(back[4]).as("at the column's scale, as JSON reads it").isEqualTo(new BigDecimal("-12.500"));
    assertThat(back[5]).isEqualTo("h\u00e9llo \uD83D\uDE00");
    assertThat(back[6]).isEqualTo(new ByteString(new byte[] {0, -1, 7}));
    assertThat(back[7]).isEqualTo(19_000);
    assertThat(back[8]).isEqualTo(86_399_999);
    assertThat(back[9]).isEqualTo(1_700_000_000_123L);
    assertThat(back[10]).isEqualTo(Arrays.asList(1L, null, 3L));
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) back[11];
    assertThat(m).containsOnlyKeys("z", "a");
    assertThat(m.keySet()).as("in insertion order").containsExactly("z", "a");
    assertThat((Object[]) m.get("z")).containsExactly(1, List.of("a"));
    assertThat(m.get("a")).isNull();
    assertThat((Object[]) back[12]).containsExactly(null, List.of());
  }

  @Test
  void nullsAndAnAllNullRow() {
    Object[] nulls = new Object[ALL.size()];
    byte[] bytes = codec.encode("t", nulls);
    assertThat(bytes).hasSize(1 + ALL.size());
    assertThat(codec.decode("t", bytes)).containsOnlyNulls().hasSize(ALL.size());
  }

  @Test
  void compactAndDeterministic() {
    InternalCodec key = new InternalCodec(List.of(new Column("K", SqlType.STRING, Column.Namespace.KEY),
        new Column("N", SqlType.BIGINT, Column.Namespace.KEY)));
    byte[] bytes = key.encode("t", new Object[] {"c42", 7L});
    assertThat(bytes).as("version, present + length + 3 chars, present + one varint byte")
        .containsExactly(InternalCodec.VERSION, 1, 6, 'c', '4', '2', 1, 14);
    assertThat(key.encode("t", new Object[] {"c42", 7L})).isEqualTo(bytes);
    String json = "{\"K\":\"c42\",\"N\":7}";
    assertThat(bytes.length).as("half the JSON").isLessThanOrEqualTo(json.getBytes(StandardCharsets.UTF_8).length / 2);
  }

  @Test
  void extraSlotsOfAMarkedRowAreNotWritten() {
    InternalCodec one = new InternalCodec(List.of(new Column("V", SqlType.INTEGER, Column.Namespace.VALUE)));
    assertThat(one.decode("t", one.encode("t", new Object[] {3, "marker"}))).containsExactly(3);
  }

  @Test
  void badBytesAreSerdeErrors() {
    assertThatThrownBy(() -> codec.decode("t", "{\"B\":true}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SerdeException.class).hasMessageContaining("version byte 123");
    assertThatThrownBy(() -> codec.decode("t", new byte[] {InternalCodec.VERSION, 1}))
        .isInstanceOf(SerdeException.class).hasMessageContaining("Truncated");
    InternalCodec strings = new InternalCodec(List.of(new Column("S", SqlType.STRING, Column.Namespace.VALUE)));
    assertThatThrownBy(() -> strings.decode("t", new byte[] {InternalCodec.VERSION, 1, 100, 'x'}))
        .isInstanceOf(SerdeException.class).hasMessageContaining("Malformed length 50");
  }
}

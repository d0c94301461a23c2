package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.keys;
import static dev.sluice.engine.serde.TestColumns.row;
import static dev.sluice.engine.serde.TestColumns.text;
import static dev.sluice.engine.serde.TestColumns.utf8;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.ByteString;
import org.junit.jupiter.api.Test;

class DelimitedFormatTest {

  private static final FormatInfo CSV = FormatInfo.of("DELIMITED");
  private static final List<Column> ID_NAME_VALUE =
      values("ID", SqlType.BIGINT, "NAME", SqlType.STRING, "VALUE", SqlType.DOUBLE);

  private static String write(List<Column> cols, FormatInfo f, Object... row) {
    return text(SerdeFactory.encodeOrThrow(cols, f, false, "t", row));
  }

  private static Object[] read(List<Column> cols, FormatInfo f, String text) {
    return SerdeFactory.decodeOrThrow(cols, f, false, "t", text == null ? null : utf8(text));
  }

  private static FormatInfo delimiter(String d) {
    return FormatInfo.of("DELIMITED", Map.of("delimiter", d));
  }

  @Test
  void writesAndReadsPlainRecords() {
    assertThat(write(ID_NAME_VALUE, CSV, 0L, "zero", 0.0)).isEqualTo("0,zero,0.0");
    assertThat(read(ID_NAME_VALUE, CSV, "100,100,500")).containsExactly(100L, "100", 500.0);
    assertThat(read(ID_NAME_VALUE, CSV, "1,a,2.5\r\n")).containsExactly(1L, "a", 2.5);
  }

  @Test
  void emptyFieldsAreNulls() {
    assertThat(write(ID_NAME_VALUE, CSV, null, "a", null)).isEqualTo(",a,");
    assertThat(read(ID_NAME_VALUE, CSV, ",a,")).containsExactly(null, "a", null);
    assertThat(read(ID_NAME_VALUE, CSV, "\"\",,")).containsExactly(null, null, null);
    List<Column> one = values("V", SqlType.INTEGER);
    assertThat(write(one, CSV, (Object) null)).isEqualTo("");
    assertThat(read(one, CSV, "")).containsExactly((Object) null);
    assertThat(read(one, CSV, null)).isNull();
    assertThat(SerdeFactory.encodeOrThrow(one, CSV, false, "t", null)).isNull();
  }

  @Test
  void decimalsKeepTheColumnScale() {
    List<Column> dec = values("V", new SqlType.Decimal(33, 16));
    assertThat(read(dec, CSV, "12345678987654321.2345678987654321"))
        .containsExactly(new BigDecimal("12345678987654321.2345678987654321"));
    Object[] r = read(dec, CSV, ".12");
    assertThat(((BigDecimal) r[0]).scale()).isEqualTo(16);
    assertThat(write(dec, CSV, r)).isEqualTo("0.1200000000000000");
    assertThat(write(dec, CSV, read(dec, CSV, "\"-12345.12\""))).isEqualTo("\"-12345.1200000000000000\"");
    assertThat(write(dec, CSV, read(dec, CSV, "0"))).isEqualTo("0.0000000000000000");
    assertThat(write(values("A", SqlType.INTEGER, "V", new SqlType.Decimal(4, 2)), CSV, 1,
        new BigDecimal("-1.5"))).isEqualTo("1,-1.50");
  }

  @Test
  void quotesAsKsqlDbsCsvPrinter() {
    List<Column> three = values("A", SqlType.STRING, "B", SqlType.STRING, "C", SqlType.STRING);
    assertThat(write(three, CSV, "!", "IQ==", "!")).isEqualTo("\"!\",IQ==,\"!\"");
    assertThat(write(three, CSV, "a,b", "say \"hi\"", "x\ny")).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"x\ny\"");
    assertThat(write(three, CSV, " lead", "trail ", "-101")).isEqualTo("\" lead\",\"trail \",-101");
    assertThat(write(three, CSV, "", "", "")).isEqualTo("\"\",,");
    assertThat(write(three, CSV, "ığüş", "é", "_x")).isEqualTo("\"ığüş\",é,_x");
    assertThat(write(values("A", SqlType.BIGINT, "B", SqlType.BIGINT), CSV, -1L, -2L)).isEqualTo("\"-1\",-2");
  }

  @Test
  void readsQuotedFields() {
    List<Column> three = values("A", SqlType.STRING, "B", SqlType.STRING, "C", SqlType.STRING);
    assertThat(read(three, CSV, "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\""))
        .containsExactly("a,b", "say \"hi\"", "x\ny");
    assertThat(read(three, CSV, "a\"b,\" c \",")).containsExactly("a\"b", " c ", null);
    assertThatThrownBy(() -> read(three, CSV, "\"a\"x,b,c"))
        .hasMessage("Failed to deserialize value from topic: t. Invalid char between encapsulated token "
            + "and delimiter");
    assertThatThrownBy(() -> read(three, CSV, "\"a,b,c"))
        .hasMessage("Failed to deserialize value from topic: t. EOF reached before encapsulated token finished");
    assertThatThrownBy(() -> read(three, CSV, "a,b,c\nd,e,f"))
        .hasMessage("Failed to deserialize value from topic: t. A DELIMITED record must be a single line");
  }

  @Test
  void customDelimiters() {
    assertThat(write(ID_NAME_VALUE, delimiter("|"), 0L, "zero", 0.0)).isEqualTo("0|zero|0.0");
    assertThat(read(ID_NAME_VALUE, delimiter("|"), "0|a,b|1")).containsExactly(0L, "a,b", 1.0);
    assertThat(write(ID_NAME_VALUE, delimiter("$"), 100L, "100", 500.0)).isEqualTo("100$100$500.0");
    assertThat(write(ID_NAME_VALUE, delimiter("TAB"), 1L, "a b", 2.0)).isEqualTo("1\ta b\t2.0");
    assertThat(write(ID_NAME_VALUE, delimiter("SPACE"), 1L, "a b", 2.0)).isEqualTo("1 \"a b\" 2.0");
    assertThat(read(ID_NAME_VALUE, delimiter("SPACE"), "0 zero 0")).containsExactly(0L, "zero", 0.0);
  }

  @Test
  void otherPrimitiveTypes() {
    List<Column> cols = values("B", SqlType.BOOLEAN, "I", SqlType.INTEGER, "TS", SqlType.TIMESTAMP,
        "D", SqlType.DATE, "T", SqlType.TIME, "BY", SqlType.BYTES);
    Object[] r = read(cols, CSV, "true,-5,1589234313000,10,86399995,IQ==");
    assertThat(r).containsExactly(true, -5, 1589234313000L, 10, 86399995, new ByteString(new byte[] {0x21}));
    assertThat(write(cols, CSV, r)).isEqualTo("true,-5,1589234313000,10,86399995,IQ==");
    assertThat(read(cols, CSV, "FALSE,,,,,")).containsExactly(false, null, null, null, null, null);
    assertThat(write(values("X", SqlType.DOUBLE), CSV, 532.8738323)).isEqualTo("532.8738323");
  }

  @Test
  void badFieldsAndCountsAreErrors() {
    assertThatThrownBy(() -> read(ID_NAME_VALUE, CSV, "1,2"))
        .isInstanceOf(SerdeException.class)
        .hasMessage("Failed to deserialize value from topic: t. Column count mismatch on deserialization. "
            + "topic: t, expected: 3, got: 2");
    assertThatThrownBy(() -> read(ID_NAME_VALUE, CSV, "1,2,3,4"))
        .hasMessageEndingWith("expected: 3, got: 4");
    assertThatThrownBy(() -> read(ID_NAME_VALUE, CSV, "x,a,1"))
        .hasMessage("Failed to deserialize value from topic: t. Can't coerce string to type. "
            + "targetType: BIGINT, column: `ID`");
    assertThatThrownBy(() -> read(values("B", SqlType.BOOLEAN), CSV, "yes"))
        .hasMessageEndingWith("targetType: BOOLEAN, column: `B`");
    assertThatThrownBy(() -> read(values("D", new SqlType.Decimal(4, 2)), CSV, "1.234"))
        .hasMessageEndingWith("Cannot fit decimal into DECIMAL(4, 2) without rounding. (Requires 4,3), column: `D`");
  }

  @Test
  void singleAndMultiColumnKeys() {
    List<Column> k = keys("K", SqlType.INTEGER);
    assertThat(SerdeFactory.decodeOrThrow(k, CSV, true, "t", utf8("\"22\""))).containsExactly(22);
    assertThat(text(SerdeFactory.encodeOrThrow(k, CSV, true, "t", row(22)))).isEqualTo("22");
    assertThat(SerdeFactory.encodeOrThrow(k, CSV, true, "t", row((Object) null))).isNull();
    assertThat(SerdeFactory.decodeOrThrow(k, CSV, true, "t", null)).isNull();
    List<Column> k2 = keys("K1", SqlType.STRING, "K2", SqlType.STRING);
    assertThat(SerdeFactory.decodeOrThrow(k2, delimiter(";"), true, "t", utf8("foo,bar;baz")))
        .containsExactly("foo,bar", "baz");
    assertThat(text(SerdeFactory.encodeOrThrow(k2, CSV, true, "t", row("foo", "bar")))).isEqualTo("foo,bar");
  }

  @Test
  void complexTypesAreRejectedAtCreation() {
    ProcessingLogContext ctx = ProcessingLogContext.discarding("q");
    assertThatThrownBy(() -> SerdeFactory.keySerde(keys("K", new SqlType.Array(SqlType.DOUBLE)), CSV, ctx))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Key format does not support schema.\nformat: DELIMITED\nschema: "
            + "Persistence{columns=[`K` ARRAY<DOUBLE> KEY], features=[]}\n"
            + "reason: The 'DELIMITED' format does not support type 'ARRAY', column: `K`");
    assertThatThrownBy(() -> SerdeFactory.valueSerde(values("FOO",
        new SqlType.Struct(List.of(new SqlType.Field("F1", SqlType.DOUBLE)))), CSV, ctx))
        .hasMessageContaining("The 'DELIMITED' format does not support type 'STRUCT'");
    assertThatThrownBy(() -> SerdeFactory.valueSerde(values("M",
        new SqlType.Map(SqlType.STRING, SqlType.DOUBLE)), CSV, ctx))
        .hasMessageContaining("The 'DELIMITED' format does not support type 'MAP'");
  }

  @Test
  void wrapSingleValueTrueIsRejected() {
    assertThatThrownBy(() -> SerdeFactory.valueSerde(values("FOO", SqlType.INTEGER),
        FormatInfo.of("DELIMITED", Map.of("WRAP_SINGLE_VALUE", "true")), ProcessingLogContext.discarding("q")))
        .hasMessage("Format 'DELIMITED' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
    assertThat(write(values("FOO", SqlType.INTEGER), FormatInfo.of("DELIMITED",
        Map.of("WRAP_SINGLE_VALUE", "false")), 5)).isEqualTo("5");
  }
}

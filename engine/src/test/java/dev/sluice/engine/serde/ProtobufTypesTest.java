package dev.sluice.engine.serde;

import static dev.sluice.engine.serde.TestColumns.row;
import static dev.sluice.engine.serde.TestColumns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DECIMAL, DATE, TIME and TIMESTAMP as ksqlDB's protobuf messages, and the nullable representations. */
class ProtobufTypesTest {
  private static final FormatInfo NOSR = FormatInfo.of("PROTOBUF_NOSR");
  private static final List<Column> TEMPORAL = values("DEC", new SqlType.Decimal(6, 4), "D", SqlType.DATE,
      "T", SqlType.TIME, "TS", SqlType.TIMESTAMP);

  @Test
  void generatedSchemaUsesTheKnownMessages() {
    String text = ProtobufSchemas.of(TEMPORAL, null);
    assertThat(text).contains("import \"confluent/meta.proto\";", "import \"confluent/type/decimal.proto\";",
        "import \"google/type/date.proto\";", "import \"google/type/timeofday.proto\";",
        "import \"google/protobuf/timestamp.proto\";",
        "confluent.type.Decimal DEC = 1 [(confluent.field_meta) = { params: [{ key: \"precision\", value: \"6\" }, "
            + "{ key: \"scale\", value: \"4\" }] }];",
        "google.type.Date D = 2;", "google.type.TimeOfDay T = 3;", "google.protobuf.Timestamp TS = 4;");
  }

  @Test
  void valuesAreWrittenAsTheKnownMessages() throws Exception {
    int days = -10;
    int millis = 13 * 3_600_000 + 5 * 60_000 + 7_000 + 89;
    byte[] bytes = SerdeFactory.encodeOrThrow(TEMPORAL, NOSR, false, "t",
        row(new BigDecimal("10.5"), days, millis, 1_500L));
    Descriptor message = ProtobufSchemas.message(ProtobufSchemas.parse(ProtobufSchemas.of(TEMPORAL, null)),
        (String) null);
    DynamicMessage m = DynamicMessage.parseFrom(message, bytes);
    Message dec = (Message) m.getField(message.findFieldByName("DEC"));
    assertThat(field(dec, "value")).isEqualTo(com.google.protobuf.ByteString.copyFrom(
        java.math.BigInteger.valueOf(105000).toByteArray()));
    assertThat(field(dec, "scale")).isEqualTo(4);
    Message date = (Message) m.getField(message.findFieldByName("D"));
    assertThat(List.of(field(date, "year"), field(date, "month"), field(date, "day"))).containsExactly(1969, 12, 22);
    Message time = (Message) m.getField(message.findFieldByName("T"));
    assertThat(List.of(field(time, "hours"), field(time, "minutes"), field(time, "seconds"), field(time, "nanos")))
        .containsExactly(13, 5, 7, 89_000_000);
    Message ts = (Message) m.getField(message.findFieldByName("TS"));
    assertThat(List.of(field(ts, "seconds"), field(ts, "nanos"))).containsExactly(1L, 500_000_000);

    assertThat(SerdeFactory.decodeOrThrow(TEMPORAL, NOSR, false, "t", bytes))
        .containsExactly(new BigDecimal("10.5000"), days, millis, 1_500L);
  }

  private static Object field(Message m, String name) {
    return m.getField(m.getDescriptorForType().findFieldByName(name));
  }

  @Test
  void unsetKnownMessagesReadAsNull() {
    byte[] bytes = SerdeFactory.encodeOrThrow(TEMPORAL, NOSR, false, "t", row(null, null, null, null));
    assertThat(bytes).isEmpty();
    assertThat(SerdeFactory.decodeOrThrow(TEMPORAL, NOSR, false, "t", bytes)).containsExactly(null, null, null, null);
  }

  @Test
  void decimalPrecisionAndScaleAreInferredFromTheFieldMeta() {
    Descriptors.FileDescriptor file = ProtobufSchemas.parse("syntax = \"proto3\"; "
        + "import \"confluent/type/decimal.proto\"; import \"google/type/date.proto\"; "
        + "import \"google/type/timeofday.proto\"; import \"google/protobuf/wrappers.proto\"; "
        + "message M { confluent.type.Decimal a = 1 [deprecated = true, (confluent.field_meta) = "
        + "{ params: [{ value: \"4\", key: \"precision\" }, { value: \"2\", key: \"scale\" }]}]; "
        + "confluent.type.Decimal b = 2 [(confluent.field_meta) = { doc: \"x\" params { key: \"scale\" value: \"3\" }"
        + " params { key: \"precision\" value: \"9\" } }]; google.type.Date c = 3; google.type.TimeOfDay d = 4; "
        + "google.protobuf.Int32Value e = 5; optional string f = 6; }");
    assertThat(ProtobufSchemas.sqlType(ProtobufSchemas.message(file, (String) null), true).sql())
        .isEqualTo("STRUCT<`A` DECIMAL(4, 2), `B` DECIMAL(9, 3), `C` DATE, `D` TIME, `E` INTEGER, `F` STRING>");
  }

  @Test
  void optionalRepresentationKeepsNullsApartFromDefaults() {
    FormatInfo optional = FormatInfo.of("PROTOBUF_NOSR", Map.of(FormatInfo.NULLABLE_REPRESENTATION, "OPTIONAL"));
    List<Column> cols = values("I", SqlType.INTEGER, "S", SqlType.STRING, "B", SqlType.BOOLEAN);
    assertThat(ProtobufSchemas.of(cols, null, ProtobufSchemas.Nullable.OPTIONAL))
        .contains("optional int32 I = 1;", "optional string S = 2;", "optional bool B = 3;");
    byte[] nulls = SerdeFactory.encodeOrThrow(cols, optional, false, "t", row(null, null, null));
    assertThat(SerdeFactory.decodeOrThrow(cols, optional, false, "t", nulls)).containsExactly(null, null, null);
    byte[] defaults = SerdeFactory.encodeOrThrow(cols, optional, false, "t", row(0, "", false));
    assertThat(SerdeFactory.decodeOrThrow(cols, optional, false, "t", defaults)).containsExactly(0, "", false);
    // without a representation proto3 cannot tell them apart
    byte[] plain = SerdeFactory.encodeOrThrow(cols, NOSR, false, "t", row(null, null, null));
    assertThat(SerdeFactory.decodeOrThrow(cols, NOSR, false, "t", plain)).containsExactly(0, "", false);
  }

  @Test
  void wrapperRepresentationKeepsNullsApartFromDefaults() {
    FormatInfo wrapper = FormatInfo.of("PROTOBUF_NOSR", Map.of(FormatInfo.NULLABLE_REPRESENTATION, "WRAPPER"));
    List<Column> cols = values("L", SqlType.BIGINT, "D", SqlType.DOUBLE, "A", new SqlType.Array(SqlType.INTEGER));
    assertThat(ProtobufSchemas.of(cols, null, ProtobufSchemas.Nullable.WRAPPER))
        .contains("import \"google/protobuf/wrappers.proto\";", "google.protobuf.Int64Value L = 1;",
            "google.protobuf.DoubleValue D = 2;", "repeated int32 A = 3;");
    byte[] nulls = SerdeFactory.encodeOrThrow(cols, wrapper, false, "t", row(null, null, null));
    assertThat(SerdeFactory.decodeOrThrow(cols, wrapper, false, "t", nulls)).containsExactly(null, null, List.of());
    byte[] defaults = SerdeFactory.encodeOrThrow(cols, wrapper, false, "t", row(0L, 0.0, List.of(1)));
    assertThat(SerdeFactory.decodeOrThrow(cols, wrapper, false, "t", defaults)).containsExactly(0L, 0.0, List.of(1));
  }

  @Test
  void wrapSingleValueFalseIsRefused() {
    FormatInfo unwrapped = FormatInfo.of("PROTOBUF", Map.of(FormatInfo.WRAP_SINGLE_VALUE, "false"));
    assertThatThrownBy(() -> FormatValidator.validateValue(values("V", SqlType.INTEGER), unwrapped))
        .hasMessage("Format 'PROTOBUF' does not support 'WRAP_SINGLE_VALUE' set to 'false'.");
  }

  @Test
  void fieldsWithPresenceAndBytesReadNullWhenUnset() throws Exception {
    Descriptors.FileDescriptor file = ProtobufSchemas.parse("syntax = \"proto3\"; import \"google/protobuf/descriptor.proto\";"
        + " extend google.protobuf.FieldOptions { string note = 50000; }"
        + " message M { optional int32 a = 1; oneof choice { string b = 2; int64 c = 3; } bytes d = 4; int32 e = 5; }"
        + " service S { rpc Get (M) returns (M); }");
    Descriptor m = ProtobufSchemas.message(file, (String) null);
    List<SqlType.Field> fields = List.of(new SqlType.Field("a", SqlType.INTEGER), new SqlType.Field("b", SqlType.STRING),
        new SqlType.Field("c", SqlType.BIGINT), new SqlType.Field("d", SqlType.BYTES),
        new SqlType.Field("e", SqlType.INTEGER));
    Object[] unset = ProtobufData.structReader(m, fields).apply(DynamicMessage.getDefaultInstance(m));
    assertThat(unset).containsExactly(null, null, null, null, 0);
    DynamicMessage set = DynamicMessage.newBuilder(m).setField(m.findFieldByName("a"), 0)
        .setField(m.findFieldByName("c"), 0L).build();
    Object[] read = ProtobufData.structReader(m, fields).apply(DynamicMessage.parseFrom(m, set.toByteArray()));
    assertThat(read).containsExactly(0, null, 0L, null, 0);
  }
}

package dev.sluice.engine.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON_SR's JSON Schemas: every SQL type written as Connect writes it and read back to the same type. */
class JsonSchemasTest {
  private static final List<SqlType.Field> ALL = List.of(
      new SqlType.Field("B", SqlType.BOOLEAN), new SqlType.Field("I", SqlType.INTEGER),
      new SqlType.Field("L", SqlType.BIGINT), new SqlType.Field("D", SqlType.DOUBLE),
      new SqlType.Field("DEC", new SqlType.Decimal(6, 2)), new SqlType.Field("S", SqlType.STRING),
      new SqlType.Field("BY", SqlType.BYTES), new SqlType.Field("TS", SqlType.TIMESTAMP),
      new SqlType.Field("DT", SqlType.DATE), new SqlType.Field("TM", SqlType.TIME),
      new SqlType.Field("A", new SqlType.Array(SqlType.STRING)),
      new SqlType.Field("M", new SqlType.Map(SqlType.STRING, SqlType.BIGINT)),
      new SqlType.Field("ST", new SqlType.Struct(List.of(new SqlType.Field("X", SqlType.INTEGER)))));

  @Test
  void everyTypeRoundTrips() {
    List<Column> columns = ALL.stream().map(f -> new Column(f.name(), f.type(), Column.Namespace.VALUE)).toList();
    String schema = JsonSchemas.of(columns, true);
    assertThat(schema).contains("\"connect.index\":12", "\"connect.type\":\"int32\"",
        "\"title\":\"org.apache.kafka.connect.data.Decimal\"");
    assertThat(JsonSchemas.sqlType(schema, false)).isEqualTo(new SqlType.Struct(ALL));
  }

  @Test
  void anUnwrappedColumnIsItsNullableType() {
    String schema = JsonSchemas.of(List.of(new Column("V", SqlType.BIGINT, Column.Namespace.VALUE)), false);
    assertThat(schema).isEqualTo("{\"oneOf\":[{\"type\":\"null\"},{\"type\":\"integer\",\"connect.type\":\"int64\"}]}");
    assertThat(JsonSchemas.sqlType(schema, false)).isEqualTo(SqlType.BIGINT);
  }

  @Test
  void schemasWrittenByOthersAreRead() {
    // Without Connect's annotations, an integer is BIGINT and properties keep their order; names upper-cased.
    assertThat(JsonSchemas.sqlType("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"tags\":{\"type\":[\"array\",\"null\"],\"items\":{\"type\":\"string\"}}}}", true))
        .isEqualTo(new SqlType.Struct(List.of(new SqlType.Field("ID", SqlType.BIGINT),
            new SqlType.Field("TAGS", new SqlType.Array(SqlType.STRING)))));
    assertThatThrownBy(() -> JsonSchemas.sqlType("{\"type\":\"tuple\"}", false))
        .hasMessageContaining("unsupported JSON Schema type 'tuple'");
  }
}

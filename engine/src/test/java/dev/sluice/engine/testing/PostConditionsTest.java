package dev.sluice.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostConditionsTest {
  @Test
  void readsKsqlDbSchemaStrings() {
    assertThat(PostConditions.parseSchema("ID INT KEY, K2 INTEGER PRIMARY KEY, `v` STRUCT<FOO VARCHAR, `foo` STRING>,"
        + " R0 DECIMAL(17,0)")).containsExactly(
        new PostConditions.SchemaColumn("ID", SqlType.INTEGER, Column.Namespace.KEY),
        new PostConditions.SchemaColumn("K2", SqlType.INTEGER, Column.Namespace.KEY),
        new PostConditions.SchemaColumn("v", new SqlType.Struct(List.of(new SqlType.Field("FOO", SqlType.STRING),
            new SqlType.Field("foo", SqlType.STRING))), Column.Namespace.VALUE),
        new PostConditions.SchemaColumn("R0", new SqlType.Decimal(17, 0), Column.Namespace.VALUE));
  }
}

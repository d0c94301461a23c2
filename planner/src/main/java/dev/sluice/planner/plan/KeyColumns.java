package dev.sluice.planner.plan;

import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Expression;
import dev.sluice.parser.ast.Position;
import dev.sluice.planner.schema.SqlType;

/**
 * What every re-keying (GROUP BY, PARTITION BY, a join) checks of the key it makes, with ksqlDB's message:
 * a MAP, or a type containing one, cannot be a key, because its serialized bytes are not stable (two equal
 * maps may serialize in different orders and land in different partitions).
 */
final class KeyColumns {
  private KeyColumns() {}

  static void checkNotMap(String columnName, SqlType type, Position pos) {
    if (type.containsMap()) {
      throw SluiceException.statement(pos, "Map keys, including types that contain maps, are not supported as"
          + " they may lead to unexpected behavior due to inconsistent serialization. Key column name: `"
          + columnName + "`. Column type: " + type.sql() + ". See https://github.com/confluentinc/ksql/issues/6621"
          + " for more.");
    }
  }

  /**
   * The name ksqlDB gives the key column made of {@code key} in its messages: the column's or field's name,
   * else {@code KSQL_COL_<index>}.
   */
  static String userName(Expression key, int index) {
    if (key instanceof Expression.ColumnRef ref) {
      return ref.name();
    }
    if (key instanceof Expression.Dereference d) {
      return d.field();
    }
    return "KSQL_COL_" + index;
  }
}

package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small builders shared by the serde tests. */
final class TestColumns {

  private TestColumns() {}

  /** Value columns from alternating names and types. */
  static List<Column> values(Object... nameTypePairs) {
    return columns(Column.Namespace.VALUE, nameTypePairs);
  }

  /** Key columns from alternating names and types. */
  static List<Column> keys(Object... nameTypePairs) {
    return columns(Column.Namespace.KEY, nameTypePairs);
  }

  private static List<Column> columns(Column.Namespace ns, Object... pairs) {
    List<Column> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(new Column((String) pairs[i], (SqlType) pairs[i + 1], ns));
    }
    return out;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  static Object[] row(Object... values) {
    return values;
  }
}

package dev.sluice.engine.runtime;

/**
 * How a record with a null value (a tombstone) travels between operators. A stream forwards such records,
 * as ksqlDB does: their key columns are computed like any row's (so {@code PARTITION BY ABS(K)} re-keys
 * them) while a column computed from value columns is null (they have none), and the sink writes them with a
 * null value. A row that stands for one carries {@link #MARKER} in an
 * extra slot after its columns; a null value means "a tombstone, key columns only in the record key".
 */
final class Tombstones {
  static final Object MARKER = new Object() {
    @Override
    public String toString() {
      return "<tombstone>";
    }
  };

  private Tombstones() {}

  /** Whether {@code row}, of a schema with {@code width} columns, stands for a null value. */
  static boolean isTombstone(Object[] row, int width) {
    return row == null || row.length > width && row[width] == MARKER;
  }

  /** A row of {@code width} columns whose first key columns come from the record key, the rest null. */
  static Object[] fromKey(Object[] key, int width) {
    Object[] row = new Object[width];
    if (key != null) {
      System.arraycopy(key, 0, row, 0, Math.min(key.length, width));
    }
    return row;
  }

  /** {@code row} marked as standing for a null value. */
  static Object[] mark(Object[] row) {
    Object[] marked = java.util.Arrays.copyOf(row, row.length + 1);
    marked[row.length] = MARKER;
    return marked;
  }
}

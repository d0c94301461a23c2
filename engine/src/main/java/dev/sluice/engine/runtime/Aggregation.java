package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregate functions of an {@link Aggregate} step over {@code Object[]} states: one slot per state
 * column (COUNT: the count; SUM, MIN, MAX: the value; AVG: sum and count). States are immutable: every
 * operation returns a new array, because Kafka Streams may hold the old one as the previous value.
 */
final class Aggregation {
  private final List<Aggregate.Call> calls;
  private final int[] offsets;
  private final List<Column> stateColumns = new ArrayList<>();
  private final int keyCount;

  Aggregation(Aggregate step) {
    this.calls = step.calls();
    this.keyCount = step.keyCount();
    this.offsets = new int[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      offsets[i] = stateColumns.size();
      List<SqlType> types = AggregateFunctions.stateTypes(c.function(), c.argumentType());
      for (int j = 0; j < types.size(); j++) {
        stateColumns.add(new Column("S" + i + "_" + j, types.get(j), Column.Namespace.VALUE));
      }
    }
  }

  /** The columns of the state, as the store's serde writes them. */
  List<Column> stateColumns() {
    return stateColumns;
  }

  Object[] init() {
    Object[] s = new Object[stateColumns.size()];
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      switch (c.function()) {
        case "COUNT":
          s[offsets[i]] = 0L;
          break;
        case "SUM":
          s[offsets[i]] = zero(c.argumentType());
          break;
        case "AVG":
          s[offsets[i]] = zero(stateColumns.get(offsets[i]).type());
          s[offsets[i] + 1] = 0L;
          break;
        default:
          break;
      }
    }
    return s;
  }

  Object[] add(Object[] row, Object[] state) {
    return apply(row, state, true);
  }

  Object[] undo(Object[] row, Object[] state) {
    return apply(row, state, false);
  }

  private Object[] apply(Object[] row, Object[] state, boolean add) {
    Object[] s = state.clone();
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      int o = offsets[i];
      Object v = c.argument() < 0 ? Boolean.TRUE : row[c.argument()];
      if (v == null) {
        continue;
      }
      switch (c.function()) {
        case "COUNT":
          s[o] = (Long) s[o] + (add ? 1 : -1);
          break;
        case "SUM":
          s[o] = plus(s[o], v, add, c.argumentType());
          break;
        case "AVG":
          s[o] = plus(s[o], v, add, stateColumns.get(o).type());
          s[o + 1] = (Long) s[o + 1] + (add ? 1 : -1);
          break;
        case "MIN":
          s[o] = s[o] == null || compare(v, s[o]) < 0 ? v : s[o];
          break;
        case "MAX":
          s[o] = s[o] == null || compare(v, s[o]) > 0 ? v : s[o];
          break;
        default:
          throw new IllegalStateException(c.function());
      }
    }
    return s;
  }

  /** Two session windows' states as one. */
  Object[] merge(Object[] a, Object[] b) {
    Object[] s = a.clone();
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      int o = offsets[i];
      switch (c.function()) {
        case "COUNT":
          s[o] = (Long) a[o] + (Long) b[o];
          break;
        case "SUM":
          s[o] = plus(a[o], b[o], true, c.argumentType());
          break;
        case "AVG":
          s[o] = plus(a[o], b[o], true, stateColumns.get(o).type());
          s[o + 1] = (Long) a[o + 1] + (Long) b[o + 1];
          break;
        case "MIN":
          s[o] = a[o] == null ? b[o] : b[o] == null ? a[o] : compare(a[o], b[o]) <= 0 ? a[o] : b[o];
          break;
        case "MAX":
          s[o] = a[o] == null ? b[o] : b[o] == null ? a[o] : compare(a[o], b[o]) >= 0 ? a[o] : b[o];
          break;
        default:
          throw new IllegalStateException(c.function());
      }
    }
    return s;
  }

  /** The output row: key columns, one result per call, then the window bounds when windowed. */
  Object[] result(Object[] key, Object[] state, boolean windowed, long start, long end) {
    Object[] row = new Object[keyCount + calls.size() + (windowed ? 2 : 0)];
    if (key != null) {
      System.arraycopy(key, 0, row, 0, Math.min(keyCount, key.length));
    }
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      int o = offsets[i];
      if (c.function().equals("AVG")) {
        long count = (Long) state[o + 1];
        row[keyCount + i] = count == 0 ? 0.0 : ((Number) state[o]).doubleValue() / count;
      } else {
        row[keyCount + i] = state[o];
      }
    }
    if (windowed) {
      row[keyCount + calls.size()] = start;
      row[keyCount + calls.size() + 1] = end;
    }
    return row;
  }

  private static Object zero(SqlType type) {
    switch (type.base()) {
      case INTEGER:
        return 0;
      case BIGINT:
        return 0L;
      case DOUBLE:
        return 0.0;
      case DECIMAL:
        return BigDecimal.ZERO.setScale(((SqlType.Decimal) type).scale());
      default:
        return null;
    }
  }

  private static Object plus(Object sum, Object v, boolean add, SqlType type) {
    switch (type.base()) {
      case INTEGER: {
        int x = ((Number) v).intValue();
        return (Integer) sum + (add ? x : -x);
      }
      case BIGINT: {
        long x = ((Number) v).longValue();
        return (Long) sum + (add ? x : -x);
      }
      case DOUBLE: {
        double x = ((Number) v).doubleValue();
        return (Double) sum + (add ? x : -x);
      }
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        BigDecimal x = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        BigDecimal r = add ? ((BigDecimal) sum).add(x) : ((BigDecimal) sum).subtract(x);
        r = r.setScale(d.scale(), RoundingMode.HALF_UP);
        return r.precision() > d.precision() ? sum : r.round(new MathContext(d.precision()));
      }
      default:
        throw new IllegalStateException("Cannot sum " + type.sql());
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }
}

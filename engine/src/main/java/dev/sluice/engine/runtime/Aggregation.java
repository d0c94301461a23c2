package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.function.FunctionRegistry;
import dev.sluice.planner.plan.Aggregate;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The aggregate functions of an {@link Aggregate} step over {@code Object[]} states: each call's
 * {@link Accumulator} owns a run of state columns (COUNT: the count; AVG: sum and count; COLLECT_LIST: the
 * array; ...). States are immutable: every operation returns a new array, because Kafka Streams may hold the
 * old one as the previous value.
 */
final class Aggregation {
  private final Accumulator[] accumulators;
  private final List<Column> stateColumns = new ArrayList<>();
  private final int keyCount;
  private final ThreadLocal<Object[][]> lastKey = ThreadLocal.withInitial(() -> new Object[1][]);

  /**
   * @param functions the registry the step was planned with, which has its user-defined aggregates
   * @param errors where failures of user-defined aggregates' code go (see {@link UdafAccumulator})
   */
  Aggregation(Aggregate step, FunctionRegistry functions, BiConsumer<String, RuntimeException> errors) {
    this.keyCount = step.keyCount();
    List<Aggregate.Call> calls = step.calls();
    this.accumulators = new Accumulator[calls.size()];
    for (int i = 0; i < calls.size(); i++) {
      Aggregate.Call c = calls.get(i);
      List<SqlType> types;
      if (functions.isUserAggregate(c.function())) {
        UdafAccumulator udaf = new UdafAccumulator(c, stateColumns.size(), functions, errors);
        accumulators[i] = udaf;
        types = List.of(udaf.stateType());
      } else {
        accumulators[i] = Accumulator.of(c, stateColumns.size());
        types = AggregateFunctions.stateTypes(c.function(), c.argumentTypes(), c.literals(), c.resultType());
      }
      for (int j = 0; j < types.size(); j++) {
        stateColumns.add(new Column("S" + i + "_" + j, types.get(j), Column.Namespace.VALUE));
      }
    }
  }

  /**
   * The group key of a table's row. Kafka Streams sends a table row's change as one subtract-and-add
   * update, rather than a subtract and then an add that would each emit a result, only when the old and the
   * new row's keys are {@code equals}: {@code Object[]} keys compare by identity, so when the key has the
   * content of the one this thread made just before (the same change's other row), that instance is
   * returned again. One entry per stream thread, as a task's two calls run on one thread back to back.
   */
  Object[] tableGroupKey(Object[] row) {
    Object[] key = Arrays.copyOf(row, keyCount);
    Object[][] last = lastKey.get();
    if (last[0] != null && AggValues.equal(last[0], key)) {
      return last[0];
    }
    last[0] = key;
    return key;
  }

  /** The columns of the state, as the store's serde writes them. */
  List<Column> stateColumns() {
    return stateColumns;
  }

  Object[] init() {
    Object[] s = new Object[stateColumns.size()];
    for (Accumulator a : accumulators) {
      a.init(s);
    }
    return s;
  }

  Object[] add(Object[] row, Object[] state) {
    Object[] s = state.clone();
    for (Accumulator a : accumulators) {
      a.add(row, s);
    }
    return s;
  }

  Object[] undo(Object[] row, Object[] state) {
    Object[] s = state.clone();
    for (Accumulator a : accumulators) {
      a.undo(row, s);
    }
    return s;
  }

  /** Two session windows' states as one, {@code a} the earlier. */
  Object[] merge(Object[] a, Object[] b) {
    Object[] s = a.clone();
    for (Accumulator acc : accumulators) {
      acc.merge(a, b, s);
    }
    return s;
  }

  /** The output row: key columns, one result per call, then the window bounds when windowed. */
  Object[] result(Object[] key, Object[] state, boolean windowed, long start, long end) {
    int calls = accumulators.length;
    Object[] row = new Object[keyCount + calls + (windowed ? 2 : 0)];
    if (key != null) {
      System.arraycopy(key, 0, row, 0, Math.min(keyCount, key.length));
    }
    for (int i = 0; i < calls; i++) {
      row[keyCount + i] = accumulators[i].result(state);
    }
    if (windowed) {
      row[keyCount + calls] = start;
      row[keyCount + calls + 1] = end;
    }
    return row;
  }
}

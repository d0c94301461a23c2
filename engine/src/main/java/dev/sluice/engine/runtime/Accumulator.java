package dev.sluice.engine.runtime;

import dev.sluice.planner.aggregate.AggregateFunctions;
import dev.sluice.planner.plan.Aggregate;

/**
 * One aggregate call of an {@link Aggregation}: it owns the state slots from {@link #at} on (as many as
 * {@link AggregateFunctions#stateTypes} lists) and reads its arguments from the prepared input row.
 *
 * <p>Every method writes into a state array the caller has just copied ({@code add}, {@code undo}) or
 * created ({@code init}, {@code merge}); a slot's old value is never changed in place (lists and maps are
 * copied before they change), because Kafka Streams may still hold the previous state as the old value of
 * the update it forwards.
 */
abstract class Accumulator {
  /** The first state slot of this call. */
  final int at;

  Accumulator(int at) {
    this.at = at;
  }

  /** Writes the state of an empty group. */
  abstract void init(Object[] state);

  /** Adds the row's arguments to the state. */
  abstract void add(Object[] row, Object[] state);

  /** Takes the row's arguments back out of the state (a table's row changed or went away). */
  void undo(Object[] row, Object[] state) {
    throw new IllegalStateException(getClass().getSimpleName() + " cannot be applied to a table");
  }

  /** Writes into {@code out} the state of two merged session windows, {@code a} the earlier one. */
  abstract void merge(Object[] a, Object[] b, Object[] out);

  /** The function's result for the state. */
  Object result(Object[] state) {
    return state[at];
  }

  /** The accumulator of {@code call}, its state starting at slot {@code at}. */
  static Accumulator of(Aggregate.Call call, int at) {
    switch (call.function()) {
      case "COUNT":
      case "SUM":
      case "AVG":
      case "MIN":
      case "MAX":
      case "SUM_LIST":
      case "STDDEV_SAMP":
      case "STDDEV_SAMPLE":
      case "CORRELATION":
        return NumericAccumulators.of(call, at);
      case AggregateFunctions.COLLECT_LIST:
      case AggregateFunctions.COLLECT_SET:
      case "HISTOGRAM":
      case "ATTR":
        return CollectionAccumulators.of(call, at);
      case AggregateFunctions.TOPK:
      case AggregateFunctions.TOPKDISTINCT:
        return new TopKAccumulator(call, at);
      case AggregateFunctions.EARLIEST:
      case AggregateFunctions.LATEST:
        return OffsetAccumulators.of(call, at);
      case "COUNT_DISTINCT":
        return new CountDistinctAccumulator(call.argument(), at);
      default:
        throw new IllegalStateException("Unknown aggregate function " + call.function());
    }
  }
}

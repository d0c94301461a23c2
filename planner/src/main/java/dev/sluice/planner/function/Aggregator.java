package dev.sluice.planner.function;

/**
 * The computation of a user-defined aggregate function (UDAF), as a {@link Udaf} factory method returns it:
 * the equivalent of ksqlDB's {@code Udaf<I, A, O>}. The engine keeps one aggregate value {@code A} per group
 * (and per window) in the query's state store, and so in its changelog topic: it must be of a SQL type (see
 * {@link Udaf}), which is how it is written there and read back after a restart or a rebalance.
 *
 * <p>One instance serves every group of a query, on every stream thread: keep nothing per group in its
 * fields, only in the aggregate values. Return a new aggregate rather than changing the one received (the
 * engine hands you a copy of a list, map or struct at the top level, but not of nested ones). An exception
 * thrown for one record is written to the processing log and that record is skipped; the query continues.
 *
 * @param <I> the type of the column argument (its values may be null)
 * @param <A> the type of the aggregate value kept per group
 * @param <O> the type of the result
 */
public interface Aggregator<I, A, O> {

  /** The aggregate of a group that has no rows yet. */
  A initialize();

  /** The aggregate after {@code value} (which may be null) joined the group whose aggregate was {@code aggregate}. */
  A aggregate(I value, A aggregate);

  /**
   * The aggregate of two groups taken together: two session windows that a new row has bridged, {@code first}
   * the earlier one.
   */
  A merge(A first, A second);

  /** The function's result for an aggregate. */
  O map(A aggregate);
}

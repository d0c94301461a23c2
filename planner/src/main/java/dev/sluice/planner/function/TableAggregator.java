package dev.sluice.planner.function;

/**
 * An {@link Aggregator} that can also take a value back out of an aggregate, as ksqlDB's {@code TableUdaf}:
 * needed to aggregate a TABLE, whose rows change or go away (the old row's value is undone, then the new
 * row's aggregated). A factory method whose return type is an {@code Aggregator} but not a {@code
 * TableAggregator} makes a function that only aggregates streams.
 */
public interface TableAggregator<I, A, O> extends Aggregator<I, A, O> {

  /** The aggregate after {@code value} (which may be null) left the group whose aggregate was {@code aggregate}. */
  A undo(I value, A aggregate);
}

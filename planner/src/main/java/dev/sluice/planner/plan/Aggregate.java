package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Optional;

/**
 * GROUP BY and aggregate functions over a stream or a table. The input's first {@code keyCount} columns are
 * the group key, the others the aggregates' arguments. When {@code repartition} is set the rows are re-keyed
 * through the topic {@code <name>-GroupBy-repartition}; the aggregate state lives in the store
 * {@code <name>-Aggregate-Materialize} (names as ksqlDB gives them). The output is a table of the key
 * columns, one column per aggregate and, when windowed, WINDOWSTART and WINDOWEND.
 *
 * @param window the window, when the aggregation is windowed
 * @param emitFinal one result per window, when it closes (EMIT FINAL)
 */
public record Aggregate(String name, ExecStep input, int keyCount, boolean repartition, List<Call> calls,
    Optional<Window> window, boolean emitFinal, LogicalSchema schema) implements ExecStep {

  public Aggregate {
    window = window == null ? Optional.empty() : window;
  }

  /**
   * One aggregate function call.
   *
   * @param function COUNT, SUM, AVG, MIN or MAX
   * @param argument the input column of its argument, or -1 for COUNT(*)
   * @param argumentType the argument's type (null for COUNT(*))
   * @param resultType the type of the result column
   */
  public record Call(String function, int argument, SqlType argumentType, SqlType resultType) {}

  /** A window: TUMBLING, HOPPING or SESSION; all durations in milliseconds. */
  public record Window(String type, long sizeMs, long advanceMs, Optional<Long> retentionMs,
      Optional<Long> graceMs) {
    public Window {
      retentionMs = retentionMs == null ? Optional.empty() : retentionMs;
      graceMs = graceMs == null ? Optional.empty() : graceMs;
    }

    public boolean session() {
      return type.equals("SESSION");
    }
  }

  @Override
  public List<ExecStep> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

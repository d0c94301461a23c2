package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
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
   * One aggregate function call. The last three fields came after the first plans were written: a plan
   * without them reads back with empty lists.
   *
   * @param function the function's name, upper case (see {@code AggregateFunctions})
   * @param argument the input column of its first argument, or -1 for COUNT(*)
   * @param argumentType the first argument's type (null for COUNT(*))
   * @param resultType the type of the result column
   * @param moreArguments the input columns of its further column arguments (CORRELATION's y, TOPK's extra
   *     columns)
   * @param moreArgumentTypes their types
   * @param literals its trailing literal parameters (TOPK's k, EARLIEST_BY_OFFSET's N and ignoreNulls):
   *     Integer, Long, Boolean or String
   */
  public record Call(String function, int argument, SqlType argumentType, SqlType resultType,
      List<Integer> moreArguments, List<SqlType> moreArgumentTypes, List<Object> literals) {
    public Call {
      moreArguments = moreArguments == null ? List.of() : List.copyOf(moreArguments);
      moreArgumentTypes = moreArgumentTypes == null ? List.of() : List.copyOf(moreArgumentTypes);
      literals = literals == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(literals));
    }

    /** A call of one column argument (or none) and no literals. */
    public Call(String function, int argument, SqlType argumentType, SqlType resultType) {
      this(function, argument, argumentType, resultType, List.of(), List.of(), List.of());
    }

    /** The types of all column arguments, first to last (empty for COUNT(*)). */
    public List<SqlType> argumentTypes() {
      List<SqlType> all = new ArrayList<>();
      if (argument >= 0) {
        all.add(argumentType);
      }
      all.addAll(moreArgumentTypes);
      return all;
    }
  }

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

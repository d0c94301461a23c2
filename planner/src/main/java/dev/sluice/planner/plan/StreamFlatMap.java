package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Turns each row into zero or more rows (ksqlDB's FlatMap): the input columns at {@code listColumns} hold
 * the results of table functions (EXPLODE...), computed as lists by the Calc before; output row {@code i}
 * is the input row with each of those columns replaced by its list's element {@code i}, NULL once a
 * shorter list is exhausted. The longest list sets the number of rows, so a row whose lists are all NULL or
 * empty produces none. The key and the other columns repeat; {@link #schema()} types each list column as
 * its element type.
 */
public record StreamFlatMap(String name, ExecStep input, List<Integer> listColumns, LogicalSchema schema)
    implements ExecStep {

  public StreamFlatMap {
    listColumns = List.copyOf(listColumns);
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

package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;
import java.util.Optional;

/**
 * A filter and a projection over a table's changelog, as ksqlDB applies WHERE/HAVING and SELECT to tables:
 * a row that fails the filter becomes a delete of its key (a tombstone downstream, unless the key had no
 * row before). Expressions are SQL text over the input's columns, exactly as in {@link StreamCalc}.
 */
public record TableCalc(String name, ExecStep input, Optional<String> filter, List<StreamCalc.Projection> projections,
    LogicalSchema schema) implements ExecStep {

  /**
   * {@code step} as a table's step: a {@link StreamCalc} a planner made over a table's rows becomes the same
   * Calc over the changelog; any other step is returned as it is.
   */
  static ExecStep overTable(ExecStep step) {
    return step instanceof StreamCalc c
        ? new TableCalc(c.name(), c.input(), c.filter(), c.projections(), c.schema()) : step;
  }

  /** The same filter and projection as a {@link StreamCalc}, which is what code generation compiles. */
  public StreamCalc asStreamCalc() {
    return new StreamCalc(name, input, filter, projections, schema);
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

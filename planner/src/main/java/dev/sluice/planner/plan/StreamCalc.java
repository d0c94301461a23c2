package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;
import java.util.Optional;

/**
 * A filter and a projection fused, compiled into one class. Expressions are kept as SQL text of the dialect
 * over the input's column names: readable in EXPLAIN, stable across Calcite upgrades, and compiled again
 * identically when the query restarts.
 */
public record StreamCalc(String name, ExecStep input, Optional<String> filter, List<Projection> projections,
    LogicalSchema schema) implements ExecStep {

  /** One output column and the expression that computes it. */
  public record Projection(String name, String expression) {}

  @Override
  public List<ExecStep> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

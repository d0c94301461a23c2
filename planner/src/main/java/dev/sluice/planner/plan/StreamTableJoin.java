package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Joins each record of a stream to the row of a table with the same key, as the table is when the record
 * is processed (INNER or LEFT). Only stream records trigger output. Rows are
 * {@code [join key, stream row..., table row...]}.
 */
public record StreamTableJoin(String name, JoinType type, ExecStep left, ExecStep right, LogicalSchema schema)
    implements ExecStep {

  @Override
  public List<ExecStep> inputs() {
    return List.of(left, right);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Joins two tables on their primary keys: a change on either side updates (or deletes) the joined row of
 * that key. Rows are {@code [join key, left row..., right row...]}.
 */
public record TableTableJoin(String name, JoinType type, ExecStep left, ExecStep right, LogicalSchema schema)
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

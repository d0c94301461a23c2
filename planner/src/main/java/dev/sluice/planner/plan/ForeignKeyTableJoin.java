package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Joins each row of the left table to the row of the right table whose primary key equals the left row's
 * column {@code foreignKeyColumn} (INNER or LEFT). The result stays keyed by the left table's primary key,
 * so no side is re-partitioned; Kafka Streams keeps the subscriptions in internal topics and stores named
 * after the step. Rows are {@code [left row..., right row...]}, the left key columns first.
 */
public record ForeignKeyTableJoin(String name, JoinType type, ExecStep left, ExecStep right,
    int foreignKeyColumn, LogicalSchema schema) implements ExecStep {

  @Override
  public List<ExecStep> inputs() {
    return List.of(left, right);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Re-keys a stream (PARTITION BY): the first {@code keyCount} columns of the input row become the record
 * key, and the stream goes through a repartition topic named after the step, so that every record with
 * the same new key lands in the same partition. {@link #schema()} marks those columns KEY.
 */
public record StreamSelectKey(String name, ExecStep input, int keyCount, LogicalSchema schema)
    implements ExecStep {

  @Override
  public List<ExecStep> inputs() {
    return List.of(input);
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

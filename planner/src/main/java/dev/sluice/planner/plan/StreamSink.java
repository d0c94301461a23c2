package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/** Writes a stream to a topic: key columns as the record key, value columns as the value. */
public record StreamSink(String name, ExecStep input, String topic, Formats formats, LogicalSchema schema)
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

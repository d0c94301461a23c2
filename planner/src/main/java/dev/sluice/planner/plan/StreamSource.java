package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Reads a topic as a stream. Emits rows of the source's columns followed by the pseudo-columns
 * ROWTIME, ROWPARTITION and ROWOFFSET, which {@link #schema()} includes.
 *
 * @param sourceName the stream it reads, for DESCRIBE and EXPLAIN
 * @param sourceSchema the declared columns, which the serdes read and write
 */
public record StreamSource(String name, String sourceName, String topic, Formats formats,
    LogicalSchema sourceSchema, LogicalSchema schema) implements ExecStep {

  @Override
  public List<ExecStep> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

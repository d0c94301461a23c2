package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.catalog.TimestampColumn;
import java.util.List;
import java.util.Optional;

/**
 * Writes a stream to a topic: key columns as the record key, value columns as the value, and, when
 * {@code timestamp} names a column, that column's value as the record's timestamp.
 */
public record StreamSink(String name, ExecStep input, String topic, Formats formats, LogicalSchema schema,
    Optional<TimestampColumn> timestamp) implements ExecStep {

  public StreamSink {
    timestamp = timestamp == null ? Optional.empty() : timestamp;
  }

  public StreamSink(String name, ExecStep input, String topic, Formats formats, LogicalSchema schema) {
    this(name, input, topic, formats, schema, Optional.empty());
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

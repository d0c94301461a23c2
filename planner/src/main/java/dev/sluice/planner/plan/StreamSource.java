package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.catalog.TimestampColumn;
import java.util.List;
import java.util.Optional;

/**
 * Reads a topic as a stream. Emits rows of the source's columns followed by the pseudo-columns
 * ROWTIME, ROWPARTITION and ROWOFFSET, which {@link #schema()} includes. When the formats carry a
 * WINDOW_TYPE, the topic's keys are windowed (as Kafka Streams writes them, WINDOW_SIZE in millis for time
 * windows): the row then ends with the window's bounds WINDOWSTART and WINDOWEND, and the record keeps its
 * windowed key.
 *
 * @param sourceName the stream it reads, for DESCRIBE and EXPLAIN
 * @param sourceSchema the declared columns, which the serdes read and write
 * @param timestamp the column that gives the records their event time, if not the Kafka timestamp
 */
public record StreamSource(String name, String sourceName, String topic, Formats formats,
    LogicalSchema sourceSchema, LogicalSchema schema, Optional<TimestampColumn> timestamp) implements ExecStep {

  public StreamSource {
    timestamp = timestamp == null ? Optional.empty() : timestamp;
  }

  @Override
  public List<ExecStep> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(ExecStepVisitor<R> visitor) {
    return visitor.visit(this);
  }
}

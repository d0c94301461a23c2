package dev.sluice.planner.plan;

import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;

/**
 * Re-keys a stream (PARTITION BY, or a join on a non-key expression): the first {@code keyCount} columns
 * of the input row become the record key, and the stream goes through a repartition topic named after the
 * step, so that every record with the same new key lands in the same partition. {@link #schema()} marks
 * those columns KEY.
 *
 * @param keyFormats the format the repartition topic's keys are written in, when it matters: a join's
 *     re-keyed side must be partitioned exactly as the topic of the other side, which Kafka partitions by
 *     the bytes of the key. Null (plans before joins, PARTITION BY) means the internal format.
 */
public record StreamSelectKey(String name, ExecStep input, int keyCount, LogicalSchema schema,
    Formats keyFormats) implements ExecStep {

  /** A re-keying whose repartition topic uses the internal key format. */
  public StreamSelectKey(String name, ExecStep input, int keyCount, LogicalSchema schema) {
    this(name, input, keyCount, schema, null);
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

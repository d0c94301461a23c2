package dev.sluice.planner.plan;

import dev.sluice.planner.catalog.TimestampColumn;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.List;
import java.util.Optional;

/**
 * Reads a topic as a table (UPSERT): a record replaces the row of its key, a null value (tombstone) deletes
 * it. Rows are those of a {@link StreamSource}: the declared columns, then ROWTIME, ROWPARTITION and
 * ROWOFFSET. With {@code materialized}, the table is kept in a state store named {@code <name>-Reduce}, so
 * that updates carry their previous value (needed by aggregations over tables, and by CREATE SOURCE TABLE).
 */
public record TableSource(String name, String sourceName, String topic, Formats formats,
    LogicalSchema sourceSchema, LogicalSchema schema, Optional<TimestampColumn> timestamp, boolean materialized)
    implements ExecStep {

  public TableSource {
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

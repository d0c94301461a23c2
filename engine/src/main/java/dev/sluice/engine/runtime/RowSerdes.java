package dev.sluice.engine.runtime;

import dev.sluice.engine.serde.SchemaInference;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/** Makes the serdes of a topic's keys and values for a query; bad records go to that query's processing log. */
public interface RowSerdes {
  Serde<Object[]> key(List<Column> keyColumns, Formats formats, String queryId);

  Serde<Object[]> value(List<Column> valueColumns, Formats formats, String queryId);

  /** The serde of rows in a query's internal topics and state stores, in Sluice's binary format. */
  Serde<Object[]> internal(List<Column> columns, boolean key, String queryId);

  /**
   * The key or value columns of a topic read from its registered schema, for CREATE STREAM/TABLE without
   * columns; empty when the format keeps no schema (or a key subject does not exist).
   */
  default Optional<SchemaInference.Inferred> infer(String topic, Formats formats, boolean key) {
    return Optional.empty();
  }

  /**
   * Settles a query sink's registered schemas when its statement runs: registers the generated ones, or checks
   * that a pinned {@code *_SCHEMA_ID} holds the columns. Nothing for formats without a registry.
   */
  /** The Schema Registry of the AVRO, PROTOBUF and JSON_SR formats, if one is configured. */
  default Optional<dev.sluice.engine.serde.registry.SchemaRegistryClient> registry() {
    return Optional.empty();
  }

  default void prepareSink(String topic, List<Column> keyColumns, List<Column> valueColumns, Formats formats) {
  }
}

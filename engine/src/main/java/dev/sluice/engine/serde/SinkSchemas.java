package dev.sluice.engine.serde;

import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.engine.serde.registry.SchemaRegistryException;
import dev.sluice.planner.schema.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The Schema Registry side of a query's sink, settled when its CREATE ... AS SELECT runs, as ksqlDB does, so that
 * a sink whose schema the registry refuses fails the statement instead of its first record: without a
 * {@code *_SCHEMA_ID} the generated schema is registered under the topic's subject; with one, the pinned schema
 * must hold the query's columns, in order, with their types (it may have more fields after them, which records
 * fill with their defaults).
 */
public final class SinkSchemas {

  private SinkSchemas() {}

  /**
   * Registers or checks the schema of a sink's keys or values.
   *
   * @throws IllegalArgumentException with a message for the user when the registry is unreachable, refuses the
   *     schema, or the pinned schema does not hold the columns
   */
  public static void prepare(SchemaRegistryClient client, String topic, List<Column> columns, FormatInfo format,
      boolean key) {
    if (!format.format().usesRegistry() || columns.isEmpty()) {
      return;
    }
    if (format.schemaId().isPresent()) {
      checkPinned(client, topic, columns, format, key);
      return;
    }
    RowCodec codec = key ? SerdeFactory.keyCodec(columns, format, client)
        : SerdeFactory.valueCodec(columns, format, client);
    try {
      codec.register(topic);
    } catch (SchemaRegistryException e) {
      throw new IllegalArgumentException("Could not register schema for topic: " + e.getMessage(), e);
    }
  }

  /** ksqlDB's check of a pinned schema: each column at its position, by name and type. */
  private static void checkPinned(SchemaRegistryClient client, String topic, List<Column> columns,
      FormatInfo format, boolean key) {
    SchemaInference.Inferred inferred = SchemaInference.infer(client, topic, format, key).orElseThrow(() ->
        new IllegalArgumentException("Schema id " + format.schemaId().get() + " does not exist in the Schema "
            + "Registry"));
    List<Column> registered = inferred.columns();
    // a single unwrapped key or value has no field name in the registry: only its type counts
    boolean single = registered.size() == 1 && (key || inferred.unwrapped());
    List<Column> changed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Column r = i < registered.size() ? registered.get(i) : null;
      boolean same = r != null && r.type().equals(c.type()) && (single || r.name().equals(c.name()));
      if (!same) {
        changed.add(c);
      }
    }
    if (!changed.isEmpty()) {
      throw new IllegalArgumentException("The following " + (key ? "key" : "value") + " columns are changed, "
          + "missing or reordered: " + FormatValidator.describe(changed) + ". Schema from schema registry is "
          + FormatValidator.describe(registered));
    }
  }
}

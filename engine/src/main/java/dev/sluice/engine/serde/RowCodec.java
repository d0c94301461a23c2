package dev.sluice.engine.serde;

/**
 * Converts rows of one column list to and from one format's bytes, throwing on bad data. It is the
 * format-specific core that {@link RowSerde} wraps with null handling and processing-log reporting;
 * tests call it directly to assert exact error messages. Implementations are immutable and thread-safe.
 */
public interface RowCodec {

  /**
   * Writes a non-null row.
   *
   * @return the bytes, or null when the format writes this row as a Kafka null (e.g. a single null
   *     column in an unwrapped format)
   */
  byte[] encode(String topic, Object[] row);

  /**
   * Reads non-null bytes.
   *
   * @return the row, or null when the bytes denote no row (e.g. the JSON literal {@code null})
   * @throws SerdeException if the bytes are not a valid record of this schema
   */
  Object[] decode(String topic, byte[] bytes);

  /**
   * Registers the schema records of {@code topic} are written with, if the format keeps one in the Schema
   * Registry, so that a query's sink registers it when its statement runs rather than with its first record.
   *
   * @throws dev.sluice.engine.serde.registry.SchemaRegistryException when the registry refuses it
   */
  default void register(String topic) {
  }
}

package dev.sluice.engine.exec;

import dev.sluice.engine.env.RecordProducer;
import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.runtime.FormatSerdes;
import dev.sluice.engine.serde.RowSerde;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.catalog.DataSource;

/**
 * Writes rows into the topic of one stream or table: serialized in its key and value formats, produced
 * synchronously, so a write returns only once the topic has the record. The one place where
 * {@code INSERT INTO ... VALUES} and {@code /inserts-stream} turn rows into records; the serdes are built once
 * per writer, so a stream of inserts does not rebuild them per row.
 */
final class SourceWriter {

  /** A row that the source's formats cannot hold; the message says which source and why. */
  static final class EncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EncodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final RecordProducer producer;
  private final DataSource source;
  private final RowSerde keySerde;
  private final RowSerde valueSerde;

  /** @throws EncodeException when the source's formats cannot hold its columns */
  SourceWriter(EngineContext ctx, DataSource source) {
    this.producer = ctx.producer;
    this.source = source;
    ProcessingLogContext discard = ProcessingLogContext.discarding("none");
    // The registry formats (AVRO, PROTOBUF, JSON_SR) write with the source's registered schema
    SchemaRegistryClient registry = ctx.serdes.registry().orElse(null);
    try {
      keySerde = SerdeFactory.keySerde(source.schema().keyColumns(),
          FormatSerdes.keyFormat(Sources.formats(source)), registry, discard);
      valueSerde = SerdeFactory.valueSerde(source.schema().valueColumns(),
          FormatSerdes.valueFormat(Sources.formats(source)), registry, discard);
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  /**
   * Produces one record.
   *
   * @param keyRow the key columns' values, in schema order
   * @param valueRow the value columns' values, in schema order (header columns are not part of it)
   * @param timestamp the record's timestamp, or null for the producer's clock
   * @throws EncodeException when the formats cannot hold the values
   */
  void write(Object[] keyRow, Object[] valueRow, Long timestamp) {
    byte[][] record = encode(keyRow, valueRow);
    producer.send(source.topic(), record[0], record[1], timestamp);
  }

  /**
   * Produces one record without waiting for it to be stored; the rows are encoded before this returns.
   *
   * @return completes once the topic has the record
   * @throws EncodeException when the formats cannot hold the values
   */
  java.util.concurrent.CompletableFuture<Void> writeAsync(Object[] keyRow, Object[] valueRow, Long timestamp) {
    byte[][] record = encode(keyRow, valueRow);
    return producer.sendAsync(source.topic(), record[0], record[1], timestamp);
  }

  private byte[][] encode(Object[] keyRow, Object[] valueRow) {
    try {
      return new byte[][] {keySerde.encodeOrThrow(source.topic(), keyRow),
          valueSerde.encodeOrThrow(source.topic(), valueRow)};
    } catch (RuntimeException e) {
      throw failed(e);
    }
  }

  private EncodeException failed(RuntimeException e) {
    return new EncodeException("Failed to insert values into '" + source.name() + "'. " + e.getMessage(), e);
  }
}

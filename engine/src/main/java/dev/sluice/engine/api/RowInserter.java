package dev.sluice.engine.api;

import java.util.concurrent.CompletableFuture;

/**
 * Inserts rows into one stream: what {@code POST /inserts-stream} does with each JSON object after the first.
 * Opening it checks the target once; each row is then decoded against the stream's columns, serialized in
 * its key and value formats and sent to Kafka. Not thread-safe: one caller at a time, which keeps the rows of
 * one request in order.
 */
public interface RowInserter {

  /** The stream's name, as the catalog knows it. */
  String target();

  /**
   * Inserts one row, given as the UTF-8 bytes of a JSON object of column values ({@code {"ID": 1, "V": "a"}}),
   * without waiting for the topic: the row is read and serialized before this returns, and the future
   * completes once the record is stored (or fails with a {@link dev.sluice.error.SluiceException} when
   * producing fails). Rows inserted one after the other are stored in that order. Fields match columns by
   * exact name, else by their upper-cased name; missing columns are null; {@code ROWTIME} (epoch milliseconds
   * or ISO-8601 text) sets the record's timestamp, else the producer's clock does.
   *
   * @throws dev.sluice.error.SluiceException with {@link dev.sluice.error.ErrorCode#BAD_REQUEST} when the row
   *     is not a JSON object of values of the columns' types
   */
  CompletableFuture<Void> insert(byte[] json);
}

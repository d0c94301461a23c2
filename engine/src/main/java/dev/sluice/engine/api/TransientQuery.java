package dev.sluice.engine.api;

import java.util.List;

/** A running push query, or a pull query, as seen by the REST layer. Closing it frees its resources. */
public interface TransientQuery extends AutoCloseable {

  String id();

  List<String> columnNames();

  /** The column types as SQL text, e.g. {@code STRING}, {@code DECIMAL(26, 6)}. */
  List<String> columnTypes();

  /** ksqlDB's schema text for the {@code /query} header: {@code `A` STRING KEY, `B` BIGINT}. */
  String schema();

  boolean isPull();

  /** Whether the output is lines of text ({@link RowListener#onText}) without a header: {@code PRINT}. */
  default boolean isText() {
    return false;
  }

  @Override
  void close();
}

package dev.sluice.engine.api;

import dev.sluice.error.SluiceException;
import java.util.List;

/**
 * Receives the rows of a push or pull query. Called from a query thread, one call at a time per query;
 * implementations must not block for long (the server hands rows to the HTTP connection).
 */
public interface RowListener {

  /** One row, values in column order, as JSON-ready Java values (String, Long, BigDecimal, List, Map...). */
  void onRow(List<Object> row);

  /**
   * One line of text, for statements whose output is text rather than rows ({@code PRINT}, see
   * {@link TransientQuery#isText}).
   */
  default void onText(String line) {
    onRow(List.of(line));
  }

  /** The query ended by itself: a pull query's last row, or a push query's LIMIT. */
  void onComplete();

  /** The query failed and will send nothing more. */
  void onError(SluiceException error);
}

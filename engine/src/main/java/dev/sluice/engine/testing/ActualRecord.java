package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A record found on an output topic after a case ran, with its key and value in the JSON shapes of QTT
 * files (typed: a DOUBLE is a double node, a DECIMAL an exact decimal node).
 *
 * @param window the window of a windowed key, or null
 */
public record ActualRecord(JsonNode key, JsonNode value, long timestamp, TestCase.Window window,
    List<TestCase.Header> headers) {

  public ActualRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }
}

package dev.sluice.server.rest;

import dev.sluice.engine.api.TransientQuery;
import dev.sluice.error.SluiceException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rows of a query are framed on the wire. Each format renders the header, one row, the normal end
 * and an error after the header as text, so that {@link QueryStream} does the same thing for all three:
 * <ul>
 *   <li>{@link #DELIMITED}: {@code /query-stream}'s default, one JSON value per line, flushed per row;</li>
 *   <li>{@link #JSON_ARRAY}: {@code /query-stream} with {@code Accept: application/json}, one JSON array
 *       written at the end (for pull queries and LIMIT);</li>
 *   <li>{@link #LEGACY}: {@code /query}, ksqlDB's original chunked array of {@code header} / {@code row}
 *       objects, one per line, closed by {@code ]} when the query completes.</li>
 * </ul>
 * Rows are rendered on the query's thread, so the event loop only copies text.
 */
enum QueryFormat {

  DELIMITED(MediaTypes.DELIMITED, false) {
    @Override
    String header(TransientQuery query) {
      return Json.write(newHeader(query)) + "\n";
    }

    @Override
    String row(List<Object> row) {
      return Json.write(row) + "\n";
    }

    @Override
    String end() {
      return "";
    }

    @Override
    String error(SluiceException error) {
      return Json.write(RestError.of(error).toJson()) + "\n";
    }
  },

  JSON_ARRAY(MediaTypes.JSON, true) {
    @Override
    String header(TransientQuery query) {
      return "[" + Json.write(newHeader(query));
    }

    @Override
    String row(List<Object> row) {
      return "," + Json.write(row);
    }

    @Override
    String end() {
      return "]";
    }

    @Override
    String error(SluiceException error) {
      throw new IllegalStateException("a buffered response reports errors with an HTTP status");
    }
  },

  LEGACY(MediaTypes.JSON, false) {
    @Override
    String header(TransientQuery query) {
      Map<String, Object> header = new LinkedHashMap<>();
      header.put("queryId", query.id());
      header.put("schema", query.schema());
      return "[" + Json.write(Map.of("header", header)) + ",\n";
    }

    @Override
    String row(List<Object> row) {
      return Json.write(Map.of("row", Map.of("columns", row))) + ",\n";
    }

    @Override
    String end() {
      return Json.write(Map.of("finalMessage", "Query Completed")) + "]\n";
    }

    @Override
    String error(SluiceException error) {
      return Json.write(Map.of("errorMessage", RestError.of(error).toJson())) + "]\n";
    }
  };

  private final String contentType;
  private final boolean buffered;

  QueryFormat(String contentType, boolean buffered) {
    this.contentType = contentType;
    this.buffered = buffered;
  }

  String contentType() {
    return contentType;
  }

  /** Whether the whole response is written at the end, so that an error can still set the HTTP status. */
  boolean buffered() {
    return buffered;
  }

  abstract String header(TransientQuery query);

  abstract String row(List<Object> row);

  abstract String end();

  abstract String error(SluiceException error);

  /** {@code /query-stream}'s header object. */
  static Map<String, Object> newHeader(TransientQuery query) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("queryId", query.id());
    header.put("columnNames", query.columnNames());
    header.put("columnTypes", query.columnTypes());
    return header;
  }
}

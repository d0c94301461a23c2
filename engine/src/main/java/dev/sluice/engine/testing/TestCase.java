package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One case of a test file after {@code format} x {@code config} expansion: statements with {@code {FORMAT}}
 * replaced, the case's properties with {@code {CONFIG}} replaced, and the records and checks it carries.
 *
 * @param file the file name, for example {@code project-filter.json}
 * @param name the full case name, as ksqlDB builds it: {@code <file without .json> - <test>[ - FORMAT][ - key=value]}
 * @param statements one statement per element, in order
 * @param properties ksqlDB properties for the case, values as strings
 * @param inputs records to produce, in order
 * @param outputs expected records; only the topics named here are checked
 * @param topics the {@code topics} array as written (partitions, Schema Registry schemas), possibly empty
 * @param expectedError present for a negative case
 * @param post the {@code post} object as written, or null
 * @param enabled false when the file disables the test
 * @param invalid why the test itself is malformed (no statements, ...), or null
 * @param raw the test object as written, for classification
 */
public record TestCase(String file, String name, List<String> statements, Map<String, Object> properties,
    List<Record> inputs, List<Record> outputs, List<JsonNode> topics, Optional<ExpectedError> expectedError,
    JsonNode post, boolean enabled, String invalid, JsonNode raw) {

  public TestCase {
    statements = List.copyOf(statements);
    properties = Map.copyOf(properties);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    topics = List.copyOf(topics);
  }

  /** Whether the case expects an error rather than output records. */
  public boolean negative() {
    return expectedError.isPresent();
  }

  /** {@code positive} or {@code negative}, as reports say. */
  public String kind() {
    return negative() ? "negative" : "positive";
  }

  /**
   * A record of {@code inputs} or {@code outputs}, its key and value in the JSON shapes of QTT files.
   *
   * @param key the key as JSON, a null node when absent
   * @param value the value as JSON, a null node for a tombstone
   * @param timestamp epoch millis, or null when not given
   * @param window the window of a windowed key, or null
   * @param headers the headers in order, or null when the record does not mention them
   */
  public record Record(String topic, JsonNode key, JsonNode value, Long timestamp, Window window,
      List<Header> headers) {}

  /** A window of a windowed key; {@code session} false means a time (tumbling/hopping) window. */
  public record Window(long start, long end, boolean session) {
    public String type() {
      return session ? "session" : "time";
    }
  }

  /** A record header; the value as raw bytes (base64 in files), null for a null value. */
  public record Header(String key, byte[] value) {}

  /**
   * The {@code expectedException} of a negative case.
   *
   * @param type ksqlDB's exception class name, or null
   * @param message a substring of ksqlDB's message, or null
   * @param cause the cause's class name, or null
   * @param causeMessage a substring of the cause's message, or null
   */
  public record ExpectedError(String type, String message, String cause, String causeMessage) {

    /** Whether ksqlDB fails while processing records rather than while running a statement. */
    public boolean runtime() {
      return type != null && type.endsWith("StreamsException");
    }

    /** Whether ksqlDB's parser rejects the statement. */
    public boolean syntax() {
      return type != null && type.endsWith("ParseFailedException");
    }
  }
}

package dev.sluice.planner.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sluice.parser.ast.SourceKind;
import dev.sluice.planner.schema.LogicalSchema;
import java.util.Map;
import java.util.Optional;

/**
 * A stream or table the catalog knows: its schema, topic and formats. Immutable; the engine's metastore
 * replaces the whole record when something changes.
 *
 * @param formatProperties format options such as {@code VALUE_DELIMITER}, {@code WRAP_SINGLE_VALUE}
 * @param statement the statement text that created it, as DESCRIBE shows it
 * @param timestampColumn the column that holds each record's event time, when not the Kafka timestamp
 */
public record DataSource(String name, SourceKind kind, LogicalSchema schema, String topic, String keyFormat,
    String valueFormat, Map<String, String> formatProperties, String statement, boolean source,
    Optional<TimestampColumn> timestampColumn) {

  public DataSource {
    formatProperties = Map.copyOf(formatProperties);
    timestampColumn = timestampColumn == null ? Optional.empty() : timestampColumn;
  }

  /** A source whose records' event time is their Kafka timestamp. */
  public DataSource(String name, SourceKind kind, LogicalSchema schema, String topic, String keyFormat,
      String valueFormat, Map<String, String> formatProperties, String statement, boolean source) {
    this(name, kind, schema, topic, keyFormat, valueFormat, formatProperties, statement, source, Optional.empty());
  }

  @JsonIgnore
  public boolean isStream() {
    return kind == SourceKind.STREAM;
  }

  /** Whether the topic's keys carry a window (WINDOW_TYPE): the sink of a windowed aggregation, or declared so. */
  @JsonIgnore
  public boolean isWindowed() {
    return formatProperties.containsKey("WINDOW_TYPE");
  }
}

package dev.sluice.engine.exec;

import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.error.SluiceException;
import dev.sluice.parser.ast.Literal;
import dev.sluice.parser.ast.Node;
import dev.sluice.parser.ast.Position;
import dev.sluice.planner.catalog.TimestampColumn;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.LogicalSchema;
import dev.sluice.planner.schema.SqlType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The WITH clause of CREATE and CREATE ... AS SELECT: which properties exist, their types, and the formats
 * they describe. Unknown properties are an error, as in ksqlDB, so a typo never passes silently.
 */
final class WithClause {
  static final Set<String> CREATE = Set.of("KAFKA_TOPIC", "KEY_FORMAT", "VALUE_FORMAT", "FORMAT", "PARTITIONS",
      "REPLICAS", "RETENTION_MS", "CLEANUP_POLICY", "TIMESTAMP", "TIMESTAMP_FORMAT", "WRAP_SINGLE_VALUE",
      "VALUE_DELIMITER", "KEY_DELIMITER", "WINDOW_TYPE", "WINDOW_SIZE", "KEY_SCHEMA_ID", "VALUE_SCHEMA_ID",
      "KEY_SCHEMA_FULL_NAME", "VALUE_SCHEMA_FULL_NAME", "VALUE_AVRO_SCHEMA_FULL_NAME",
      "KEY_PROTOBUF_NULLABLE_REPRESENTATION", "VALUE_PROTOBUF_NULLABLE_REPRESENTATION");
  /** Options that describe one topic's schemas, never inherited by a query's sink. */
  static final List<String> SCHEMA_OPTIONS = List.of("KEY_SCHEMA_ID", "VALUE_SCHEMA_ID", "KEY_SCHEMA_FULL_NAME",
      "VALUE_SCHEMA_FULL_NAME", "VALUE_AVRO_SCHEMA_FULL_NAME", "KEY_PROTOBUF_NULLABLE_REPRESENTATION",
      "VALUE_PROTOBUF_NULLABLE_REPRESENTATION");
  /** CREATE ... AS SELECT: a sink's window comes from its query, never from WITH. */
  static final Set<String> CREATE_AS = CREATE.stream()
      .filter(p -> !p.equals("WINDOW_TYPE") && !p.equals("WINDOW_SIZE")).collect(java.util.stream.Collectors.toSet());
  private static final List<String> WINDOW_TYPES = List.of("SESSION", "HOPPING", "TUMBLING");

  private final Map<String, Literal> properties;
  private final Node statement;

  WithClause(Node statement, Map<String, Literal> properties, Set<String> allowed) {
    this.statement = statement;
    this.properties = properties;
    Set<String> unknown = new TreeSet<>(properties.keySet());
    unknown.removeAll(allowed);
    if (!unknown.isEmpty()) {
      throw SluiceException.statement(properties.get(unknown.iterator().next()).pos(),
          "Invalid config variable(s) in the WITH clause: " + String.join(",", unknown));
    }
  }

  /**
   * WINDOW_TYPE and WINDOW_SIZE of a source over windowed keys, as the format properties the serdes read:
   * the type upper case, the size in milliseconds (time windows only). Empty without WINDOW_TYPE.
   */
  Map<String, String> window() {
    Optional<String> type = string("WINDOW_TYPE").map(t -> t.trim().toUpperCase(Locale.ROOT));
    Optional<String> size = string("WINDOW_SIZE");
    if (type.isEmpty()) {
      if (size.isPresent()) {
        throw SluiceException.statement(pos("WINDOW_SIZE"), "WINDOW_SIZE is only valid with WINDOW_TYPE.");
      }
      return Map.of();
    }
    if (!WINDOW_TYPES.contains(type.get())) {
      throw SluiceException.statement(pos("WINDOW_TYPE"), "Configuration WINDOW_TYPE is invalid: Invalid value '"
          + string("WINDOW_TYPE").get() + "'. Valid values are: " + String.join(", ", WINDOW_TYPES));
    }
    if (type.get().equals("SESSION")) {
      if (size.isPresent()) {
        throw SluiceException.statement(pos("WINDOW_SIZE"), "WINDOW_SIZE should not be set for SESSION windows.");
      }
      return Map.of("WINDOW_TYPE", type.get());
    }
    if (size.isEmpty()) {
      throw SluiceException.statement(pos("WINDOW_TYPE"), "Tumbling and Hopping window types should set"
          + " WINDOW_SIZE in the WITH clause.");
    }
    long millis;
    try {
      millis = durationMillis(size.get());
    } catch (IllegalArgumentException e) {
      throw SluiceException.statement(pos("WINDOW_SIZE"), "Configuration WINDOW_SIZE is invalid: Invalid"
          + " duration: '" + size.get() + "'. " + e.getMessage());
    }
    return Map.of("WINDOW_TYPE", type.get(), "WINDOW_SIZE", Long.toString(millis));
  }

  /** ksqlDB's duration syntax: a whole number and a time unit, singular or plural ({@code 10 SECONDS}). */
  private static long durationMillis(String text) {
    String[] parts = text.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("Expected 2 tokens, got: " + parts.length);
    }
    long amount;
    try {
      amount = Long.parseLong(parts[0]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not numeric: '" + parts[0] + "'");
    }
    String unit = parts[1].toUpperCase(Locale.ROOT);
    java.util.concurrent.TimeUnit timeUnit;
    try {
      timeUnit = java.util.concurrent.TimeUnit.valueOf(unit.endsWith("S") ? unit : unit + "S");
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Unknown time unit: '" + unit + "'");
    }
    long millis = timeUnit.toMillis(amount);
    if (millis <= 0) {
      throw new IllegalArgumentException("A window size must be at least one millisecond.");
    }
    return millis;
  }

  Optional<String> string(String name) {
    return Optional.ofNullable(properties.get(name)).map(Literal::text);
  }

  Optional<Integer> integer(String name) {
    Literal l = properties.get(name);
    if (l == null) {
      return Optional.empty();
    }
    try {
      int value = Integer.parseInt(l.text().trim());
      if (value < 1) {
        throw new NumberFormatException();
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      throw SluiceException.statement(l.pos(), "Invalid value for " + name + ": '" + l.text()
          + "' (expected a positive integer)");
    }
  }

  /**
   * The TIMESTAMP column (and TIMESTAMP_FORMAT), checked against the schema: BIGINT or TIMESTAMP, or a
   * STRING with a format that {@code DateTimeFormatter} accepts.
   */
  Optional<TimestampColumn> timestamp(LogicalSchema schema) {
    Optional<String> format = string("TIMESTAMP_FORMAT");
    Optional<String> column = string("TIMESTAMP");
    if (column.isEmpty()) {
      if (format.isPresent()) {
        throw SluiceException.statement(pos("TIMESTAMP_FORMAT"),
            "Invalid config variable(s) in the WITH clause: TIMESTAMP_FORMAT is only valid with TIMESTAMP.");
      }
      return Optional.empty();
    }
    String name = Names.column(column.get());
    Column c = schema.find(name).orElseThrow(() -> SluiceException.statement(pos("TIMESTAMP"),
        "The TIMESTAMP column set in the WITH clause does not exist in the schema: '" + name + "'"));
    SqlType.BaseType base = c.type().base();
    boolean ok = format.isPresent() ? base == SqlType.BaseType.STRING
        : base == SqlType.BaseType.BIGINT || base == SqlType.BaseType.TIMESTAMP;
    if (!ok) {
      throw SluiceException.statement(pos("TIMESTAMP"), "Timestamp column, `" + name + "`, should be LONG(INT64),"
          + " TIMESTAMP, or a String with a timestamp_format specified.");
    }
    format.ifPresent(f -> {
      try {
        java.time.format.DateTimeFormatter.ofPattern(f, java.util.Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw SluiceException.statement(pos("TIMESTAMP_FORMAT"), "Invalid datetime format: " + f + ". "
            + e.getMessage());
      }
    });
    return Optional.of(new TimestampColumn(name, format));
  }

  /** KEY_FORMAT, else FORMAT, else {@code fallback}. */
  String keyFormat(String fallback) {
    return format("KEY_FORMAT", fallback);
  }

  /** VALUE_FORMAT, else FORMAT, else {@code fallback} (null when the statement must say it). */
  String valueFormat(String fallback) {
    String format = format("VALUE_FORMAT", fallback);
    if (format == null) {
      throw SluiceException.statement(statement.pos(),
          "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a"
              + " default via the '" + StatementProperties.DEFAULT_VALUE_FORMAT + "' config.");
    }
    return format;
  }

  private String format(String name, String fallback) {
    if (properties.containsKey(name) && properties.containsKey("FORMAT")) {
      throw SluiceException.statement(properties.get(name).pos(),
          "Cannot supply both '" + name + "' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats."
              + " Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.");
    }
    Literal l = properties.containsKey(name) ? properties.get(name) : properties.get("FORMAT");
    if (l == null) {
      return fallback;
    }
    String format = l.text().toUpperCase(Locale.ROOT);
    try {
      FormatInfo.of(format, Map.of());
    } catch (IllegalArgumentException e) {
      throw SluiceException.statement(l.pos(), e.getMessage());
    }
    return format;
  }

  /** The format options the serdes need, keyed by their WITH names. */
  Map<String, String> formatProperties(Map<String, String> inherited) {
    Map<String, String> out = new HashMap<>(inherited);
    SCHEMA_OPTIONS.forEach(out::remove);
    for (String name : List.of("VALUE_DELIMITER", "KEY_DELIMITER")) {
      string(name).ifPresent(v -> {
        try {
          FormatInfo.parseDelimiter(v);
        } catch (IllegalArgumentException e) {
          throw SluiceException.statement(pos(name), "Configuration " + name + " is invalid: " + e.getMessage());
        }
        out.put(name, v);
      });
    }
    string("WRAP_SINGLE_VALUE").ifPresent(v -> out.put("WRAP_SINGLE_VALUE", v));
    for (String name : SCHEMA_OPTIONS) {
      string(name).ifPresent(v -> out.put(name, v));
    }
    return out;
  }

  Position pos(String name) {
    Literal l = properties.get(name);
    return l == null ? statement.pos() : l.pos();
  }
}

package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks that a format can hold a key or value schema, with ksqlDB's messages, so that statements fail
 * when they are executed rather than when the first record arrives. Failures are
 * {@link IllegalArgumentException}s; the planner maps them to its statement errors.
 */
final class FormatValidator {

  private FormatValidator() {}

  static void validateKey(List<Column> columns, FormatInfo format) {
    for (Column c : columns) {
      if (c.type().containsMap()) {
        throw new IllegalArgumentException("Map keys, including types that contain maps, are not supported "
            + "as they may lead to unexpected behavior due to inconsistent serialization. Key column name: `"
            + c.name() + "`. Column type: " + c.type().sql()
            + ". See https://github.com/confluentinc/ksql/issues/6621 for more.");
      }
    }
    if (columns.isEmpty()) {
      return; // a keyless key reads and writes nothing in every format
    }
    checkFormat("Key", columns, format);
  }

  static void validateValue(List<Column> columns, FormatInfo format) {
    Optional<Boolean> wrap = format.wrapSingleValue();
    if (wrap.isPresent() && format.format() != Format.NONE) {
      if (columns.size() != 1) {
        throw new IllegalArgumentException("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
      }
      if (wrap.get() && (format.format() == Format.DELIMITED || format.format() == Format.KAFKA)) {
        throw new IllegalArgumentException("Format '" + format.name()
            + "' does not support 'WRAP_SINGLE_VALUE' set to 'true'.");
      }
      if (!wrap.get() && (format.format() == Format.PROTOBUF || format.format() == Format.PROTOBUF_NOSR)) {
        throw new IllegalArgumentException("Format '" + format.name()
            + "' does not support 'WRAP_SINGLE_VALUE' set to 'false'.");
      }
    }
    checkFormat("Value", columns, format);
  }

  private static void checkFormat(String what, List<Column> columns, FormatInfo format) {
    String reason = reason(columns, format.format());
    if (reason == null) {
      return;
    }
    if (format.format() == Format.NONE) {
      throw new IllegalArgumentException(reason);
    }
    throw new IllegalArgumentException(what + " format does not support schema.\nformat: " + format.name()
        + "\nschema: Persistence{columns=" + describe(columns) + ", features=[]}\nreason: " + reason);
  }

  /** Why the format cannot hold the columns, or null if it can. */
  private static String reason(List<Column> columns, Format format) {
    switch (format) {
      case NONE:
        return columns.isEmpty() ? null
            : "The 'NONE' format can only be used when no columns are defined. Got: " + describe(columns);
      case KAFKA:
        if (columns.size() != 1) {
          return "The 'KAFKA' format only supports a single field. Got: " + describe(columns);
        }
        SqlType type = columns.get(0).type();
        return KafkaCodec.supports(type) ? null
            : "The 'KAFKA' format does not support type '" + type.base() + "'";
      case DELIMITED:
        for (Column c : columns) {
          SqlType.BaseType base = c.type().base();
          if (base == SqlType.BaseType.ARRAY || base == SqlType.BaseType.MAP || base == SqlType.BaseType.STRUCT) {
            return "The 'DELIMITED' format does not support type '" + base + "', column: `" + c.name() + "`";
          }
        }
        return null;
      case JSON:
      case JSON_SR:
        for (Column c : columns) {
          if (hasNonStringMapKey(c.type())) {
            return "JSON only supports MAP types with STRING keys";
          }
        }
        return null;
      case PROTOBUF:
      case PROTOBUF_NOSR:
        for (Column c : columns) {
          if (hasNonStringMapKey(c.type())) {
            return "PROTOBUF format only supports MAP types with STRING keys";
          }
        }
        return null;
      case AVRO:
        return null;
      default:
        throw new IllegalStateException(format.name());
    }
  }

  /** Columns as ksqlDB lists them in messages: {@code [`K` STRING KEY, `V` INTEGER]}. */
  static String describe(List<Column> columns) {
    return columns.stream().map(c -> "`" + c.name() + "` " + c.type().sql() + (c.isKey() ? " KEY" : ""))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static boolean hasNonStringMapKey(SqlType type) {
    if (type instanceof SqlType.Map m) {
      return m.key().base() != SqlType.BaseType.STRING || hasNonStringMapKey(m.value());
    } else if (type instanceof SqlType.Array a) {
      return hasNonStringMapKey(a.element());
    } else if (type instanceof SqlType.Struct s) {
      return s.fields().stream().anyMatch(f -> hasNonStringMapKey(f.type()));
    }
    return false;
  }
}

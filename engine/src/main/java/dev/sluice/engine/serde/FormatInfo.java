package dev.sluice.engine.serde;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A key or value format as written in a WITH clause and persisted in physical plans: the format's name
 * plus its options. Built through {@link #of(String, Map)}, which validates the name and the options so
 * that the planner can reject a bad WITH clause before any query runs.
 *
 * <p>Options, keys as given by the planner (case and underscores do not matter):
 * <ul>
 *   <li>{@value #DELIMITER}: DELIMITED only; one character, or {@code TAB} / {@code SPACE}; default ','
 *   <li>{@value #WRAP_SINGLE_VALUE}: {@code true} / {@code false}; absent means the format's default
 *   <li>{@value #SCHEMA_ID}: AVRO, PROTOBUF, JSON_SR only; the registered schema records are written with
 *   <li>{@value #FULL_SCHEMA_NAME}: AVRO and PROTOBUF only; the full name of the generated record or message
 *   <li>{@value #NULLABLE_REPRESENTATION}: PROTOBUF and PROTOBUF_NOSR only; {@code OPTIONAL} or {@code WRAPPER},
 *       how generated schemas keep a null scalar apart from its default ({@code *_PROTOBUF_NULLABLE_REPRESENTATION})
 * </ul>
 *
 * @param name the format's upper-case name, one of {@link Format}
 * @param properties the options under their canonical keys; the delimiter kept as written
 *     (a single character, {@code TAB} or {@code SPACE})
 */
public record FormatInfo(@JsonProperty("name") String name,
    @JsonProperty("properties") Map<String, String> properties) {

  public static final String DELIMITER = "delimiter";
  public static final String WRAP_SINGLE_VALUE = "wrapSingleValue";
  public static final String SCHEMA_ID = "schemaId";
  public static final String FULL_SCHEMA_NAME = "fullSchemaName";
  public static final String NULLABLE_REPRESENTATION = "nullableRepresentation";

  private static final String EMPTY_DELIMITER = "Delimiter cannot be empty, if you meant to have a tab or "
      + "space for delimiter, please use the special values 'TAB' or 'SPACE'" + "\n"
      + "Example valid value: ';'";

  @JsonCreator
  public FormatInfo {
    Format format = Format.of(name);
    name = format.name();
    Map<String, String> canonical = new TreeMap<>();
    if (properties != null) {
      properties.forEach((k, v) -> put(canonical, k, v));
    }
    if (canonical.containsKey(DELIMITER) && format != Format.DELIMITED) {
      throw new IllegalArgumentException("The '" + name + "' format does not support a delimiter; "
          + "delimiters apply to the 'DELIMITED' format only");
    }
    if (canonical.containsKey(SCHEMA_ID) && !format.usesRegistry()) {
      throw new IllegalArgumentException("The '" + name + "' format does not support a schema id; "
          + "KEY_SCHEMA_ID and VALUE_SCHEMA_ID apply to the AVRO, PROTOBUF and JSON_SR formats");
    }
    if (canonical.containsKey(FULL_SCHEMA_NAME) && format != Format.AVRO && format != Format.PROTOBUF
        && format != Format.PROTOBUF_NOSR) {
      throw new IllegalArgumentException("The '" + name + "' format does not support a schema full name; "
          + "*_SCHEMA_FULL_NAME applies to the AVRO and PROTOBUF formats");
    }
    if (canonical.containsKey(NULLABLE_REPRESENTATION) && format != Format.PROTOBUF
        && format != Format.PROTOBUF_NOSR) {
      throw new IllegalArgumentException("The '" + name + "' format does not support a nullable representation; "
          + "*_PROTOBUF_NULLABLE_REPRESENTATION applies to the PROTOBUF and PROTOBUF_NOSR formats");
    }
    properties = Map.copyOf(canonical);
  }

  /** A validated format; {@code props} may be null or empty. */
  public static FormatInfo of(String name, Map<String, String> props) {
    return new FormatInfo(name, props);
  }

  /** A validated format without options. */
  public static FormatInfo of(String name) {
    return new FormatInfo(name, Map.of());
  }

  /** The format as an enum. */
  public Format format() {
    return Format.valueOf(name);
  }

  /** The DELIMITED field separator: the option, else ','. */
  public char delimiter() {
    String d = properties.get(DELIMITER);
    if (d == null) {
      return ',';
    }
    return switch (d) {
      case "TAB" -> '\t';
      case "SPACE" -> ' ';
      default -> d.charAt(0);
    };
  }

  /** The WRAP_SINGLE_VALUE option, if given. */
  public Optional<Boolean> wrapSingleValue() {
    return Optional.ofNullable(properties.get(WRAP_SINGLE_VALUE)).map(Boolean::valueOf);
  }

  /** The registered schema records are written with ({@code *_SCHEMA_ID}), if given. */
  public Optional<Integer> schemaId() {
    return Optional.ofNullable(properties.get(SCHEMA_ID)).map(Integer::valueOf);
  }

  /** The full name of the generated Avro record or protobuf message ({@code *_SCHEMA_FULL_NAME}), if given. */
  public Optional<String> fullSchemaName() {
    return Optional.ofNullable(properties.get(FULL_SCHEMA_NAME));
  }

  /** How a generated protobuf schema keeps nulls apart ({@code OPTIONAL} or {@code WRAPPER}), if given. */
  public Optional<String> nullableRepresentation() {
    return Optional.ofNullable(properties.get(NULLABLE_REPRESENTATION));
  }

  /** This format with the WRAP_SINGLE_VALUE option set or removed. */
  public FormatInfo withWrapSingleValue(Optional<Boolean> wrap) {
    Map<String, String> copy = new TreeMap<>(properties);
    copy.remove(WRAP_SINGLE_VALUE);
    wrap.ifPresent(w -> copy.put(WRAP_SINGLE_VALUE, w.toString()));
    return new FormatInfo(name, copy);
  }

  private static void put(Map<String, String> out, String key, String value) {
    String k = key.replace("_", "").toLowerCase(Locale.ROOT);
    if (k.equals("delimiter") || k.equals("valuedelimiter") || k.equals("keydelimiter")) {
      out.put(DELIMITER, parseDelimiter(value));
    } else if (k.equals("wrapsinglevalue")) {
      String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException("WRAP_SINGLE_VALUE must be true or false, got: '" + value + "'");
      }
      out.put(WRAP_SINGLE_VALUE, v);
    } else if (k.equals("schemaid") || k.equals("keyschemaid") || k.equals("valueschemaid")) {
      try {
        out.put(SCHEMA_ID, Integer.toString(Integer.parseInt(value.trim())));
      } catch (NumberFormatException | NullPointerException e) {
        throw new IllegalArgumentException("A schema id must be a whole number, got: '" + value + "'");
      }
    } else if (k.equals("fullschemaname") || k.equals("keyschemafullname") || k.equals("valueschemafullname")
        || k.equals("valueavroschemafullname")) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("A schema full name must not be empty");
      }
      out.put(FULL_SCHEMA_NAME, value.trim());
    } else if (k.equals("nullablerepresentation") || k.equals("keyprotobufnullablerepresentation")
        || k.equals("valueprotobufnullablerepresentation")) {
      String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
      if (!v.equals("OPTIONAL") && !v.equals("WRAPPER")) {
        throw new IllegalArgumentException("Invalid value for PROTOBUF_NULLABLE_REPRESENTATION: '" + value
            + "'. Valid values are: OPTIONAL, WRAPPER");
      }
      out.put(NULLABLE_REPRESENTATION, v);
    } else {
      throw new IllegalArgumentException("Unknown format property: '" + key + "'. Supported: "
          + DELIMITER + ", " + WRAP_SINGLE_VALUE + ", " + SCHEMA_ID + ", " + FULL_SCHEMA_NAME + ", "
          + NULLABLE_REPRESENTATION);
    }
  }

  /** Validates a delimiter as ksqlDB does: one non-blank character, or the names TAB and SPACE. */
  public static String parseDelimiter(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(EMPTY_DELIMITER);
    }
    if (value.equals("\"")) {
      throw new IllegalArgumentException("Invalid delimiter value: '\"'. The quote character cannot be "
          + "the delimiter");
    }
    if (value.length() == 1) {
      return value;
    }
    String upper = value.toUpperCase(Locale.ROOT);
    if (upper.equals("TAB") || upper.equals("SPACE")) {
      return upper;
    }
    throw new IllegalArgumentException("Invalid delimiter value: '" + value
        + "'. Delimiter must be a single character or [TAB, SPACE]" + "\n" + "Example valid value: ';'");
  }
}

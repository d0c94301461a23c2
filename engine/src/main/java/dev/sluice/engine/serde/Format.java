package dev.sluice.engine.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The serialization formats Sluice reads and writes, as ksqlDB names them. AVRO, PROTOBUF and JSON_SR keep their
 * schemas in a Schema Registry (and records carry the schema's id); PROTOBUF_NOSR is protobuf without one.
 */
public enum Format {
  JSON, DELIMITED, KAFKA, NONE, AVRO, PROTOBUF, JSON_SR, PROTOBUF_NOSR;

  /** Whether records carry a Schema Registry id and the format needs a registry. */
  public boolean usesRegistry() {
    return this == AVRO || this == PROTOBUF || this == JSON_SR;
  }

  /** Whether CREATE STREAM/TABLE without columns reads them from the registered schema. */
  public boolean supportsInference() {
    return usesRegistry();
  }

  /** Parses a format name case-insensitively; unknown names fail with ksqlDB's message plus the list. */
  public static Format of(String name) {
    if (name != null) {
      String upper = name.trim().toUpperCase(Locale.ROOT);
      for (Format f : values()) {
        if (f.name().equals(upper)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException("Unknown format: " + (name == null ? null : name.toUpperCase(Locale.ROOT))
        + ". Supported formats: " + supported());
  }

  /** The supported names, comma separated, for messages and docs. */
  public static String supported() {
    return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
  }
}

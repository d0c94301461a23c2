package dev.sluice.engine.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The serialization formats Sluice reads and writes, as ksqlDB names them. The registry formats (AVRO,
 * PROTOBUF, JSON_SR) are not supported yet, so naming them is an error like any unknown name.
 */
public enum Format {
  JSON, DELIMITED, KAFKA, NONE;

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

package dev.sluice.engine.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.engine.serde.registry.RegisteredSchema;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code PRINT} shows of the raw bytes of one side (keys or values) of a topic whose format nobody
 * declared: the formats that could have written every record seen so far, best guess first, as ksqlDB's
 * PRINT reports them ({@code KAFKA_STRING}, {@code JSON or KAFKA_STRING}, {@code TUMBLING(KAFKA_STRING)}...),
 * and each record in the best guess that reads it. Registry formats (Confluent wire format) are read with
 * their registered schema and shown as JSON.
 *
 * <p>Unlike ksqlDB, a windowed key is only guessed when its window start is a plausible time (before 2100),
 * so that a long string key is not taken for a shorter windowed one, 4 or 8 printable characters are text
 * rather than a KAFKA number, and bytes with control characters (numbers, registry formats) are not text.
 */
public final class PrintFormats {
  /** What ksqlDB prints while no record (or only null ones) has been seen. */
  public static final String NO_DATA = "¯\\_(ツ)_/¯ - no data processed";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final long LATEST_WINDOW_START = 4_102_444_800_000L; // 2100-01-01

  private final String topic;
  private final boolean key;
  private final SchemaRegistryClient registry;
  private final Map<Integer, Optional<Reader>> registryReaders = new HashMap<>();
  /** The readers that have read every non-null record so far, in order of preference. */
  private final List<Reader> candidates = new ArrayList<>();
  private boolean seenData;

  /**
   * @param key whether these are record keys (which may carry a window)
   * @param registry the Schema Registry to read AVRO, PROTOBUF and JSON_SR records with, or null for none
   */
  public PrintFormats(String topic, boolean key, SchemaRegistryClient registry) {
    this.topic = topic;
    this.key = key;
    this.registry = registry;
    List<Reader> plain = List.of(
        new Reader("AVRO", b -> registryText(b, "AVRO")),
        new Reader("PROTOBUF", b -> registryText(b, "PROTOBUF")),
        new Reader("JSON", PrintFormats::json),
        new Reader("JSON_SR", b -> registryText(b, "JSON")),
        new Reader("KAFKA_INT", b -> number(b, 4) ? Optional.of(String.valueOf(ByteBuffer.wrap(b).getInt()))
            : Optional.empty()),
        new Reader("KAFKA_BIGINT", b -> number(b, 8) ? Optional.of(String.valueOf(ByteBuffer.wrap(b).getLong()))
            : Optional.empty()),
        new Reader("KAFKA_DOUBLE", b -> number(b, 8)
            ? Optional.of(String.valueOf(ByteBuffer.wrap(b).getDouble())) : Optional.empty()),
        new Reader("KAFKA_STRING", b -> text(b).filter(PrintFormats::readable)));
    for (Reader reader : plain) {
      if (key) {
        candidates.add(reader.sessionWindowed());
        candidates.add(reader.timeWindowed("HOPPING"));
        candidates.add(reader.timeWindowed("TUMBLING"));
      }
      candidates.add(reader);
    }
  }

  /**
   * The record as text in the best format that reads it, narrowing the candidates to those that do;
   * {@code <null>} for a null record.
   */
  public String format(byte[] bytes) {
    if (bytes == null) {
      return "<null>";
    }
    seenData = true;
    String first = null;
    for (var it = candidates.iterator(); it.hasNext(); ) {
      Optional<String> text = it.next().read(bytes);
      if (text.isEmpty()) {
        it.remove();
      } else if (first == null) {
        first = text.get();
      }
    }
    return first != null ? first : "<bytes " + HexFormat.of().formatHex(bytes) + ">";
  }

  /** The formats that read every record so far, best first ({@code A or B}). */
  public String describe() {
    if (!seenData) {
      return NO_DATA;
    }
    return candidates.isEmpty() ? "UNRECOGNISED_BYTES"
        : String.join(" or ", candidates.stream().map(Reader::name).toList());
  }

  private Optional<String> registryText(byte[] bytes, String schemaType) {
    if (registry == null || bytes.length < 5 || bytes[0] != 0) {
      return Optional.empty();
    }
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    return registryReaders.computeIfAbsent(id, this::registryReader)
        .filter(r -> r.name().equals(schemaType))
        .flatMap(r -> r.read(bytes));
  }

  /** A reader of the records written with schema {@code id}, named by the schema's type; empty if unknown. */
  private Optional<Reader> registryReader(int id) {
    RegisteredSchema schema;
    try {
      schema = registry.byId(id);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    String format = schema.type().equals("JSON") ? "JSON_SR" : schema.type();
    FormatInfo info;
    SchemaInference.Inferred inferred;
    try {
      info = FormatInfo.of(format, Map.of(FormatInfo.SCHEMA_ID, String.valueOf(id)));
      inferred = SchemaInference.infer(registry, topic, info, key).orElseThrow();
    } catch (RuntimeException e) {
      return Optional.empty(); // a type SQL has no equivalent of: other formats may still read it
    }
    FormatInfo json = key || !inferred.unwrapped() ? FormatInfo.of("JSON")
        : FormatInfo.of("JSON", Map.of(FormatInfo.WRAP_SINGLE_VALUE, "false"));
    return Optional.of(new Reader(schema.type(), bytes -> {
      try {
        Object[] row = SerdeFactory.decodeOrThrow(inferred.columns(), info, registry, key, topic, bytes);
        byte[] written = SerdeFactory.encodeOrThrow(inferred.columns(), json, key, topic, row);
        return Optional.of(written == null ? "<null>" : new String(written, StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }));
  }

  /**
   * Whether the bytes may be a KAFKA number of {@code size} bytes. Bytes that are all printable ASCII are taken
   * for text instead (a 4-character key is far likelier than an INT of such bytes), where ksqlDB would show the
   * number.
   */
  private static boolean number(byte[] bytes, int size) {
    if (bytes.length != size) {
      return false;
    }
    for (byte b : bytes) {
      if (b < 0x20 || b > 0x7e) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether text has no control characters but line breaks and tabs: the bytes of numbers and of registry
   * formats (which start with a zero byte) often decode as UTF-8 too, and are not text.
   */
  private static boolean readable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> json(byte[] bytes) {
    Optional<String> text = text(bytes);
    if (text.isEmpty()) {
      return text;
    }
    try (JsonParser parser = JSON.createParser(text.get())) {
      JSON.readTree(parser);
      return parser.nextToken() == null ? text : Optional.empty(); // nothing may follow the JSON value
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  /** The bytes as UTF-8 text; empty for no bytes or bytes that are not UTF-8. */
  private static Optional<String> text(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return Optional.of(chars.toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** One way of reading the bytes, named as PRINT names the format. */
  private record Reader(String name, java.util.function.Function<byte[], Optional<String>> reader) {
    Optional<String> read(byte[] bytes) {
      return reader.apply(bytes);
    }

    /** A Kafka Streams time-windowed key: the key, then the window start (8 bytes). */
    Reader timeWindowed(String type) {
      return new Reader(type + "(" + name + ")", bytes -> {
        if (bytes.length <= 8) {
          return Optional.empty();
        }
        long start = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (start < 0 || start > LATEST_WINDOW_START) {
          return Optional.empty();
        }
        return read(java.util.Arrays.copyOf(bytes, bytes.length - 8)).map(k -> "[" + k + "@" + start + "/-]");
      });
    }

    /** A Kafka Streams session-windowed key: the key, then the window end and start (8 bytes each). */
    Reader sessionWindowed() {
      return new Reader("SESSION(" + name + ")", bytes -> {
        if (bytes.length <= 16) {
          return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long end = buffer.getLong(bytes.length - 16);
        long start = buffer.getLong(bytes.length - 8);
        if (start < 0 || end < start || end > LATEST_WINDOW_START) {
          return Optional.empty();
        }
        return read(java.util.Arrays.copyOf(bytes, bytes.length - 16))
            .map(k -> "[" + k + "@" + start + "/" + end + "]");
      });
    }
  }
}

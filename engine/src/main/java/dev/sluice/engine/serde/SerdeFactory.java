package dev.sluice.engine.serde;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.schema.Column;
import java.util.List;

/**
 * The single entry point for turning a key or value schema plus its format into a Kafka serde, and for
 * validating that combination when a statement is executed. Follows ksqlDB: a single-column key is
 * written unwrapped in every format, a multi-column JSON key as an object; a single-column value is
 * wrapped in JSON unless WRAP_SINGLE_VALUE=false; a row without columns (a keyless stream's key) is a
 * Kafka null in every format.
 */
public final class SerdeFactory {

  private SerdeFactory() {}

  /**
   * The serde of a key row.
   *
   * @throws IllegalArgumentException if the format cannot hold the columns (ksqlDB's message)
   */
  public static RowSerde keySerde(List<Column> keyColumns, FormatInfo format, ProcessingLogContext ctx) {
    return keySerde(keyColumns, format, null, ctx);
  }

  /**
   * The serde of a key row, in a format that may use the Schema Registry.
   *
   * @param registry the registry of the AVRO, PROTOBUF and JSON_SR formats, or null for none
   * @throws IllegalArgumentException if the format cannot hold the columns (ksqlDB's message)
   */
  public static RowSerde keySerde(List<Column> keyColumns, FormatInfo format, SchemaRegistryClient registry,
      ProcessingLogContext ctx) {
    return new RowSerde(keyCodec(keyColumns, format, registry), "key", ctx);
  }

  /**
   * The serde of a value row.
   *
   * @throws IllegalArgumentException if the format cannot hold the columns (ksqlDB's message)
   */
  public static RowSerde valueSerde(List<Column> valueColumns, FormatInfo format, ProcessingLogContext ctx) {
    return valueSerde(valueColumns, format, null, ctx);
  }

  /**
   * The serde of a value row, in a format that may use the Schema Registry.
   *
   * @param registry the registry of the AVRO, PROTOBUF and JSON_SR formats, or null for none
   * @throws IllegalArgumentException if the format cannot hold the columns (ksqlDB's message)
   */
  public static RowSerde valueSerde(List<Column> valueColumns, FormatInfo format, SchemaRegistryClient registry,
      ProcessingLogContext ctx) {
    return new RowSerde(valueCodec(valueColumns, format, registry), "value", ctx);
  }

  /**
   * The serde of rows in a query's internal topics and stores, in Sluice's binary format ({@link InternalCodec});
   * a key without columns is a Kafka null, as in {@link #keyCodec}.
   */
  public static RowSerde internalSerde(List<Column> columns, boolean key, ProcessingLogContext ctx) {
    RowCodec codec = key && columns.isEmpty() ? NoneCodec.INSTANCE : new InternalCodec(columns);
    return new RowSerde(codec, key ? "key" : "value", ctx);
  }

  /** The codec of a key row; it throws on bad data instead of logging. */
  public static RowCodec keyCodec(List<Column> keyColumns, FormatInfo format) {
    return keyCodec(keyColumns, format, null);
  }

  /** The codec of a key row; {@code registry} may be null when the format needs none. */
  public static RowCodec keyCodec(List<Column> keyColumns, FormatInfo format, SchemaRegistryClient registry) {
    validateKey(keyColumns, format);
    if (keyColumns.isEmpty()) {
      return NoneCodec.INSTANCE;
    }
    boolean wrapped = keyColumns.size() > 1;
    return switch (format.format()) {
      case JSON -> new JsonCodec(keyColumns, wrapped);
      case DELIMITED -> new DelimitedCodec(keyColumns, format.delimiter(), true);
      case KAFKA -> new KafkaCodec(keyColumns);
      case NONE -> NoneCodec.INSTANCE;
      case AVRO -> new AvroCodec(keyColumns, wrapped, format, registry, true);
      case PROTOBUF, PROTOBUF_NOSR -> new ProtobufCodec(keyColumns, wrapped, format, registry, true);
      case JSON_SR -> new JsonSrCodec(keyColumns, wrapped, format, registry, true);
      default -> throw new IllegalArgumentException("The " + format.name() + " format is not supported yet");
    };
  }

  /** The codec of a value row; it throws on bad data instead of logging. */
  public static RowCodec valueCodec(List<Column> valueColumns, FormatInfo format) {
    return valueCodec(valueColumns, format, null);
  }

  /** The codec of a value row; {@code registry} may be null when the format needs none. */
  public static RowCodec valueCodec(List<Column> valueColumns, FormatInfo format, SchemaRegistryClient registry) {
    validateValue(valueColumns, format);
    boolean wrapped = valueColumns.size() != 1 || format.wrapSingleValue().orElse(true);
    return switch (format.format()) {
      case JSON -> new JsonCodec(valueColumns, wrapped);
      case DELIMITED -> new DelimitedCodec(valueColumns, format.delimiter(), false);
      case KAFKA -> new KafkaCodec(valueColumns);
      case NONE -> NoneCodec.INSTANCE;
      case AVRO -> new AvroCodec(valueColumns, wrapped, format, registry, false);
      case PROTOBUF, PROTOBUF_NOSR -> new ProtobufCodec(valueColumns, wrapped, format, registry, false);
      case JSON_SR -> new JsonSrCodec(valueColumns, wrapped, format, registry, false);
      default -> throw new IllegalArgumentException("The " + format.name() + " format is not supported yet");
    };
  }

  /**
   * Reads a JSON object of column values, one field per column, into a row of {@code columns} in their order:
   * the rows of {@code /inserts-stream}. Fields match columns as in the JSON format (exact name, else the
   * upper-cased name), missing columns are null, values are coerced as the JSON format reads them, and
   * TIMESTAMP, DATE and TIME values may also be ISO-8601 text, as ksqlDB coerces inserted values.
   */
  public static RowCodec insertRowReader(List<Column> columns) {
    return new JsonCodec(columns, true, true);
  }

  /** Checks that the format can hold these key columns; messages as ksqlDB's. */
  public static void validateKey(List<Column> keyColumns, FormatInfo format) {
    FormatValidator.validateKey(keyColumns, format);
  }

  /** Checks that the format and its options can hold these value columns; messages as ksqlDB's. */
  public static void validateValue(List<Column> valueColumns, FormatInfo format) {
    FormatValidator.validateValue(valueColumns, format);
  }

  /**
   * Reads one record and throws on bad data, with the message the processing log would carry.
   *
   * @param key whether the bytes are a record key
   */
  public static Object[] decodeOrThrow(List<Column> columns, FormatInfo format, boolean key, String topic,
      byte[] bytes) {
    return decodeOrThrow(columns, format, null, key, topic, bytes);
  }

  /** Reads one record and throws on bad data, in a format that may use the Schema Registry. */
  public static Object[] decodeOrThrow(List<Column> columns, FormatInfo format, SchemaRegistryClient registry,
      boolean key, String topic, byte[] bytes) {
    RowCodec codec = key ? keyCodec(columns, format, registry) : valueCodec(columns, format, registry);
    return new RowSerde(codec, key ? "key" : "value", ProcessingLogContext.discarding("none"))
        .decodeOrThrow(topic, bytes);
  }

  /** Writes one row and throws on bad data; null for a null row or a row written as a Kafka null. */
  public static byte[] encodeOrThrow(List<Column> columns, FormatInfo format, boolean key, String topic,
      Object[] row) {
    return encodeOrThrow(columns, format, null, key, topic, row);
  }

  /** Writes one row and throws on bad data, in a format that may use the Schema Registry. */
  public static byte[] encodeOrThrow(List<Column> columns, FormatInfo format, SchemaRegistryClient registry,
      boolean key, String topic, Object[] row) {
    RowCodec codec = key ? keyCodec(columns, format, registry) : valueCodec(columns, format, registry);
    return new RowSerde(codec, key ? "key" : "value", ProcessingLogContext.discarding("none"))
        .encodeOrThrow(topic, row);
  }

  /**
   * Writes a PROTOBUF key as a message of its columns even when its single column is null (an empty message,
   * not a Kafka null), as producers outside ksqlDB write a key message whose field is unset.
   */
  public static byte[] encodeKeyMessageOrThrow(List<Column> columns, FormatInfo format,
      SchemaRegistryClient registry, String topic, Object[] row) {
    validateKey(columns, format);
    if (format.format() != Format.PROTOBUF && format.format() != Format.PROTOBUF_NOSR) {
      throw new IllegalArgumentException("Only PROTOBUF keys are messages: " + format.name());
    }
    return new RowSerde(new ProtobufCodec(columns, true, format, registry, true, false), "key",
        ProcessingLogContext.discarding("none")).encodeOrThrow(topic, row);
  }
}

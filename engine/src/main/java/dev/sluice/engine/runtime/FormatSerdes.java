package dev.sluice.engine.runtime;

import dev.sluice.engine.processinglog.ProcessingLogContext;
import dev.sluice.engine.processinglog.ProcessingLogger;
import dev.sluice.engine.serde.FormatInfo;
import dev.sluice.engine.serde.SchemaInference;
import dev.sluice.engine.serde.SerdeFactory;
import dev.sluice.engine.serde.SinkSchemas;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.planner.plan.Formats;
import dev.sluice.planner.schema.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * {@link RowSerdes} over the format serdes: maps a source's WITH options ({@code KEY_DELIMITER},
 * {@code VALUE_DELIMITER}, {@code WRAP_SINGLE_VALUE}) to the options of its key or value format, and gives
 * each query's serdes that query's processing log and the Schema Registry. Format errors become statement
 * errors.
 */
public final class FormatSerdes implements RowSerdes {
  private final ProcessingLogger processingLog;
  private final SchemaRegistryClient registry;

  /** Without a Schema Registry: the AVRO, PROTOBUF and JSON_SR formats are refused. */
  public FormatSerdes(ProcessingLogger processingLog) {
    this(processingLog, null);
  }

  /**
   * @param registry the Schema Registry of the AVRO, PROTOBUF and JSON_SR formats, or null for none
   */
  public FormatSerdes(ProcessingLogger processingLog, SchemaRegistryClient registry) {
    this.processingLog = processingLog;
    this.registry = registry;
  }

  /** The Schema Registry, if one is configured. */
  @Override
  public Optional<SchemaRegistryClient> registry() {
    return Optional.ofNullable(registry);
  }

  @Override
  public Serde<Object[]> key(List<Column> keyColumns, Formats formats, String queryId) {
    FormatInfo format = keyFormat(formats);
    return wrap(() -> SerdeFactory.keySerde(keyColumns, format, registry,
        ProcessingLogContext.of(queryId, processingLog)));
  }

  @Override
  public Serde<Object[]> value(List<Column> valueColumns, Formats formats, String queryId) {
    FormatInfo format = valueFormat(formats);
    return wrap(() -> SerdeFactory.valueSerde(valueColumns, format, registry,
        ProcessingLogContext.of(queryId, processingLog)));
  }

  @Override
  public Serde<Object[]> internal(List<Column> columns, boolean key, String queryId) {
    return SerdeFactory.internalSerde(columns, key, ProcessingLogContext.of(queryId, processingLog));
  }

  @Override
  public Optional<SchemaInference.Inferred> infer(String topic, Formats formats, boolean key) {
    FormatInfo format = key ? keyFormat(formats) : valueFormat(formats);
    if (!format.format().supportsInference()) {
      return Optional.empty();
    }
    return wrap(() -> SchemaInference.infer(registry, topic, format, key));
  }

  @Override
  public void prepareSink(String topic, List<Column> keyColumns, List<Column> valueColumns, Formats formats) {
    FormatInfo key = keyFormat(formats);
    FormatInfo value = valueFormat(formats);
    wrap(() -> {
      SinkSchemas.prepare(registry, topic, keyColumns, key, true);
      SinkSchemas.prepare(registry, topic, valueColumns, value, false);
      return null;
    });
  }

  public static FormatInfo keyFormat(Formats formats) {
    Map<String, String> props = new HashMap<>();
    String delimiter = formats.properties().get("KEY_DELIMITER");
    if (delimiter != null) {
      props.put(FormatInfo.DELIMITER, delimiter);
    }
    schemaOptions(formats, "KEY", formats.keyFormat(), props);
    return wrap(() -> FormatInfo.of(formats.keyFormat(), props));
  }

  public static FormatInfo valueFormat(Formats formats) {
    Map<String, String> props = new HashMap<>();
    String delimiter = formats.properties().get("VALUE_DELIMITER");
    if (delimiter != null) {
      props.put(FormatInfo.DELIMITER, delimiter);
    }
    String wrap = formats.properties().get("WRAP_SINGLE_VALUE");
    if (wrap != null) {
      props.put(FormatInfo.WRAP_SINGLE_VALUE, wrap);
    }
    schemaOptions(formats, "VALUE", formats.valueFormat(), props);
    String avroName = formats.properties().get("VALUE_AVRO_SCHEMA_FULL_NAME");
    if (avroName != null) {
      if (!"AVRO".equalsIgnoreCase(formats.valueFormat())) {
        throw new SluiceException(ErrorCode.BAD_STATEMENT, "VALUE_AVRO_SCHEMA_FULL_NAME is only valid for AVRO "
            + "format");
      }
      props.put(FormatInfo.FULL_SCHEMA_NAME, avroName);
    }
    return wrap(() -> FormatInfo.of(formats.valueFormat(), props));
  }

  /** {@code <side>_SCHEMA_ID} and {@code <side>_SCHEMA_FULL_NAME} as format options, checked as ksqlDB does. */
  private static void schemaOptions(Formats formats, String side, String format, Map<String, String> props) {
    String id = formats.properties().get(side + "_SCHEMA_ID");
    if (id != null) {
      boolean inference = wrap(() -> FormatInfo.of(format)).format().supportsInference();
      if (!inference) {
        throw new SluiceException(ErrorCode.BAD_STATEMENT, side + "_FORMAT should support schema inference when "
            + side + "_SCHEMA_ID is provided. Current format is " + format.toUpperCase(java.util.Locale.ROOT)
            + ".");
      }
      props.put(FormatInfo.SCHEMA_ID, id);
    }
    String name = formats.properties().get(side + "_SCHEMA_FULL_NAME");
    if (name != null) {
      props.put(FormatInfo.FULL_SCHEMA_NAME, name);
    }
    String nullable = formats.properties().get(side + "_PROTOBUF_NULLABLE_REPRESENTATION");
    if (nullable != null) {
      props.put(FormatInfo.NULLABLE_REPRESENTATION, nullable);
    }
  }

  private interface Make<T> {
    T make();
  }

  private static <T> T wrap(Make<T> make) {
    try {
      return make.make();
    } catch (IllegalArgumentException e) {
      throw new SluiceException(ErrorCode.BAD_STATEMENT, e.getMessage());
    }
  }
}

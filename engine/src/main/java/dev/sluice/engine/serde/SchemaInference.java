package dev.sluice.engine.serde;

import dev.sluice.engine.serde.registry.RegisteredSchema;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.engine.serde.registry.SchemaRegistryException;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Schema inference: the columns of {@code CREATE STREAM/TABLE} without columns, read from the schema registered
 * for the topic's keys or values (the latest version of {@code <topic>-key} / {@code <topic>-value}, or the schema
 * a {@code *_SCHEMA_ID} pins), as ksqlDB does. A record's fields become the value columns; any other value schema
 * becomes the single unwrapped column {@code ROWVAL}, and a key schema the single key column {@code ROWKEY}.
 * Without a pinned id, names are upper-cased, as ksqlDB's re-written statement does; with one they are kept, so
 * that they match the registered schema exactly.
 */
public final class SchemaInference {

  private SchemaInference() {}

  /**
   * The inferred columns.
   *
   * @param columns the key or value columns, in the schema's order
   * @param schemaId the id of the schema they come from
   * @param unwrapped whether the value is a single unwrapped column (a non-record schema, or WRAP_SINGLE_VALUE=false)
   */
  public record Inferred(List<Column> columns, int schemaId, boolean unwrapped) {}

  /**
   * Reads the columns from the registry.
   *
   * @return empty for a key whose subject does not exist (the source is then keyless)
   * @throws IllegalArgumentException with a message for the user: no registry, no such subject or id, a schema
   *     of another format, or a type SQL has no equivalent of
   */
  public static Optional<Inferred> infer(SchemaRegistryClient client, String topic, FormatInfo format,
      boolean key) {
    if (client == null) {
      throw new IllegalArgumentException("Schema inference for the " + format.name() + " format needs a Schema "
          + "Registry: set ksql.schema.registry.url in the server's configuration, or declare the columns");
    }
    String subject = topic + (key ? "-key" : "-value");
    Optional<Integer> pinned = format.schemaId();
    RegisteredSchema schema;
    try {
      if (pinned.isPresent()) {
        schema = client.byId(pinned.get());
      } else {
        Optional<RegisteredSchema> latest = client.latest(subject);
        if (latest.isEmpty()) {
          if (key) {
            return Optional.empty();
          }
          throw new IllegalArgumentException("Schema for message " + (key ? "keys" : "values") + " on topic '"
              + topic + "' does not exist in the Schema Registry.\nSubject: " + subject + "\n\nPossible causes "
              + "include:\n- The topic itself does not exist\n\t-> Use SHOW TOPICS; to check\n- Messages on the "
              + "topic are not serialized using a format Schema Registry supports\n\t-> Use PRINT '" + topic
              + "' FROM BEGINNING; to verify\n- The schema is registered on a different instance of the Schema "
              + "Registry\n\t-> Use the REST API to list available subjects");
        }
        schema = latest.get();
      }
    } catch (SchemaRegistryException e) {
      if (e.kind() == SchemaRegistryException.Kind.NOT_FOUND && pinned.isPresent()) {
        throw new IllegalArgumentException("Schema id " + pinned.get() + " (" + (key ? "KEY" : "VALUE")
            + "_SCHEMA_ID) does not exist in the Schema Registry", e);
      }
      throw new IllegalArgumentException("Could not read the schema of subject '" + subject + "': "
          + e.getMessage(), e);
    }
    String expected = format.format() == Format.JSON_SR ? "JSON" : format.name();
    if (!schema.type().equals(expected)) {
      throw new IllegalArgumentException("The schema of subject '" + subject + "' (id " + schema.id() + ") is a "
          + schema.type() + " schema, but the " + (key ? "key" : "value") + " format is " + format.name());
    }
    boolean upperCase = pinned.isEmpty();
    SqlType type = sqlType(client, schema, format, upperCase);
    String single = key ? "ROWKEY" : "ROWVAL";
    Column.Namespace ns = key ? Column.Namespace.KEY : Column.Namespace.VALUE;
    // A protobuf key is always a message: its fields are the key columns.
    boolean protobufKey = key && format.format() == Format.PROTOBUF && type instanceof SqlType.Struct s
        && !s.fields().isEmpty();
    boolean unwrap = !protobufKey && (key || !(type instanceof SqlType.Struct)
        || format.wrapSingleValue().equals(Optional.of(false)));
    List<Column> columns = new ArrayList<>();
    if (unwrap) {
      columns.add(new Column(single, type, ns));
    } else {
      for (SqlType.Field f : ((SqlType.Struct) type).fields()) {
        columns.add(new Column(f.name(), f.type(), ns));
      }
    }
    return Optional.of(new Inferred(columns, schema.id(), !key && unwrap));
  }

  private static SqlType sqlType(SchemaRegistryClient client, RegisteredSchema schema, FormatInfo info,
      boolean upperCase) {
    Format format = info.format();
    switch (format) {
      case AVRO:
        try {
          return AvroSchemas.sqlType(new Schema.Parser().parse(schema.schema()), upperCase);
        } catch (SchemaParseException e) {
          throw new IllegalArgumentException("The registered Avro schema (id " + schema.id() + ") is invalid: "
              + e.getMessage(), e);
        }
      case PROTOBUF:
        try {
          return ProtobufSchemas.sqlType(ProtobufSchemas.message(ProtobufSchemas.parse(client, schema),
              info.fullSchemaName().orElse(null)), upperCase);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("The registered protobuf schema (id " + schema.id() + ") cannot be "
              + "read: " + e.getMessage(), e);
        }
      case JSON_SR:
        try {
          return JsonSchemas.sqlType(schema.schema(), upperCase);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("The registered JSON schema (id " + schema.id() + ") cannot be read: "
              + e.getMessage(), e);
        }
      default:
        throw new IllegalArgumentException("Schema inference is not supported for the " + format.name()
            + " format yet");
    }
  }
}

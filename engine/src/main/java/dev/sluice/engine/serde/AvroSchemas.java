package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * ksqlDB's mapping between SQL types and Avro schemas, both ways. Writing, every column and nested field is an
 * optional union {@code ["null", T]} with a null default; the row is the record
 * {@code io.confluent.ksql.avro_schemas.KsqlDataSourceSchema} (or {@code VALUE_AVRO_SCHEMA_FULL_NAME}), nested
 * records are named after their path ({@code KsqlDataSourceSchema_ADDRESS}); DECIMAL is {@code bytes} with the
 * {@code decimal} logical type, TIMESTAMP / DATE / TIME the {@code timestamp-millis} / {@code date} /
 * {@code time-millis} logical types; a MAP with STRING keys an Avro map, any other MAP an array of
 * {@code {key, value}} records, as Kafka Connect writes them. An unwrapped single column is its bare type.
 * Reading (schema inference), an enum is a STRING, a fixed BYTES, a float a DOUBLE, an optional union its
 * branch, a decimal without precision DECIMAL(64, scale), and such an array of entry records a MAP again.
 */
public final class AvroSchemas {
  public static final String DEFAULT_NAMESPACE = "io.confluent.ksql.avro_schemas";
  public static final String DEFAULT_NAME = DEFAULT_NAMESPACE + ".KsqlDataSourceSchema";
  private static final Schema NULL = Schema.create(Schema.Type.NULL);

  private AvroSchemas() {}

  /**
   * The Avro schema of a row.
   *
   * @param wrapped whether the row is a record of its columns; false requires one column, written bare
   * @param fullName the record's full name, null for the default
   * @throws IllegalArgumentException {@code Schema is not compatible with Avro: ...} for names Avro rejects
   */
  public static Schema of(List<Column> columns, boolean wrapped, String fullName) {
    String name = fullName == null ? DEFAULT_NAME : fullName;
    try {
      if (!wrapped) {
        return schema(columns.get(0).type(), name, false);
      }
      List<Schema.Field> fields = new ArrayList<>();
      for (Column c : columns) {
        fields.add(new Schema.Field(c.name(), schema(c.type(), name + "_" + c.name(), true), null,
            Schema.Field.NULL_DEFAULT_VALUE));
      }
      return record(name, fields);
    } catch (SchemaParseException e) {
      throw new IllegalArgumentException("Schema is not compatible with Avro: " + e.getMessage(), e);
    }
  }

  private static Schema record(String fullName, List<Schema.Field> fields) {
    int dot = fullName.lastIndexOf('.');
    Schema record = dot < 0 ? Schema.createRecord(fullName, null, null, false)
        : Schema.createRecord(fullName.substring(dot + 1), null, fullName.substring(0, dot), false);
    record.setFields(fields);
    record.addProp("connect.name", fullName);
    return record;
  }

  private static Schema schema(SqlType type, String name, boolean optional) {
    Schema s = switch (type.base()) {
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case INTEGER -> Schema.create(Schema.Type.INT);
      case BIGINT -> Schema.create(Schema.Type.LONG);
      case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
      case STRING -> Schema.create(Schema.Type.STRING);
      case BYTES -> Schema.create(Schema.Type.BYTES);
      case DECIMAL -> {
        SqlType.Decimal d = (SqlType.Decimal) type;
        Schema bytes = Schema.create(Schema.Type.BYTES);
        bytes.addProp("connect.version", 1);
        // Ordered as Connect writes it: the schema text, and so its registered version, must not vary by JVM.
        java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
        parameters.put("scale", Integer.toString(d.scale()));
        parameters.put("connect.decimal.precision", Integer.toString(d.precision()));
        bytes.addProp("connect.parameters", parameters);
        bytes.addProp("connect.name", "org.apache.kafka.connect.data.Decimal");
        yield LogicalTypes.decimal(d.precision(), d.scale()).addToSchema(bytes);
      }
      case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME -> LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
      case ARRAY -> Schema.createArray(schema(((SqlType.Array) type).element(), name, true));
      case MAP -> {
        SqlType.Map m = (SqlType.Map) type;
        if (m.key().base() == SqlType.BaseType.STRING) {
          yield Schema.createMap(schema(m.value(), name, true));
        }
        yield Schema.createArray(record(name + "_MapEntry", List.of(
            new Schema.Field("key", schema(m.key(), name + "_key", true), null, Schema.Field.NULL_DEFAULT_VALUE),
            new Schema.Field("value", schema(m.value(), name + "_value", true), null,
                Schema.Field.NULL_DEFAULT_VALUE))));
      }
      case STRUCT -> {
        List<Schema.Field> fields = new ArrayList<>();
        for (SqlType.Field f : ((SqlType.Struct) type).fields()) {
          fields.add(new Schema.Field(f.name(), schema(f.type(), name + "_" + f.name(), true), null,
              Schema.Field.NULL_DEFAULT_VALUE));
        }
        yield record(name, fields);
      }
    };
    return optional ? Schema.createUnion(NULL, s) : s;
  }

  // ------------------------------------------------------------------ inference

  /**
   * The SQL type of an Avro schema, for schema inference.
   *
   * @param upperCase whether field names are upper-cased, as ksqlDB does when no schema id is given
   * @throws IllegalArgumentException for what SQL has no type for (a union of several types, null)
   */
  public static SqlType sqlType(Schema schema, boolean upperCase) {
    LogicalType logical = schema.getLogicalType();
    switch (schema.getType()) {
      case BOOLEAN:
        return SqlType.BOOLEAN;
      case INT:
        if (logical != null && logical.getName().equals("date")) {
          return SqlType.DATE;
        }
        if (logical != null && logical.getName().equals("time-millis")) {
          return SqlType.TIME;
        }
        return SqlType.INTEGER;
      case LONG:
        if (logical != null && logical.getName().equals("timestamp-millis")) {
          return SqlType.TIMESTAMP;
        }
        return SqlType.BIGINT;
      case FLOAT:
      case DOUBLE:
        return SqlType.DOUBLE;
      case STRING:
      case ENUM:
        return SqlType.STRING;
      case BYTES:
      case FIXED:
        if (logical instanceof LogicalTypes.Decimal d || isDecimal(schema)) {
          return decimal(schema);
        }
        return SqlType.BYTES;
      case ARRAY:
        Schema items = nonNull(schema.getElementType());
        if (isMapEntry(items)) {
          return new SqlType.Map(sqlType(nonNull(items.getField("key").schema()), upperCase),
              sqlType(nonNull(items.getField("value").schema()), upperCase));
        }
        return new SqlType.Array(sqlType(items, upperCase));
      case MAP:
        return new SqlType.Map(SqlType.STRING, sqlType(nonNull(schema.getValueType()), upperCase));
      case RECORD:
        List<SqlType.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
          fields.add(new SqlType.Field(upperCase ? f.name().toUpperCase(Locale.ROOT) : f.name(),
              sqlType(nonNull(f.schema()), upperCase)));
        }
        return new SqlType.Struct(fields);
      case UNION:
        return sqlType(nonNull(schema), upperCase);
      default:
        throw new IllegalArgumentException("Unsupported Avro type: " + schema.getType().getName());
    }
  }

  /** The branch of an optional union {@code ["null", T]}; the schema itself when it is no union. */
  static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    Schema branch = null;
    for (Schema s : schema.getTypes()) {
      if (s.getType() != Schema.Type.NULL) {
        if (branch != null) {
          throw new IllegalArgumentException("Unsupported Avro union of several types: " + schema);
        }
        branch = s;
      }
    }
    if (branch == null) {
      throw new IllegalArgumentException("Unsupported Avro type: null");
    }
    return branch;
  }

  /** Kafka Connect's way of writing a map with non-string keys: an array of records with {@code key} and {@code value}. */
  static boolean isMapEntry(Schema items) {
    return items.getType() == Schema.Type.RECORD && items.getFields().size() == 2
        && items.getField("key") != null && items.getField("value") != null
        && (items.getName().endsWith("MapEntry") || "io.confluent.connect.avro.MapEntry".equals(items.getFullName()));
  }

  private static boolean isDecimal(Schema schema) {
    return "decimal".equals(schema.getProp("logicalType"));
  }

  private static SqlType.Decimal decimal(Schema schema) {
    if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
      return new SqlType.Decimal(d.getPrecision(), d.getScale());
    }
    Object precision = schema.getObjectProp("precision");
    Object scale = schema.getObjectProp("scale");
    return new SqlType.Decimal(precision instanceof Number p ? p.intValue() : 64,
        scale instanceof Number s ? s.intValue() : 0);
  }
}

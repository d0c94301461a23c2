package dev.sluice.engine.serde;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.sluice.engine.serde.registry.RegisteredSchema;
import dev.sluice.engine.serde.registry.SchemaReference;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ksqlDB's mapping between SQL types and protobuf schemas. Writing, the row is the proto3 message
 * {@code ConnectDefault1} (or {@code *_SCHEMA_FULL_NAME}) with one field per column numbered in order, a STRUCT a
 * nested message, an ARRAY a {@code repeated} field, a MAP a {@code map<K, V>}, TIMESTAMP
 * {@code google.protobuf.Timestamp}; the schema is kept as .proto text, as registries keep it. Reading (schema
 * inference), the unsigned and 64-bit integers are BIGINT, a float DOUBLE, an enum STRING, a repeated field an
 * ARRAY, a map field a MAP, {@code google.protobuf.Timestamp} a TIMESTAMP and any other message a STRUCT.
 */
final class ProtobufSchemas {
  static final String DEFAULT_NAME = "ConnectDefault1";
  private static final Map<String, Descriptors.FileDescriptor> WELL_KNOWN = Map.of(
      "google/protobuf/timestamp.proto", com.google.protobuf.TimestampProto.getDescriptor(),
      "google/protobuf/duration.proto", com.google.protobuf.DurationProto.getDescriptor(),
      "google/protobuf/wrappers.proto", com.google.protobuf.WrappersProto.getDescriptor(),
      "google/protobuf/struct.proto", com.google.protobuf.StructProto.getDescriptor(),
      "google/protobuf/empty.proto", com.google.protobuf.EmptyProto.getDescriptor(),
      "google/protobuf/any.proto", com.google.protobuf.AnyProto.getDescriptor());

  private ProtobufSchemas() {}

  /**
   * The .proto text of a row's message: wrapped, one field per column; unwrapped, the single column's value as the
   * message's only field.
   *
   * @throws IllegalArgumentException for types protobuf cannot hold here
   */
  static String of(List<Column> columns, String fullName) {
    String name = fullName == null ? DEFAULT_NAME : fullName;
    String pkg = null;
    int dot = name.lastIndexOf('.');
    if (dot >= 0) {
      pkg = name.substring(0, dot);
      name = name.substring(dot + 1);
    }
    StringBuilder sb = new StringBuilder("syntax = \"proto3\";\n");
    if (pkg != null) {
      sb.append("package ").append(pkg).append(";\n");
    }
    boolean timestamp = columns.stream().anyMatch(c -> uses(c.type(), SqlType.BaseType.TIMESTAMP));
    if (timestamp) {
      sb.append("\nimport \"google/protobuf/timestamp.proto\";\n");
    }
    sb.append('\n');
    List<SqlType.Field> fields = columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList();
    message(sb, name, fields, "", new int[] {1});
    return sb.toString();
  }

  /** Writes a message; nested messages are named ConnectDefault2, 3, ... as Kafka Connect names them. */
  private static void message(StringBuilder sb, String name, List<SqlType.Field> fields, String indent,
      int[] counter) {
    sb.append(indent).append("message ").append(name).append(" {\n");
    int number = 1;
    for (SqlType.Field f : fields) {
      String type = fieldType(sb, f, indent + "  ", counter);
      sb.append(indent).append("  ").append(type).append(' ').append(f.name()).append(" = ").append(number++)
          .append(";\n");
    }
    sb.append(indent).append("}\n");
  }

  /** The type of a field, writing the nested messages it needs first. */
  private static String fieldType(StringBuilder sb, SqlType.Field f, String indent, int[] counter) {
    SqlType type = f.type();
    if (type instanceof SqlType.Array a) {
      if (a.element() instanceof SqlType.Array || a.element() instanceof SqlType.Map) {
        throw new IllegalArgumentException("PROTOBUF cannot hold nested collections: " + type.sql());
      }
      return "repeated " + fieldType(sb, new SqlType.Field(f.name(), a.element()), indent, counter);
    }
    if (type instanceof SqlType.Map m) {
      if (m.value() instanceof SqlType.Array || m.value() instanceof SqlType.Map) {
        throw new IllegalArgumentException("PROTOBUF cannot hold nested collections: " + type.sql());
      }
      return "map<" + scalar(m.key()) + ", " + fieldType(sb, new SqlType.Field(f.name(), m.value()), indent, counter)
          + ">";
    }
    if (type instanceof SqlType.Struct s) {
      String nested = DEFAULT_NAME.substring(0, DEFAULT_NAME.length() - 1) + (++counter[0]);
      StringBuilder inner = new StringBuilder();
      message(inner, nested, s.fields(), indent, counter);
      sb.append(inner);
      return nested;
    }
    return scalar(type);
  }

  private static String scalar(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> "bool";
      case INTEGER -> "int32";
      case BIGINT -> "int64";
      case DOUBLE -> "double";
      case STRING -> "string";
      case BYTES -> "bytes";
      case TIMESTAMP -> "google.protobuf.Timestamp";
      default -> throw new IllegalArgumentException("The PROTOBUF format does not support type '" + type.base()
          + "' yet");
    };
  }

  private static boolean uses(SqlType type, SqlType.BaseType base) {
    if (type.base() == base) {
      return true;
    } else if (type instanceof SqlType.Array a) {
      return uses(a.element(), base);
    } else if (type instanceof SqlType.Map m) {
      return uses(m.key(), base) || uses(m.value(), base);
    } else if (type instanceof SqlType.Struct s) {
      return s.fields().stream().anyMatch(f -> uses(f.type(), base));
    }
    return false;
  }

  /** Parses a .proto text without imports other than protobuf's well-known types. */
  static Descriptors.FileDescriptor parse(String text) {
    return ProtoParser.parse("schema.proto", text, ProtobufSchemas::wellKnown);
  }

  /** Parses a registered schema, resolving its references through the registry (recursively). */
  static Descriptors.FileDescriptor parse(SchemaRegistryClient client, RegisteredSchema schema) {
    return parse(client, "schema-" + schema.id() + ".proto", schema.schema(), schema.references(), new HashMap<>());
  }

  private static Descriptors.FileDescriptor parse(SchemaRegistryClient client, String name, String text,
      List<SchemaReference> references, Map<String, Descriptors.FileDescriptor> done) {
    Map<String, SchemaReference> byName = new HashMap<>();
    references.forEach(r -> byName.put(r.name(), r));
    return ProtoParser.parse(name, text, dep -> {
      Descriptors.FileDescriptor known = WELL_KNOWN.get(dep);
      if (known != null) {
        return known;
      }
      Descriptors.FileDescriptor cached = done.get(dep);
      if (cached != null) {
        return cached;
      }
      SchemaReference ref = byName.get(dep);
      if (ref == null) {
        throw new IllegalArgumentException("The protobuf schema imports '" + dep + "', which is neither a "
            + "well-known type nor one of its references");
      }
      RegisteredSchema s = client.version(ref.subject(), ref.version()).orElseThrow(() ->
          new IllegalArgumentException("The referenced schema '" + ref.subject() + "' version " + ref.version()
              + " does not exist in the Schema Registry"));
      Descriptors.FileDescriptor fd = parse(client, dep, s.schema(), s.references(), done);
      done.put(dep, fd);
      return fd;
    });
  }

  private static Descriptors.FileDescriptor wellKnown(String dep) {
    Descriptors.FileDescriptor fd = WELL_KNOWN.get(dep);
    if (fd == null) {
      throw new IllegalArgumentException("The protobuf schema imports '" + dep + "', which is unknown");
    }
    return fd;
  }

  /** The message a record's message indexes name in its file. */
  static Descriptor message(Descriptors.FileDescriptor file, List<Integer> indexes) {
    List<Descriptor> level = file.getMessageTypes();
    Descriptor d = null;
    for (int index : indexes) {
      if (index < 0 || index >= level.size()) {
        throw new SerdeException("The record's message indexes " + indexes + " name no message of its schema");
      }
      d = level.get(index);
      level = d.getNestedTypes();
    }
    return d;
  }

  /** The first message of a file, or the one with this (full or simple) name. */
  static Descriptor message(Descriptors.FileDescriptor file, String name) {
    if (name == null) {
      if (file.getMessageTypes().isEmpty()) {
        throw new IllegalArgumentException("The protobuf schema defines no message");
      }
      return file.getMessageTypes().get(0);
    }
    for (Descriptor d : file.getMessageTypes()) {
      if (d.getFullName().equals(name) || d.getName().equals(name)) {
        return d;
      }
    }
    throw new IllegalArgumentException("The protobuf schema has no message named '" + name + "'");
  }

  /** The message indexes of a top-level message. */
  static List<Integer> indexes(Descriptor d) {
    List<Integer> out = new ArrayList<>();
    for (Descriptor m = d; m != null; m = m.getContainingType()) {
      out.add(0, m.getIndex());
    }
    return out;
  }

  // ------------------------------------------------------------------ inference

  /** The SQL type of a message: a STRUCT of its fields. */
  static SqlType.Struct sqlType(Descriptor message, boolean upperCase) {
    List<SqlType.Field> fields = new ArrayList<>();
    for (FieldDescriptor f : message.getFields()) {
      fields.add(new SqlType.Field(upperCase ? f.getName().toUpperCase(Locale.ROOT) : f.getName(),
          sqlType(f, upperCase)));
    }
    return new SqlType.Struct(fields);
  }

  static SqlType sqlType(FieldDescriptor f, boolean upperCase) {
    if (f.isMapField()) {
      Descriptor entry = f.getMessageType();
      return new SqlType.Map(single(entry.findFieldByNumber(1), upperCase),
          single(entry.findFieldByNumber(2), upperCase));
    }
    SqlType element = single(f, upperCase);
    return f.isRepeated() ? new SqlType.Array(element) : element;
  }

  private static SqlType single(FieldDescriptor f, boolean upperCase) {
    return switch (f.getJavaType()) {
      case BOOLEAN -> SqlType.BOOLEAN;
      case INT -> f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32
          ? SqlType.BIGINT : SqlType.INTEGER;
      case LONG -> SqlType.BIGINT;
      case FLOAT, DOUBLE -> SqlType.DOUBLE;
      case STRING, ENUM -> SqlType.STRING;
      case BYTE_STRING -> SqlType.BYTES;
      case MESSAGE -> f.getMessageType().getFullName().equals("google.protobuf.Timestamp") ? SqlType.TIMESTAMP
          : sqlType(f.getMessageType(), upperCase);
    };
  }
}

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
 * nested message, an ARRAY a {@code repeated} field, a MAP a {@code map<K, V>}, DECIMAL, DATE, TIME and TIMESTAMP
 * the messages of {@link ProtobufKnownTypes}; the schema is kept as .proto text, as registries keep it. Reading
 * (schema inference), the unsigned and 64-bit integers are BIGINT, a float DOUBLE, an enum STRING, a repeated
 * field an ARRAY, a map field a MAP, the known messages their SQL types, a wrapper its scalar and any other
 * message a STRUCT.
 */
final class ProtobufSchemas {
  static final String DEFAULT_NAME = "ConnectDefault1";
  private ProtobufSchemas() {}

  /** How a generated schema keeps a null scalar apart from its default value. */
  enum Nullable {
    /** proto3 defaults: a null scalar is left unset and reads back as 0, false or "". */
    NONE,
    /** scalar fields are proto3 {@code optional}: unset reads back as null. */
    OPTIONAL,
    /** scalar fields are {@code google.protobuf.*Value} wrappers: unset reads back as null. */
    WRAPPER;

    static Nullable of(FormatInfo format) {
      return format.nullableRepresentation().map(Nullable::valueOf).orElse(NONE);
    }
  }

  /** The .proto text of a row's message, with proto3 defaults for nulls. */
  static String of(List<Column> columns, String fullName) {
    return of(columns, fullName, Nullable.NONE);
  }

  /**
   * The .proto text of a row's message: one field per column (an unwrapped key is a message of its one column).
   *
   * @throws IllegalArgumentException for types protobuf cannot hold here
   */
  static String of(List<Column> columns, String fullName, Nullable nullable) {
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
    java.util.TreeSet<String> imports = new java.util.TreeSet<>();
    StringBuilder body = new StringBuilder();
    List<SqlType.Field> fields = columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList();
    new Generator(body, imports, nullable).message(name, fields, "");
    if (!imports.isEmpty()) {
      sb.append('\n');
      imports.forEach(i -> sb.append("import \"").append(i).append("\";\n"));
    }
    sb.append('\n').append(body);
    return sb.toString();
  }

  /** Writes messages; nested messages are named ConnectDefault2, 3, ... as Kafka Connect names them. */
  private static final class Generator {
    private final StringBuilder sb;
    private final java.util.Set<String> imports;
    private final Nullable nullable;
    private int counter = 1;

    Generator(StringBuilder sb, java.util.Set<String> imports, Nullable nullable) {
      this.sb = sb;
      this.imports = imports;
      this.nullable = nullable;
    }

    /** Writes a message; the messages of its STRUCT fields are nested in it, ahead of the field using them. */
    void message(String name, List<SqlType.Field> fields, String indent) {
      sb.append(indent).append("message ").append(name).append(" {\n");
      int number = 1;
      for (SqlType.Field f : fields) {
        String type = fieldType(f.type(), indent + "  ", true);
        sb.append(indent).append("  ").append(type).append(' ').append(f.name()).append(" = ").append(number++);
        SqlType single = f.type() instanceof SqlType.Array a ? a.element() : f.type();
        if (single instanceof SqlType.Decimal d) {
          imports.add(ProtobufKnownTypes.META_IMPORT);
          sb.append(" [(confluent.field_meta) = { params: [{ key: \"precision\", value: \"")
              .append(d.precision()).append("\" }, { key: \"scale\", value: \"").append(d.scale())
              .append("\" }] }]");
        }
        sb.append(";\n");
      }
      sb.append(indent).append("}\n");
    }

    /** The type of a field, writing the nested messages it needs first; {@code field} for a field's own type. */
    private String fieldType(SqlType type, String indent, boolean field) {
      if (type instanceof SqlType.Array a) {
        if (a.element() instanceof SqlType.Array || a.element() instanceof SqlType.Map) {
          throw new IllegalArgumentException("PROTOBUF cannot hold nested collections: " + type.sql());
        }
        return "repeated " + fieldType(a.element(), indent, false);
      }
      if (type instanceof SqlType.Map m) {
        if (m.value() instanceof SqlType.Array || m.value() instanceof SqlType.Map) {
          throw new IllegalArgumentException("PROTOBUF cannot hold nested collections: " + type.sql());
        }
        return "map<" + scalar(m.key()) + ", " + fieldType(m.value(), indent, false) + ">";
      }
      if (type instanceof SqlType.Struct s) {
        String nested = DEFAULT_NAME.substring(0, DEFAULT_NAME.length() - 1) + (++counter);
        message(nested, s.fields(), indent);
        return nested;
      }
      String known = ProtobufKnownTypes.messageFor(type.base());
      if (known != null) {
        imports.add(ProtobufKnownTypes.importFor(type.base()));
        return known;
      }
      String scalar = scalar(type);
      if (field && nullable == Nullable.OPTIONAL) {
        return "optional " + scalar;
      } else if (field && nullable == Nullable.WRAPPER) {
        imports.add("google/protobuf/wrappers.proto");
        return ProtobufKnownTypes.wrapperFor(scalar);
      }
      return scalar;
    }
  }

  private static String scalar(SqlType type) {
    return switch (type.base()) {
      case BOOLEAN -> "bool";
      case INTEGER -> "int32";
      case BIGINT -> "int64";
      case DOUBLE -> "double";
      case STRING -> "string";
      case BYTES -> "bytes";
      default -> throw new IllegalArgumentException("The PROTOBUF format does not support type '" + type.base()
          + "' yet");
    };
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
      Descriptors.FileDescriptor known = ProtobufKnownTypes.file(dep);
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
    Descriptors.FileDescriptor fd = ProtobufKnownTypes.file(dep);
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
      case MESSAGE -> {
        SqlType known = ProtobufKnownTypes.sqlType(f);
        yield known != null ? known : sqlType(f.getMessageType(), upperCase);
      }
    };
  }
}

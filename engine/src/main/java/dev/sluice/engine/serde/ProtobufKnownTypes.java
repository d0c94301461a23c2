package dev.sluice.engine.serde;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The message types ksqlDB gives the SQL types protobuf has no scalar for, and the files that define them, so that
 * a schema importing them parses without registry references (as Confluent's serializers treat them as built in):
 * DECIMAL is {@code confluent.type.Decimal} (the unscaled value's big-endian two's complement bytes, precision and
 * scale, the column's precision and scale in the field's {@code (confluent.field_meta)} params), DATE
 * {@code google.type.Date}, TIME {@code google.type.TimeOfDay}, TIMESTAMP {@code google.protobuf.Timestamp}. The
 * {@code google.protobuf.*Value} wrappers hold nullable scalars ({@code *_PROTOBUF_NULLABLE_REPRESENTATION=WRAPPER}).
 */
final class ProtobufKnownTypes {
  static final String DECIMAL = "confluent.type.Decimal";
  static final String DATE = "google.type.Date";
  static final String TIME = "google.type.TimeOfDay";
  static final String TIMESTAMP = "google.protobuf.Timestamp";
  static final String META_IMPORT = "confluent/meta.proto";

  /** The number of the {@code confluent.field_meta} extension of {@code google.protobuf.FieldOptions}. */
  static final int FIELD_META = 1088;

  private static final Map<String, Descriptors.FileDescriptor> FILES = new HashMap<>();
  private static final Map<String, String> WRAPPERS = Map.of(
      "google.protobuf.BoolValue", "bool", "google.protobuf.Int32Value", "int32",
      "google.protobuf.Int64Value", "int64", "google.protobuf.UInt32Value", "uint32",
      "google.protobuf.UInt64Value", "uint64", "google.protobuf.FloatValue", "float",
      "google.protobuf.DoubleValue", "double", "google.protobuf.StringValue", "string",
      "google.protobuf.BytesValue", "bytes");

  static {
    FILES.put("google/protobuf/timestamp.proto", com.google.protobuf.TimestampProto.getDescriptor());
    FILES.put("google/protobuf/duration.proto", com.google.protobuf.DurationProto.getDescriptor());
    FILES.put("google/protobuf/wrappers.proto", com.google.protobuf.WrappersProto.getDescriptor());
    FILES.put("google/protobuf/struct.proto", com.google.protobuf.StructProto.getDescriptor());
    FILES.put("google/protobuf/empty.proto", com.google.protobuf.EmptyProto.getDescriptor());
    FILES.put("google/protobuf/any.proto", com.google.protobuf.AnyProto.getDescriptor());
    FILES.put("google/protobuf/descriptor.proto", com.google.protobuf.DescriptorProtos.getDescriptor());
    // the extensions of meta.proto are left out: the parser reads (confluent.field_meta) itself
    builtIn(META_IMPORT, "syntax = \"proto3\"; package confluent;"
        + " message Meta { string doc = 1; map<string, string> params = 2; repeated string tags = 3; }");
    builtIn("confluent/type/decimal.proto", "syntax = \"proto3\"; package confluent.type;"
        + " message Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }");
    builtIn("google/type/date.proto", "syntax = \"proto3\"; package google.type;"
        + " message Date { int32 year = 1; int32 month = 2; int32 day = 3; }");
    builtIn("google/type/timeofday.proto", "syntax = \"proto3\"; package google.type;"
        + " message TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }");
  }

  private static final Descriptor META = FILES.get(META_IMPORT).getMessageTypes().get(0);

  private ProtobufKnownTypes() {}

  private static void builtIn(String name, String text) {
    FILES.put(name, ProtoParser.parse(name, text, FILES::get));
  }

  /** A built-in file by its import path, or null. */
  static Descriptors.FileDescriptor file(String importPath) {
    return FILES.get(importPath);
  }

  /** The import a generated schema needs for a SQL type protobuf holds as a message, or null. */
  static String importFor(SqlType.BaseType base) {
    return switch (base) {
      case DECIMAL -> "confluent/type/decimal.proto";
      case DATE -> "google/type/date.proto";
      case TIME -> "google/type/timeofday.proto";
      case TIMESTAMP -> "google/protobuf/timestamp.proto";
      default -> null;
    };
  }

  /** The message type of a SQL type protobuf holds as a message, or null. */
  static String messageFor(SqlType.BaseType base) {
    return switch (base) {
      case DECIMAL -> DECIMAL;
      case DATE -> DATE;
      case TIME -> TIME;
      case TIMESTAMP -> TIMESTAMP;
      default -> null;
    };
  }

  /** The wrapper message of a scalar protobuf type, for the WRAPPER nullable representation. */
  static String wrapperFor(String scalar) {
    for (Map.Entry<String, String> e : WRAPPERS.entrySet()) {
      if (e.getValue().equals(scalar)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("No protobuf wrapper for " + scalar);
  }

  static boolean isWrapper(Descriptor message) {
    return WRAPPERS.containsKey(message.getFullName());
  }

  /** The field params of a field's {@code (confluent.field_meta)} option, as the parser stored them. */
  static Map<String, String> params(FieldDescriptor f) {
    UnknownFieldSet.Field meta = f.getOptions().getUnknownFields().getField(FIELD_META);
    if (meta.getLengthDelimitedList().isEmpty()) {
      return Map.of();
    }
    try {
      DynamicMessage m = DynamicMessage.parseFrom(META, meta.getLengthDelimitedList().get(0));
      Map<String, String> out = new HashMap<>();
      FieldDescriptor params = META.findFieldByName("params");
      for (Object e : (List<?>) m.getField(params)) {
        Message entry = (Message) e;
        out.put((String) entry.getField(entry.getDescriptorForType().findFieldByNumber(1)),
            (String) entry.getField(entry.getDescriptorForType().findFieldByNumber(2)));
      }
      return out;
    } catch (InvalidProtocolBufferException e) {
      return Map.of();
    }
  }

  /** The {@code (confluent.field_meta)} option with these params, serialized as the option's unknown field. */
  static ByteString metaOption(Map<String, String> params) {
    FieldDescriptor pf = META.findFieldByName("params");
    Descriptor entry = pf.getMessageType();
    DynamicMessage.Builder b = DynamicMessage.newBuilder(META);
    params.forEach((k, v) -> b.addRepeatedField(pf, DynamicMessage.newBuilder(entry)
        .setField(entry.findFieldByNumber(1), k).setField(entry.findFieldByNumber(2), v).build()));
    return b.build().toByteString();
  }

  /** The SQL type of a field whose message is a known type, or null. */
  static SqlType sqlType(FieldDescriptor f) {
    String name = f.getMessageType().getFullName();
    switch (name) {
      case DECIMAL: {
        Map<String, String> params = params(f);
        int scale = Integer.parseInt(params.getOrDefault("scale", "0"));
        // without the meta the widest DECIMAL stands in: the values' own precision is unknown
        int precision = Integer.parseInt(params.getOrDefault("precision", "38"));
        return new SqlType.Decimal(precision, scale);
      }
      case DATE:
        return SqlType.DATE;
      case TIME:
        return SqlType.TIME;
      case TIMESTAMP:
        return SqlType.TIMESTAMP;
      default:
        if (isWrapper(f.getMessageType())) {
          return ProtobufSchemas.sqlType(f.getMessageType().findFieldByNumber(1), false);
        }
        return null;
    }
  }

  // ------------------------------------------------------------------ values

  /** Reads a message of a known type as {@code type}, or returns null when the pair is not one of them. */
  static Function<Object, Object> reader(Descriptor message, SqlType type) {
    String name = message.getFullName();
    if (name.equals(DECIMAL) && type instanceof SqlType.Decimal d) {
      FieldDescriptor value = message.findFieldByNumber(1);
      FieldDescriptor scale = message.findFieldByNumber(3);
      return v -> {
        Message m = (Message) v;
        ByteString bytes = (ByteString) m.getField(value);
        BigInteger unscaled = bytes.isEmpty() ? BigInteger.ZERO : new BigInteger(bytes.toByteArray());
        return Values.fit(new BigDecimal(unscaled, (Integer) m.getField(scale)), d);
      };
    }
    if (name.equals(DATE) && type.base() == SqlType.BaseType.DATE) {
      FieldDescriptor year = message.findFieldByNumber(1);
      FieldDescriptor month = message.findFieldByNumber(2);
      FieldDescriptor day = message.findFieldByNumber(3);
      return v -> {
        Message m = (Message) v;
        return (int) LocalDate.of((Integer) m.getField(year), (Integer) m.getField(month),
            (Integer) m.getField(day)).toEpochDay();
      };
    }
    if (name.equals(TIME) && type.base() == SqlType.BaseType.TIME) {
      FieldDescriptor[] parts = message.getFields().toArray(new FieldDescriptor[0]);
      return v -> {
        Message m = (Message) v;
        return (Integer) m.getField(parts[0]) * 3_600_000 + (Integer) m.getField(parts[1]) * 60_000
            + (Integer) m.getField(parts[2]) * 1000 + (Integer) m.getField(parts[3]) / 1_000_000;
      };
    }
    if (name.equals(TIMESTAMP) && type.base() == SqlType.BaseType.TIMESTAMP) {
      FieldDescriptor seconds = message.findFieldByName("seconds");
      FieldDescriptor nanos = message.findFieldByName("nanos");
      return v -> (Long) ((Message) v).getField(seconds) * 1000L + (Integer) ((Message) v).getField(nanos)
          / 1_000_000;
    }
    return null;
  }

  /** Writes a non-null value as a message of a known type, or returns null when the message is none of them. */
  static Function<Object, Object> writer(Descriptor message, SqlType type) {
    switch (message.getFullName()) {
      case DECIMAL: {
        FieldDescriptor value = message.findFieldByNumber(1);
        FieldDescriptor precision = message.findFieldByNumber(2);
        FieldDescriptor scale = message.findFieldByNumber(3);
        return v -> {
          BigDecimal d = type instanceof SqlType.Decimal t ? Values.decimal(v, t)
              : v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
          return DynamicMessage.newBuilder(message)
              .setField(value, ByteString.copyFrom(d.unscaledValue().toByteArray()))
              .setField(precision, d.precision()).setField(scale, d.scale()).build();
        };
      }
      case DATE: {
        FieldDescriptor year = message.findFieldByNumber(1);
        FieldDescriptor month = message.findFieldByNumber(2);
        FieldDescriptor day = message.findFieldByNumber(3);
        return v -> {
          LocalDate date = LocalDate.ofEpochDay(((Number) v).longValue());
          return DynamicMessage.newBuilder(message).setField(year, date.getYear())
              .setField(month, date.getMonthValue()).setField(day, date.getDayOfMonth()).build();
        };
      }
      case TIME: {
        FieldDescriptor[] parts = message.getFields().toArray(new FieldDescriptor[0]);
        return v -> {
          int millis = ((Number) v).intValue();
          return DynamicMessage.newBuilder(message).setField(parts[0], millis / 3_600_000)
              .setField(parts[1], millis / 60_000 % 60).setField(parts[2], millis / 1000 % 60)
              .setField(parts[3], millis % 1000 * 1_000_000).build();
        };
      }
      case TIMESTAMP: {
        FieldDescriptor seconds = message.findFieldByName("seconds");
        FieldDescriptor nanos = message.findFieldByName("nanos");
        return v -> {
          long millis = ((Number) v).longValue();
          return DynamicMessage.newBuilder(message).setField(seconds, Math.floorDiv(millis, 1000L))
              .setField(nanos, (int) Math.floorMod(millis, 1000L) * 1_000_000).build();
        };
      }
      default:
        return null;
    }
  }
}

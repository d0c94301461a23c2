package dev.sluice.engine.serde;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.sluice.planner.schema.SqlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts between row values and protobuf messages, one converter compiled per pair of SQL type and field, as
 * {@link AvroData} does for Avro. proto3 has no null scalars: a null column is left unset and reads back as its
 * type's default (0, false, ""), a null ARRAY or MAP as an empty one, an unset message or bytes field as null, as
 * ksqlDB's protobuf format behaves; fields with presence (proto3 {@code optional}, {@code oneof}, the wrappers)
 * read back null when unset.
 */
final class ProtobufData {

  private ProtobufData() {}

  // ------------------------------------------------------------------ reading

  /** Reads the fields of {@code message} named like {@code fields} (exactly, else ignoring case) into an Object[]. */
  static Function<Message, Object[]> structReader(Descriptor message, List<SqlType.Field> fields) {
    int n = fields.size();
    FieldDescriptor[] fds = new FieldDescriptor[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] readers = new Function[n];
    for (int i = 0; i < n; i++) {
      fds[i] = field(message, fields.get(i).name());
      readers[i] = fds[i] == null ? null : fieldReader(fds[i], fields.get(i).type());
    }
    return m -> {
      Object[] out = new Object[n];
      for (int i = 0; i < n; i++) {
        FieldDescriptor f = fds[i];
        // an unset message, proto3 optional or oneof field is null, and so is an unset bytes field (as ksqlDB
        // reads it); other scalars read as their defaults
        if (f == null || !f.isRepeated() && (f.hasPresence() || f.getType() == FieldDescriptor.Type.BYTES)
            && !m.hasField(f)) {
          continue;
        }
        out[i] = readers[i].apply(m.getField(f));
      }
      return out;
    };
  }

  /** Reads the value of a field (a list for a repeated field) as {@code type}. */
  static Function<Object, Object> fieldReader(FieldDescriptor f, SqlType type) {
    if (f.isMapField()) {
      if (!(type instanceof SqlType.Map m)) {
        throw incompatible(f, type);
      }
      Descriptor entry = f.getMessageType();
      FieldDescriptor kf = entry.findFieldByNumber(1);
      FieldDescriptor vf = entry.findFieldByNumber(2);
      Function<Object, Object> key = single(kf, m.key());
      Function<Object, Object> value = single(vf, m.value());
      return v -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object e : (List<?>) v) {
          Message entryMessage = (Message) e;
          out.put(key.apply(entryMessage.getField(kf)), vf.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              && !entryMessage.hasField(vf) ? null : value.apply(entryMessage.getField(vf)));
        }
        return out;
      };
    }
    if (f.isRepeated()) {
      if (!(type instanceof SqlType.Array a)) {
        throw incompatible(f, type);
      }
      Function<Object, Object> element = single(f, a.element());
      return v -> {
        List<?> in = (List<?>) v;
        List<Object> out = new ArrayList<>(in.size());
        for (Object e : in) {
          out.add(element.apply(e));
        }
        return out;
      };
    }
    return single(f, type);
  }

  private static Function<Object, Object> single(FieldDescriptor f, SqlType type) {
    FieldDescriptor.JavaType jt = f.getJavaType();
    if (jt == FieldDescriptor.JavaType.MESSAGE) {
      Function<Object, Object> known = ProtobufKnownTypes.reader(f.getMessageType(), type);
      if (known != null) {
        return known;
      }
      if (ProtobufKnownTypes.isWrapper(f.getMessageType()) && type.base() != SqlType.BaseType.STRUCT) {
        FieldDescriptor value = f.getMessageType().findFieldByNumber(1);
        Function<Object, Object> scalar = single(value, type);
        return v -> scalar.apply(((Message) v).getField(value));
      }
    }
    switch (type.base()) {
      case STRING:
        if (jt == FieldDescriptor.JavaType.MESSAGE || jt == FieldDescriptor.JavaType.BYTE_STRING) {
          throw incompatible(f, type);
        }
        return v -> v instanceof EnumValueDescriptor e ? e.getName() : v.toString();
      case BOOLEAN:
        require(f, type, jt == FieldDescriptor.JavaType.BOOLEAN);
        return v -> v;
      case INTEGER:
        require(f, type, jt == FieldDescriptor.JavaType.INT || jt == FieldDescriptor.JavaType.LONG);
        return v -> ((Number) v).intValue();
      case BIGINT:
        require(f, type, jt == FieldDescriptor.JavaType.INT || jt == FieldDescriptor.JavaType.LONG);
        boolean unsigned32 = f.getType() == FieldDescriptor.Type.UINT32 || f.getType() == FieldDescriptor.Type.FIXED32;
        return v -> unsigned32 ? Integer.toUnsignedLong((Integer) v) : ((Number) v).longValue();
      case DOUBLE:
        require(f, type, jt == FieldDescriptor.JavaType.FLOAT || jt == FieldDescriptor.JavaType.DOUBLE
            || jt == FieldDescriptor.JavaType.INT || jt == FieldDescriptor.JavaType.LONG);
        return v -> v instanceof Float fl ? Double.parseDouble(fl.toString()) : ((Number) v).doubleValue();
      case BYTES:
        require(f, type, jt == FieldDescriptor.JavaType.BYTE_STRING);
        return v -> new org.apache.calcite.avatica.util.ByteString(((ByteString) v).toByteArray());
      case TIMESTAMP:
        require(f, type, jt == FieldDescriptor.JavaType.LONG || jt == FieldDescriptor.JavaType.INT);
        return v -> ((Number) v).longValue();
      case DATE:
      case TIME:
        require(f, type, jt == FieldDescriptor.JavaType.INT || jt == FieldDescriptor.JavaType.LONG);
        return v -> ((Number) v).intValue();
      case DECIMAL: {
        SqlType.Decimal d = (SqlType.Decimal) type;
        require(f, type, jt == FieldDescriptor.JavaType.INT || jt == FieldDescriptor.JavaType.LONG
            || jt == FieldDescriptor.JavaType.STRING || jt == FieldDescriptor.JavaType.DOUBLE
            || jt == FieldDescriptor.JavaType.FLOAT);
        return v -> Values.fit(new java.math.BigDecimal(v.toString()), d);
      }
      case STRUCT: {
        require(f, type, jt == FieldDescriptor.JavaType.MESSAGE);
        Function<Message, Object[]> struct = structReader(f.getMessageType(), ((SqlType.Struct) type).fields());
        return v -> struct.apply((Message) v);
      }
      default:
        throw incompatible(f, type);
    }
  }

  static FieldDescriptor field(Descriptor message, String name) {
    FieldDescriptor f = message.findFieldByName(name);
    if (f != null) {
      return f;
    }
    for (FieldDescriptor candidate : message.getFields()) {
      if (candidate.getName().equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ writing

  /** Writes a STRUCT value or a row ({@code Object[]} or {@code List} in field order) as a message. */
  static Function<Object, Message> structWriter(List<SqlType.Field> fields, Descriptor message) {
    List<FieldDescriptor> fds = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<Function<Object, Object>> writers = new ArrayList<>();
    for (int j = 0; j < fields.size(); j++) {
      FieldDescriptor f = field(message, fields.get(j).name());
      if (f != null) {
        fds.add(f);
        sources.add(j);
        writers.add(fieldWriter(f, fields.get(j).type()));
      }
    }
    int n = fds.size();
    return v -> {
      DynamicMessage.Builder b = DynamicMessage.newBuilder(message);
      for (int i = 0; i < n; i++) {
        Object value = Values.field(v, sources.get(i));
        if (value != null) {
          b.setField(fds.get(i), writers.get(i).apply(value));
        }
      }
      return b.build();
    };
  }

  /** Converts a non-null value into what {@code setField} takes (a list for repeated fields). */
  static Function<Object, Object> fieldWriter(FieldDescriptor f, SqlType type) {
    if (f.isMapField()) {
      SqlType.Map m = (SqlType.Map) type;
      Descriptor entry = f.getMessageType();
      FieldDescriptor kf = entry.findFieldByNumber(1);
      FieldDescriptor vf = entry.findFieldByNumber(2);
      Function<Object, Object> key = writeSingle(kf, m.key());
      Function<Object, Object> value = writeSingle(vf, m.value());
      return v -> {
        List<Object> out = new ArrayList<>();
        ((Map<?, ?>) v).forEach((k, e) -> {
          DynamicMessage.Builder b = DynamicMessage.newBuilder(entry);
          if (k != null) {
            b.setField(kf, key.apply(k));
          }
          if (e != null) {
            b.setField(vf, value.apply(e));
          }
          out.add(b.build());
        });
        return out;
      };
    }
    if (f.isRepeated()) {
      SqlType element = ((SqlType.Array) type).element();
      Function<Object, Object> w = writeSingle(f, element);
      Object dflt = f.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? null : f.getDefaultValue();
      return v -> {
        List<Object> out = new ArrayList<>();
        for (Object e : (List<?>) v) {
          out.add(e == null ? (dflt != null ? dflt : DynamicMessage.getDefaultInstance(f.getMessageType()))
              : w.apply(e));
        }
        return out;
      };
    }
    return writeSingle(f, type);
  }

  /** Converts one non-null value for a (non-repeated view of a) field. */
  private static Function<Object, Object> writeSingle(FieldDescriptor f, SqlType type) {
    switch (f.getJavaType()) {
      case BOOLEAN:
        return v -> v;
      case INT:
        return v -> ((Number) v).intValue();
      case LONG:
        return v -> ((Number) v).longValue();
      case FLOAT:
        return v -> ((Number) v).floatValue();
      case DOUBLE:
        return v -> ((Number) v).doubleValue();
      case STRING:
        return Object::toString;
      case BYTE_STRING:
        return v -> ByteString.copyFrom(Values.bytes(v));
      case ENUM:
        return v -> {
          EnumValueDescriptor e = f.getEnumType().findValueByName(v.toString());
          if (e == null) {
            throw new SerdeException("'" + v + "' is not a value of the enum " + f.getEnumType().getName());
          }
          return e;
        };
      case MESSAGE: {
        Descriptor message = f.getMessageType();
        Function<Object, Object> known = ProtobufKnownTypes.writer(message, type);
        if (known != null) {
          return known;
        }
        if (ProtobufKnownTypes.isWrapper(message) && !(type instanceof SqlType.Struct)) {
          FieldDescriptor value = message.findFieldByNumber(1);
          Function<Object, Object> scalar = writeSingle(value, type);
          return v -> DynamicMessage.newBuilder(message).setField(value, scalar.apply(v)).build();
        }
        if (!(type instanceof SqlType.Struct s)) {
          throw incompatible(f, type);
        }
        Function<Object, Message> struct = structWriter(s.fields(), message);
        return struct::apply;
      }
      default:
        throw incompatible(f, type);
    }
  }

  private static void require(FieldDescriptor f, SqlType type, boolean ok) {
    if (!ok) {
      throw incompatible(f, type);
    }
  }

  private static IllegalArgumentException incompatible(FieldDescriptor f, SqlType type) {
    return new IllegalArgumentException("Cannot convert protobuf field '" + f.getName() + "' of type "
        + f.getType().name().toLowerCase(java.util.Locale.ROOT) + " to " + type.sql());
  }
}

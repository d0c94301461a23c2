package dev.sluice.engine.serde;

import dev.sluice.planner.schema.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Converts between row values and Avro's generic data, one converter compiled per pair of SQL type and Avro
 * schema, so that records cost no schema lookups. Reading works from the writer's schema (the one the record's
 * id names), so a record written with any compatible schema reads into the columns: fields are matched by name,
 * exactly and then ignoring case, and values coerced as ksqlDB does (anything scalar into STRING, numbers into
 * wider numbers, an enum into its symbol). Writing follows the target schema, generated or registered: a
 * field without a column gets its default.
 */
final class AvroData {

  private AvroData() {}

  // ------------------------------------------------------------------ reading

  /** Converts a datum read with {@code schema} into a value of {@code type}; null stays null. */
  static Function<Object, Object> reader(Schema schema, SqlType type) {
    if (schema.getType() == Schema.Type.UNION) {
      Schema branch = AvroSchemas.nonNull(schema);
      return reader(branch, type);
    }
    Function<Object, Object> r = nonNullReader(schema, type);
    return v -> v == null ? null : r.apply(v);
  }

  private static Function<Object, Object> nonNullReader(Schema schema, SqlType type) {
    switch (type.base()) {
      case STRING:
        if (schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ARRAY
            || schema.getType() == Schema.Type.MAP) {
          throw incompatible(schema, type);
        }
        return Object::toString;
      case BOOLEAN:
        expect(schema, type, Schema.Type.BOOLEAN);
        return v -> v;
      case INTEGER:
      case DATE:
      case TIME:
        expect(schema, type, Schema.Type.INT, Schema.Type.LONG);
        return v -> ((Number) v).intValue();
      case BIGINT:
      case TIMESTAMP:
        expect(schema, type, Schema.Type.INT, Schema.Type.LONG);
        return v -> ((Number) v).longValue();
      case DOUBLE:
        expect(schema, type, Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE);
        return v -> ((Number) v).doubleValue();
      case DECIMAL:
        return decimalReader(schema, (SqlType.Decimal) type);
      case BYTES:
        expect(schema, type, Schema.Type.BYTES, Schema.Type.FIXED);
        return v -> new ByteString(bytes(v));
      case ARRAY: {
        expect(schema, type, Schema.Type.ARRAY);
        Function<Object, Object> element = reader(schema.getElementType(), ((SqlType.Array) type).element());
        return v -> {
          List<?> in = (List<?>) v;
          List<Object> out = new ArrayList<>(in.size());
          for (Object e : in) {
            out.add(element.apply(e));
          }
          return out;
        };
      }
      case MAP:
        return mapReader(schema, (SqlType.Map) type);
      case STRUCT:
        expect(schema, type, Schema.Type.RECORD);
        return structReader(schema, ((SqlType.Struct) type).fields());
      default:
        throw incompatible(schema, type);
    }
  }

  private static Function<Object, Object> decimalReader(Schema schema, SqlType.Decimal type) {
    if (schema.getType() == Schema.Type.BYTES || schema.getType() == Schema.Type.FIXED) {
      int scale = schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale()
          : schema.getObjectProp("scale") instanceof Number n ? n.intValue() : 0;
      return v -> Values.fit(new BigDecimal(new BigInteger(bytes(v)), scale), type);
    }
    expect(schema, type, Schema.Type.INT, Schema.Type.LONG, Schema.Type.FLOAT, Schema.Type.DOUBLE,
        Schema.Type.STRING);
    return v -> Values.fit(new BigDecimal(v.toString()), type);
  }

  private static Function<Object, Object> mapReader(Schema schema, SqlType.Map type) {
    if (schema.getType() == Schema.Type.MAP) {
      Function<Object, Object> key = type.key().base() == SqlType.BaseType.STRING ? Object::toString
          : k -> coerceKey(k.toString(), type.key());
      Function<Object, Object> value = reader(schema.getValueType(), type.value());
      return v -> {
        Map<Object, Object> out = new LinkedHashMap<>();
        ((Map<?, ?>) v).forEach((k, e) -> out.put(key.apply(k), value.apply(e)));
        return out;
      };
    }
    expect(schema, type, Schema.Type.ARRAY);
    Schema entry = AvroSchemas.nonNull(schema.getElementType());
    if (entry.getType() != Schema.Type.RECORD || entry.getField("key") == null || entry.getField("value") == null) {
      throw incompatible(schema, type);
    }
    Function<Object, Object> key = reader(entry.getField("key").schema(), type.key());
    Function<Object, Object> value = reader(entry.getField("value").schema(), type.value());
    int k = entry.getField("key").pos();
    int val = entry.getField("value").pos();
    return v -> {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Object e : (List<?>) v) {
        GenericRecord r = (GenericRecord) e;
        out.put(key.apply(r.get(k)), value.apply(r.get(val)));
      }
      return out;
    };
  }

  private static Object coerceKey(String text, SqlType type) {
    return switch (type.base()) {
      case INTEGER -> Integer.valueOf(text);
      case BIGINT -> Long.valueOf(text);
      case DOUBLE -> Double.valueOf(text);
      case BOOLEAN -> Boolean.valueOf(text);
      default -> text;
    };
  }

  /**
   * Reads a record into an {@code Object[]} in the order of {@code fields}; a field the record lacks is null.
   */
  static Function<Object, Object> structReader(Schema record, List<SqlType.Field> fields) {
    int n = fields.size();
    int[] positions = new int[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] readers = new Function[n];
    for (int i = 0; i < n; i++) {
      Schema.Field f = field(record, fields.get(i).name());
      positions[i] = f == null ? -1 : f.pos();
      readers[i] = f == null ? null : reader(f.schema(), fields.get(i).type());
    }
    return v -> {
      GenericRecord r = (GenericRecord) v;
      Object[] out = new Object[n];
      for (int i = 0; i < n; i++) {
        if (positions[i] >= 0) {
          out[i] = readers[i].apply(r.get(positions[i]));
        }
      }
      return out;
    };
  }

  /** The record's field of this name: exactly, else ignoring case; null when there is none. */
  static Schema.Field field(Schema record, String name) {
    Schema.Field f = record.getField(name);
    if (f != null) {
      return f;
    }
    for (Schema.Field candidate : record.getFields()) {
      if (candidate.name().equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ writing

  /** Converts a value of {@code type} into a datum of {@code schema}; null stays null. */
  static Function<Object, Object> writer(SqlType type, Schema schema) {
    Schema target = schema.getType() == Schema.Type.UNION ? AvroSchemas.nonNull(schema) : schema;
    Function<Object, Object> w = nonNullWriter(type, target);
    return v -> v == null ? null : w.apply(v);
  }

  private static Function<Object, Object> nonNullWriter(SqlType type, Schema schema) {
    switch (schema.getType()) {
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
      case ENUM:
        return v -> new GenericData.EnumSymbol(schema, v.toString());
      case BYTES:
        if (type instanceof SqlType.Decimal d) {
          int scale = schema.getLogicalType() instanceof LogicalTypes.Decimal ld ? ld.getScale() : d.scale();
          return v -> ByteBuffer.wrap(Values.decimal(v, d).setScale(scale).unscaledValue().toByteArray());
        }
        return v -> ByteBuffer.wrap(Values.bytes(v));
      case FIXED:
        return v -> new GenericData.Fixed(schema, Values.bytes(v));
      case ARRAY:
        if (type instanceof SqlType.Map m) {
          return entryWriter(m, schema);
        }
        if (!(type instanceof SqlType.Array a)) {
          throw incompatible(schema, type);
        }
        Function<Object, Object> element = writer(a.element(), schema.getElementType());
        return v -> {
          List<?> in = (List<?>) v;
          List<Object> out = new ArrayList<>(in.size());
          for (Object e : in) {
            out.add(element.apply(e));
          }
          return out;
        };
      case MAP: {
        if (!(type instanceof SqlType.Map m)) {
          throw incompatible(schema, type);
        }
        Function<Object, Object> value = writer(m.value(), schema.getValueType());
        return v -> {
          Map<String, Object> out = new HashMap<>();
          ((Map<?, ?>) v).forEach((k, e) -> out.put(String.valueOf(k), value.apply(e)));
          return out;
        };
      }
      case RECORD:
        if (!(type instanceof SqlType.Struct s)) {
          throw incompatible(schema, type);
        }
        return recordWriter(s.fields(), schema);
      default:
        throw incompatible(schema, type);
    }
  }

  private static Function<Object, Object> entryWriter(SqlType.Map type, Schema schema) {
    Schema entry = AvroSchemas.nonNull(schema.getElementType());
    Function<Object, Object> key = writer(type.key(), entry.getField("key").schema());
    Function<Object, Object> value = writer(type.value(), entry.getField("value").schema());
    return v -> {
      List<Object> out = new ArrayList<>();
      ((Map<?, ?>) v).forEach((k, e) -> {
        GenericData.Record r = new GenericData.Record(entry);
        r.put("key", key.apply(k));
        r.put("value", value.apply(e));
        out.add(r);
      });
      return out;
    };
  }

  /**
   * Writes a STRUCT value ({@code Object[]} or {@code List} in field order) or a row as a record of
   * {@code schema}; record fields without a SQL field, and null values of fields that cannot be null, get their
   * defaults.
   */
  static Function<Object, Object> recordWriter(List<SqlType.Field> fields, Schema schema) {
    List<Schema.Field> avroFields = schema.getFields();
    int n = avroFields.size();
    int[] sources = new int[n];
    Object[] defaults = new Object[n];
    @SuppressWarnings("unchecked")
    Function<Object, Object>[] writers = new Function[n];
    for (int i = 0; i < n; i++) {
      Schema.Field af = avroFields.get(i);
      sources[i] = -1;
      for (int j = 0; j < fields.size(); j++) {
        if (fields.get(j).name().equals(af.name())) {
          sources[i] = j;
          break;
        }
      }
      if (sources[i] < 0) {
        for (int j = 0; j < fields.size(); j++) {
          if (fields.get(j).name().equalsIgnoreCase(af.name())) {
            sources[i] = j;
            break;
          }
        }
      }
      if (sources[i] >= 0) {
        writers[i] = writer(fields.get(sources[i]).type(), af.schema());
      }
      // a field without a SQL field, or a null for a field that cannot hold one, gets its default, as Kafka
      // Connect's converter writes it
      boolean nullable = af.schema().getType() == Schema.Type.NULL || af.schema().getType() == Schema.Type.UNION
          && af.schema().getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
      if ((sources[i] < 0 || !nullable) && af.hasDefaultValue()) {
        defaults[i] = GenericData.get().getDefaultValue(af);
      }
    }
    return v -> {
      GenericData.Record r = new GenericData.Record(schema);
      for (int i = 0; i < n; i++) {
        Object value = sources[i] >= 0 ? writers[i].apply(Values.field(v, sources[i])) : null;
        r.put(i, value == null ? defaults[i] : value);
      }
      return r;
    };
  }

  // ------------------------------------------------------------------ helpers

  static byte[] bytes(Object v) {
    if (v instanceof ByteBuffer b) {
      ByteBuffer d = b.duplicate();
      byte[] out = new byte[d.remaining()];
      d.get(out);
      return out;
    } else if (v instanceof GenericFixed f) {
      return f.bytes();
    }
    return Values.bytes(v);
  }

  private static void expect(Schema schema, SqlType type, Schema.Type... allowed) {
    for (Schema.Type t : allowed) {
      if (schema.getType() == t) {
        return;
      }
    }
    throw incompatible(schema, type);
  }

  private static IllegalArgumentException incompatible(Schema schema, SqlType type) {
    return new IllegalArgumentException("Cannot read Avro type " + schema.getType().getName().toUpperCase(
        Locale.ROOT) + " as " + type.sql());
  }
}

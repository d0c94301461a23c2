package dev.sluice.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;

/**
 * Turns a QTT record's JSON into Avro generic data of a given schema, the way ksqlDB's harness serializes
 * inputs for a topic whose schema the case registers: record fields matched by name ignoring case (a field
 * the JSON lacks gets its default), unions by the first branch that fits, decimals from numbers or strings,
 * bytes from base64, maps with non-string keys from objects into Connect's entry arrays.
 */
final class AvroJson {

  private AvroJson() {}

  static Object datum(JsonNode node, Schema schema) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (schema.getType()) {
      case UNION:
        IllegalArgumentException last = null;
        for (Schema branch : schema.getTypes()) {
          if (branch.getType() == Schema.Type.NULL) {
            continue;
          }
          try {
            return datum(node, branch);
          } catch (IllegalArgumentException | ArithmeticException e) {
            last = new IllegalArgumentException(e.getMessage(), e);
          }
        }
        throw last == null ? new IllegalArgumentException("no branch for " + node) : last;
      case NULL:
        throw new IllegalArgumentException("expected null, got " + node);
      case BOOLEAN:
        require(node.isBoolean(), node, schema);
        return node.booleanValue();
      case INT:
        require(node.isNumber(), node, schema);
        return node.intValue();
      case LONG:
        require(node.isNumber(), node, schema);
        return node.longValue();
      case FLOAT:
        require(node.isNumber(), node, schema);
        return node.floatValue();
      case DOUBLE:
        require(node.isNumber(), node, schema);
        return node.doubleValue();
      case STRING:
        require(node.isValueNode(), node, schema);
        return node.asText();
      case ENUM:
        return new GenericData.EnumSymbol(schema, node.asText());
      case BYTES:
      case FIXED:
        byte[] bytes;
        if ("decimal".equals(schema.getProp("logicalType")) || schema.getLogicalType() instanceof LogicalTypes.Decimal) {
          int scale = schema.getLogicalType() instanceof LogicalTypes.Decimal d ? d.getScale()
              : schema.getObjectProp("scale") instanceof Number n ? n.intValue() : 0;
          BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
          bytes = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().toByteArray();
        } else {
          require(node.isTextual(), node, schema);
          bytes = Base64.getDecoder().decode(node.asText());
        }
        return schema.getType() == Schema.Type.FIXED ? new GenericData.Fixed(schema, bytes) : ByteBuffer.wrap(bytes);
      case ARRAY:
        if (node.isObject()) {
          Schema entry = nonNull(schema.getElementType());
          List<Object> entries = new ArrayList<>();
          node.fields().forEachRemaining(e -> {
            GenericData.Record r = new GenericData.Record(entry);
            r.put("key", datum(com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getKey()),
                entry.getField("key").schema()));
            r.put("value", datum(e.getValue(), entry.getField("value").schema()));
            entries.add(r);
          });
          return entries;
        }
        require(node.isArray(), node, schema);
        List<Object> list = new ArrayList<>();
        node.forEach(e -> list.add(datum(e, schema.getElementType())));
        return list;
      case MAP:
        require(node.isObject(), node, schema);
        Map<String, Object> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), datum(e.getValue(), schema.getValueType())));
        return map;
      case RECORD:
        require(node.isObject(), node, schema);
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
          JsonNode value = field(node, f.name());
          if (value == null) {
            record.put(f.pos(), f.hasDefaultValue() ? GenericData.get().getDefaultValue(f) : null);
          } else {
            record.put(f.pos(), datum(value, f.schema()));
          }
        }
        return record;
      default:
        throw new IllegalArgumentException("unsupported Avro type " + schema.getType());
    }
  }

  private static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElse(s);
  }

  private static JsonNode field(JsonNode object, String name) {
    if (object.has(name)) {
      return object.get(name);
    }
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static void require(boolean ok, JsonNode node, Schema schema) {
    if (!ok) {
      throw new IllegalArgumentException("cannot write " + node + " as Avro " + schema.getType());
    }
  }
}

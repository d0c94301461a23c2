package dev.sluice.engine.serde;

import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.kafka.common.serialization.DoubleDeserializer;
import org.apache.kafka.common.serialization.DoubleSerializer;
import org.apache.kafka.common.serialization.IntegerDeserializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * The KAFKA format: a single column written with Kafka's own primitive serializers, so that records
 * interoperate with any Kafka client: INTEGER as 4 big-endian bytes, BIGINT (and TIMESTAMP, as epoch
 * millis) as 8, DOUBLE as an IEEE 754 double, STRING as UTF-8, BYTES as-is. A null column is a Kafka null.
 */
final class KafkaCodec implements RowCodec {

  private static final IntegerSerializer INT_SER = new IntegerSerializer();
  private static final IntegerDeserializer INT_DE = new IntegerDeserializer();
  private static final LongSerializer LONG_SER = new LongSerializer();
  private static final LongDeserializer LONG_DE = new LongDeserializer();
  private static final DoubleSerializer DOUBLE_SER = new DoubleSerializer();
  private static final DoubleDeserializer DOUBLE_DE = new DoubleDeserializer();

  private final SqlType.BaseType type;

  KafkaCodec(List<Column> columns) {
    if (columns.size() != 1) {
      throw new IllegalArgumentException("The 'KAFKA' format only supports a single field. Got: "
          + FormatValidator.describe(columns));
    }
    this.type = columns.get(0).type().base();
    if (!supports(columns.get(0).type())) {
      throw new IllegalArgumentException("The 'KAFKA' format does not support type '" + type + "'");
    }
  }

  /** Whether the KAFKA format can hold a column of this type. */
  static boolean supports(SqlType type) {
    return switch (type.base()) {
      case INTEGER, BIGINT, TIMESTAMP, DOUBLE, STRING, BYTES -> true;
      default -> false;
    };
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    if (row.length != 1) {
      throw new SerdeException("Column count mismatch on serialization. topic: " + topic
          + ", expected: 1, got: " + row.length);
    }
    Object v = row[0];
    if (v == null) {
      return null;
    }
    return switch (type) {
      case INTEGER -> INT_SER.serialize(topic, Values.intValue(v));
      case BIGINT, TIMESTAMP -> LONG_SER.serialize(topic, Values.longValue(v));
      case DOUBLE -> DOUBLE_SER.serialize(topic, Values.doubleValue(v));
      case STRING -> v.toString().getBytes(StandardCharsets.UTF_8);
      case BYTES -> Values.bytes(v).clone();
      default -> throw new IllegalStateException(type.name());
    };
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    return new Object[] {switch (type) {
      case INTEGER -> INT_DE.deserialize(topic, bytes);
      case BIGINT, TIMESTAMP -> LONG_DE.deserialize(topic, bytes);
      case DOUBLE -> DOUBLE_DE.deserialize(topic, bytes);
      case STRING -> new String(bytes, StandardCharsets.UTF_8);
      case BYTES -> new ByteString(bytes);
      default -> throw new IllegalStateException(type.name());
    }};
  }
}

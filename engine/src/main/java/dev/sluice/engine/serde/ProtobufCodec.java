package dev.sluice.engine.serde;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The PROTOBUF and PROTOBUF_NOSR formats. PROTOBUF records are in the Confluent wire format (magic byte, schema
 * id, message indexes, then the message); they are written with the message generated from the columns
 * ({@link ProtobufSchemas}), registered as .proto text under the topic's subject on first use, or with the
 * registered schema a {@code *_SCHEMA_ID} pins, and read with the schema and message their header names
 * (references resolved through the registry). PROTOBUF_NOSR records are the bare message of the generated schema.
 * A wrapped row is a message of its columns; an unwrapped single column (a key) is a message with that one field.
 * A key whose columns are all null is a Kafka null key.
 */
final class ProtobufCodec implements RowCodec {
  private final List<Column> columns;
  private final boolean wrapped;
  private final boolean nullKeys;
  private final RegistrySchemas registry;
  private final Integer pinnedId;
  private final String fullName;
  private final String generatedText;
  private final Descriptor generated;
  private volatile Writer writer;
  private final Map<Long, Function<Message, Object[]>> readers = new ConcurrentHashMap<>();
  private final Function<Message, Object[]> generatedReader;

  private record Writer(Descriptor message, List<Integer> indexes, Function<Object, Message> convert) {}

  /**
   * @param client the registry, or null for PROTOBUF_NOSR
   */
  ProtobufCodec(List<Column> columns, boolean wrapped, FormatInfo format, SchemaRegistryClient client, boolean key) {
    this(columns, wrapped, format, client, key, key);
  }

  /**
   * @param nullKeys whether a row whose columns are all null is written as a Kafka null (keys: a key message read
   *     back never has null scalars, so such a row is a null key), rather than as an empty message
   */
  ProtobufCodec(List<Column> columns, boolean wrapped, FormatInfo format, SchemaRegistryClient client, boolean key,
      boolean nullKeys) {
    this.nullKeys = nullKeys;
    this.columns = List.copyOf(columns);
    this.wrapped = wrapped;
    this.fullName = format.fullSchemaName().orElse(null);
    this.pinnedId = format.schemaId().orElse(null);
    this.registry = format.format() == Format.PROTOBUF_NOSR ? null : new RegistrySchemas(client, key, pinnedId);
    this.generatedText = ProtobufSchemas.of(columns, fullName, ProtobufSchemas.Nullable.of(format));
    this.generated = ProtobufSchemas.message(ProtobufSchemas.parse(generatedText), (String) null);
    this.generatedReader = reader(generated);
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    if (row.length != columns.size()) {
      throw new SerdeException("Column count mismatch on serialization. topic: " + topic + ", expected: "
          + columns.size() + ", got: " + row.length);
    }
    if (!wrapped && row[0] == null || nullKeys && allNull(row)) {
      return null;
    }
    Writer w = writer();
    Message message = w.convert().apply(row);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    if (registry != null) {
      ConfluentWire.header(out, registry.writeId(topic, "PROTOBUF", generatedText, List.of()));
      ConfluentWire.messageIndexes(out, w.indexes());
    }
    try {
      message.writeTo(out);
    } catch (IOException e) {
      throw new SerdeException(e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static boolean allNull(Object[] row) {
    for (Object v : row) {
      if (v != null) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void register(String topic) {
    if (registry != null) {
      registry.writeId(topic, "PROTOBUF", generatedText, List.of());
    }
  }

  private Writer writer() {
    Writer w = writer;
    if (w == null) {
      Descriptor message = generated;
      if (pinnedId != null) {
        Descriptors.FileDescriptor file = ProtobufSchemas.parse(registry.client(),
            registry.client().byId(pinnedId));
        message = ProtobufSchemas.message(file, fullName);
      }
      w = new Writer(message, ProtobufSchemas.indexes(message), ProtobufData.structWriter(fields(message), message));
      writer = w;
    }
    return w;
  }

  /** The row's fields as the message names them: the columns, or the message's single field when unwrapped. */
  private List<SqlType.Field> fields(Descriptor message) {
    if (!wrapped && !message.getFields().isEmpty()) {
      return List.of(new SqlType.Field(message.getFields().get(0).getName(), columns.get(0).type()));
    }
    return columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList();
  }

  private Function<Message, Object[]> reader(Descriptor message) {
    return ProtobufData.structReader(message, fields(message));
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    Descriptor message;
    Function<Message, Object[]> reader;
    int offset = 0;
    if (registry == null) {
      message = generated;
      reader = generatedReader;
    } else {
      int id = ConfluentWire.schemaId(bytes);
      ByteBuffer buf = ByteBuffer.wrap(bytes, ConfluentWire.HEADER, bytes.length - ConfluentWire.HEADER);
      List<Integer> indexes = ConfluentWire.readMessageIndexes(buf);
      offset = buf.position();
      long cacheKey = ((long) id << 32) | indexes.hashCode();
      Function<Message, Object[]> cached = readers.get(cacheKey);
      Descriptors.FileDescriptor file = null;
      if (cached == null) {
        file = ProtobufSchemas.parse(registry.client(), registry.client().byId(id));
        Descriptor d = ProtobufSchemas.message(file, indexes);
        Function<Message, Object[]> convert = reader(d);
        cached = m -> convert.apply(m);
        readers.put(cacheKey, cached);
        descriptors.put(cacheKey, d);
      }
      message = descriptors.get(cacheKey);
      reader = cached;
    }
    try {
      DynamicMessage m = DynamicMessage.parseFrom(message, com.google.protobuf.CodedInputStream.newInstance(bytes, offset,
          bytes.length - offset));
      return reader.apply(m);
    } catch (IOException e) {
      throw new SerdeException("Could not read a protobuf message: " + e.getMessage(), e);
    }
  }

  private final Map<Long, Descriptor> descriptors = new ConcurrentHashMap<>();
}

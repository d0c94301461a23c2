package dev.sluice.engine.serde;

import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.schema.Column;
import dev.sluice.planner.schema.SqlType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * The AVRO format: Avro binary in the Confluent wire format. Records are written with the schema generated from
 * the columns ({@link AvroSchemas}), registered under the topic's subject on first use, or with the registered
 * schema a {@code *_SCHEMA_ID} pins. Records are read with the schema their id names, whatever it is, into the
 * columns by field name; the reader of each id is compiled once. A record whose id the registry does not know
 * fails to read (the processing log says so) without stopping the query.
 */
final class AvroCodec implements RowCodec {
  private final List<Column> columns;
  private final boolean wrapped;
  private final RegistrySchemas registry;
  private final Integer pinnedId;
  private final Schema generated;
  private volatile Writer writer;
  private final Map<Integer, Function<Object, Object[]>> readers = new ConcurrentHashMap<>();

  private record Writer(Schema schema, String text, Function<Object, Object> convert,
      GenericDatumWriter<Object> datumWriter) {}

  /**
   * @param wrapped whether the row is a record of its columns; false requires one column
   * @throws IllegalArgumentException when the columns' names are not valid Avro names
   */
  AvroCodec(List<Column> columns, boolean wrapped, FormatInfo format, SchemaRegistryClient client, boolean key) {
    this.columns = List.copyOf(columns);
    this.wrapped = wrapped;
    this.pinnedId = format.schemaId().orElse(null);
    this.registry = new RegistrySchemas(client, key, pinnedId);
    this.generated = AvroSchemas.of(columns, wrapped, format.fullSchemaName().orElse(null));
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    if (row.length != columns.size()) {
      throw new SerdeException("Column count mismatch on serialization. topic: " + topic + ", expected: "
          + columns.size() + ", got: " + row.length);
    }
    if (!wrapped && row[0] == null) {
      return null;
    }
    Writer w = writer();
    int id = registry.writeId(topic, "AVRO", w.text(), List.of());
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    ConfluentWire.header(out, id);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    try {
      w.datumWriter().write(w.convert().apply(wrapped ? row : row[0]), encoder);
      encoder.flush();
    } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
      throw new SerdeException("Could not write an Avro record: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private Writer writer() {
    Writer w = writer;
    if (w == null) {
      Schema schema = pinnedId == null ? generated
          : new Schema.Parser().parse(registry.client().byId(pinnedId).schema());
      Function<Object, Object> convert = wrapped
          ? AvroData.recordWriter(fields(), schema)
          : AvroData.writer(columns.get(0).type(), schema);
      w = new Writer(schema, schema.toString(), convert, new GenericDatumWriter<>(schema));
      writer = w;
    }
    return w;
  }

  @Override
  public void register(String topic) {
    registry.writeId(topic, "AVRO", writer().text(), List.of());
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    int id = ConfluentWire.schemaId(bytes);
    Function<Object, Object[]> reader = readers.get(id);
    if (reader == null) {
      reader = compile(id);
      readers.put(id, reader);
    }
    return reader.apply(bytes);
  }

  /** The reader of records written with schema {@code id}: Avro's decoder for it plus the conversion to columns. */
  private Function<Object, Object[]> compile(int id) {
    Schema schema = new Schema.Parser().parse(registry.client().byId(id).schema());
    GenericDatumReader<Object> datumReader = new GenericDatumReader<>(schema);
    Function<Object, Object[]> convert;
    if (wrapped) {
      Schema record = AvroSchemas.nonNull(schema);
      if (record.getType() != Schema.Type.RECORD) {
        throw new SerdeException("Expected an Avro record with the columns " + FormatValidator.describe(columns)
            + ", but schema id " + id + " is of type " + record.getType().getName());
      }
      Function<Object, Object> struct = AvroData.structReader(record, fields());
      convert = v -> (Object[]) struct.apply(v);
    } else {
      Function<Object, Object> value = AvroData.reader(schema, columns.get(0).type());
      convert = v -> new Object[] {value.apply(v)};
    }
    return in -> {
      byte[] bytes = (byte[]) in;
      BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, ConfluentWire.HEADER,
          bytes.length - ConfluentWire.HEADER, null);
      Object datum;
      try {
        datum = datumReader.read(null, decoder);
      } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
        throw new SerdeException("Could not read an Avro record with schema id " + id + ": " + e.getMessage(), e);
      }
      return datum == null ? null : convert.apply(datum);
    };
  }

  private List<SqlType.Field> fields() {
    return columns.stream().map(c -> new SqlType.Field(c.name(), c.type())).toList();
  }
}

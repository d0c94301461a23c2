package dev.sluice.engine.serde;

import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import dev.sluice.planner.schema.Column;
import java.util.List;

/**
 * The JSON_SR format: JSON in the Confluent wire format (magic byte, schema id), its JSON Schema registered
 * under the topic's subject ({@link JsonSchemas}) on first use, or the registered schema a {@code *_SCHEMA_ID}
 * pins. The payload is read and written by {@link JsonCodec}, by column name, whatever schema id a record
 * carries, as ksqlDB does.
 */
final class JsonSrCodec implements RowCodec {
  private final JsonCodec json;
  private final RegistrySchemas registry;
  private final String schema;
  /** The wire-format header of the last id written with (it holds the id), built once, not per record. */
  private volatile byte[] header;

  JsonSrCodec(List<Column> columns, boolean wrapped, FormatInfo format, SchemaRegistryClient client, boolean key) {
    this.json = new JsonCodec(columns, wrapped);
    this.registry = new RegistrySchemas(client, key, format.schemaId().orElse(null));
    this.schema = JsonSchemas.of(columns, wrapped);
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    int id = registry.writeId(topic, "JSON", schema, List.of());
    byte[] h = header;
    if (h == null || ConfluentWire.schemaId(h) != id) {
      h = new byte[] {0, (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id};
      header = h;
    }
    return json.encode(topic, row, h);
  }

  @Override
  public void register(String topic) {
    registry.writeId(topic, "JSON", schema, List.of());
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    ConfluentWire.schemaId(bytes); // checks the magic byte and the header's length
    return json.decode(topic, bytes, ConfluentWire.HEADER, bytes.length - ConfluentWire.HEADER);
  }
}

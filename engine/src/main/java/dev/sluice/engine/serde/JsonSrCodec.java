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
  private final boolean wrapped;

  JsonSrCodec(List<Column> columns, boolean wrapped, FormatInfo format, SchemaRegistryClient client, boolean key) {
    this.json = new JsonCodec(columns, wrapped);
    this.wrapped = wrapped;
    this.registry = new RegistrySchemas(client, key, format.schemaId().orElse(null));
    this.schema = JsonSchemas.of(columns, wrapped);
  }

  @Override
  public byte[] encode(String topic, Object[] row) {
    byte[] payload = json.encode(topic, row);
    if (payload == null && !wrapped) {
      return null;
    }
    int id = registry.writeId(topic, "JSON", schema, List.of());
    byte[] out = new byte[ConfluentWire.HEADER + payload.length];
    out[1] = (byte) (id >>> 24);
    out[2] = (byte) (id >>> 16);
    out[3] = (byte) (id >>> 8);
    out[4] = (byte) id;
    System.arraycopy(payload, 0, out, ConfluentWire.HEADER, payload.length);
    return out;
  }

  @Override
  public Object[] decode(String topic, byte[] bytes) {
    ConfluentWire.schemaId(bytes); // checks the magic byte and the header's length
    return json.decode(topic, bytes, ConfluentWire.HEADER, bytes.length - ConfluentWire.HEADER);
  }
}

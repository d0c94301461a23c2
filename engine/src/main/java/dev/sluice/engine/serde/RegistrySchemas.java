package dev.sluice.engine.serde;

import dev.sluice.engine.serde.registry.SchemaReference;
import dev.sluice.engine.serde.registry.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Schema Registry side of one codec: the subject of a topic's keys or values ({@code <topic>-key},
 * {@code <topic>-value}, Confluent's default naming), the id its records are written with (the pinned
 * {@code *_SCHEMA_ID}, or the generated schema's, registered on first use and then cached per topic), and the
 * schemas records name (cached per id by the client and per id by the codec's own compiled readers).
 */
final class RegistrySchemas {
  private final SchemaRegistryClient client;
  private final boolean key;
  private final Integer pinnedId;
  private final Map<String, Integer> ids = new ConcurrentHashMap<>();

  /**
   * @param pinnedId the schema id records are written with, or null to register the codec's own schema
   */
  RegistrySchemas(SchemaRegistryClient client, boolean key, Integer pinnedId) {
    if (client == null) {
      throw new IllegalArgumentException("This format needs a Schema Registry: set ksql.schema.registry.url in "
          + "the server's configuration");
    }
    this.client = client;
    this.key = key;
    this.pinnedId = pinnedId;
  }

  SchemaRegistryClient client() {
    return client;
  }

  String subject(String topic) {
    return topic + (key ? "-key" : "-value");
  }

  /** The id to write records of {@code topic} with, registering {@code schema} under its subject if needed. */
  int writeId(String topic, String type, String schema, List<SchemaReference> references) {
    if (pinnedId != null) {
      return pinnedId;
    }
    Integer id = ids.get(topic);
    if (id == null) {
      id = client.register(subject(topic), type, schema, references);
      ids.put(topic, id);
    }
    return id;
  }
}

package dev.sluice.engine;

import dev.sluice.engine.serde.registry.SchemaRegistryConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the engine needs from the server's configuration.
 *
 * @param bootstrapServers the Kafka cluster (the embedded broker's address in local mode)
 * @param serviceId ksqlDB's {@code ksql.service.id}: servers sharing it share the command topic and queries
 * @param stateDir where Kafka Streams keeps its state stores
 * @param streamsProperties Kafka Streams and client properties applied to every query (commit interval ...)
 * @param extensionDir where the jars of user-defined functions are ({@code ksql.extension.dir}); null for none
 * @param schemaRegistry the Schema Registry of the AVRO, PROTOBUF and JSON_SR formats, or null for none
 * @param ksqlProperties the server's {@code ksql.*} settings that statements see as defaults of their own
 *     properties ({@code ksql.persistence.default.format.value} ...)
 */
public record EngineConfig(String bootstrapServers, String serviceId, Path stateDir,
    Map<String, Object> streamsProperties, Path extensionDir, SchemaRegistryConfig schemaRegistry,
    Map<String, Object> ksqlProperties) {

  public static final String DEFAULT_SERVICE_ID = "default_";

  public EngineConfig {
    streamsProperties = Map.copyOf(streamsProperties);
    ksqlProperties = Map.copyOf(ksqlProperties);
  }

  /** Without statement defaults. */
  public EngineConfig(String bootstrapServers, String serviceId, Path stateDir,
      Map<String, Object> streamsProperties, Path extensionDir, SchemaRegistryConfig schemaRegistry) {
    this(bootstrapServers, serviceId, stateDir, streamsProperties, extensionDir, schemaRegistry, Map.of());
  }

  /** Without a Schema Registry. */
  public EngineConfig(String bootstrapServers, String serviceId, Path stateDir,
      Map<String, Object> streamsProperties, Path extensionDir) {
    this(bootstrapServers, serviceId, stateDir, streamsProperties, extensionDir, null);
  }

  /** Without user-defined functions. */
  public EngineConfig(String bootstrapServers, String serviceId, Path stateDir,
      Map<String, Object> streamsProperties) {
    this(bootstrapServers, serviceId, stateDir, streamsProperties, null, null);
  }

  /** ksqlDB's name for the command topic of a service. */
  public String commandTopic() {
    return "_confluent-ksql-" + serviceId + "_command_topic";
  }
}

package dev.sluice.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The server's configuration, declared once: every key with its type, default, validator and documentation
 * lives in {@link #DEFINITION} (Kafka's own {@link ConfigDef}), and {@code docs/configuration.md} is generated
 * from it by {@link ConfigDocs}. Values come from a properties file and command-line flags ({@link
 * CommandLine}); this class only validates and interprets them.
 *
 * <p>Keys starting with {@code ksql.streams.} are passed, without that prefix, to Kafka Streams and its
 * clients for every persistent query, as ksqlDB does.
 */
public final class ServerConfig {

  public static final String LISTENERS = "listeners";
  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SERVICE_ID = "ksql.service.id";
  public static final String DATA_DIR = "sluice.data.dir";
  public static final String LOCAL_KAFKA_PORT = "sluice.local.kafka.port";
  public static final String EXTENSION_DIR = "ksql.extension.dir";
  public static final String STREAMS_PREFIX = "ksql.streams.";
  public static final String COMMIT_INTERVAL_MS = STREAMS_PREFIX + "commit.interval.ms";
  public static final String SCHEMA_REGISTRY_URL = "ksql.schema.registry.url";
  public static final String SCHEMA_REGISTRY_USER_INFO = "ksql.schema.registry.basic.auth.user.info";
  public static final String DEFAULT_KEY_FORMAT = "ksql.persistence.default.format.key";
  public static final String DEFAULT_VALUE_FORMAT = "ksql.persistence.default.format.value";
  public static final String OUTPUT_TOPIC_PREFIX = "ksql.output.topic.name.prefix";
  public static final String NEW_QUERY_PLANNER = "ksql.new.query.planner.enabled";
  /** The settings statements see as defaults of their own properties (a request or SET overrides them). */
  private static final List<String> STATEMENT_DEFAULTS = List.of(DEFAULT_KEY_FORMAT, DEFAULT_VALUE_FORMAT,
      OUTPUT_TOPIC_PREFIX, NEW_QUERY_PLANNER);

  /** The declarations: the single source of keys, defaults, validation and the configuration reference. */
  public static final ConfigDef DEFINITION = new ConfigDef()
      .define(LISTENERS, Type.LIST, "http://0.0.0.0:8088", new ListenerValidator(), Importance.HIGH,
          "Comma-separated HTTP listeners of the REST API, as `http://host:port`. Port 0 picks a free port. "
              + "`bin/sluice` starts local mode on `http://127.0.0.1:8088` so that only this machine can "
              + "reach it.")
      .define(BOOTSTRAP_SERVERS, Type.STRING, "", Importance.HIGH,
          "The Kafka cluster to use, as `host:port,host:port`. Empty means local mode: the server starts "
              + "an in-process single-node Kafka broker (KRaft) with its data under `<sluice.data.dir>/kafka`.")
      .define(SERVICE_ID, Type.STRING, "default_", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
          "ksqlDB's service id. Servers with the same id share the command topic "
              + "(`_confluent-ksql-<id>_command_topic`) and run the same persistent queries.")
      .define(DATA_DIR, Type.STRING, "./data", new ConfigDef.NonEmptyString(), Importance.HIGH,
          "Where the server keeps its files: Kafka Streams state under `streams/` and, in local mode, the "
              + "embedded broker's log under `kafka/`. A restart on the same directory finds everything again.")
      .define(LOCAL_KAFKA_PORT, Type.INT, 9092, Range.between(0, 65535), Importance.LOW,
          "Local mode only: the port of the embedded broker on 127.0.0.1, so that other Kafka tools can reach "
              + "it. When the port is busy the broker takes a free port and the server logs it; 0 always "
              + "takes a free port.")
      .define(EXTENSION_DIR, Type.STRING, "", Importance.LOW,
          "The directory of user-defined function jars, read at start-up (see docs/udfs.md). Empty means "
              + "`<sluice.data.dir>/ext`. A missing directory means no user-defined functions; a jar that "
              + "cannot be loaded is logged and skipped; a function named like a built-in stops the start-up.")
      .define(COMMIT_INTERVAL_MS, Type.LONG, 1000L, Range.atLeast(0), Importance.MEDIUM,
          "How often Kafka Streams commits, in milliseconds; with record caching this is also how often "
              + "aggregates emit. Kafka Streams' own at-least-once default (30 s) would delay results.")
      .define(SCHEMA_REGISTRY_URL, Type.STRING, "", new RegistryUrlValidator(), Importance.MEDIUM,
          "The Schema Registry that the AVRO, PROTOBUF and JSON_SR formats use: any registry that speaks the "
              + "Confluent Schema Registry API, as `http(s)://host:port[/path]` (for Apicurio, "
              + "`http://host:8080/apis/ccompat/v7`). Empty means none: statements that use those formats fail "
              + "with a message saying so. See docs/formats.md.")
      .define(SCHEMA_REGISTRY_USER_INFO, Type.PASSWORD, "", Importance.LOW,
          "HTTP basic authentication for the Schema Registry, as `user:password`. Empty means none.")
      .define(DEFAULT_KEY_FORMAT, Type.STRING, "KAFKA", Importance.LOW,
          "The key format of a `CREATE STREAM/TABLE` with key columns whose WITH clause sets neither "
              + "`KEY_FORMAT` nor `FORMAT`. A request's properties or `SET` override it.")
      .define(DEFAULT_VALUE_FORMAT, Type.STRING, "", Importance.LOW,
          "The value format of a `CREATE STREAM/TABLE` whose WITH clause sets neither `VALUE_FORMAT` nor "
              + "`FORMAT`, e.g. `JSON`. Empty means the statement must say it. A request's properties or `SET` "
              + "override it.")
      .define(OUTPUT_TOPIC_PREFIX, Type.STRING, "", Importance.LOW,
          "Prepended to the default topic name of a `CREATE ... AS SELECT` without `KAFKA_TOPIC`.")
      .define(NEW_QUERY_PLANNER, Type.BOOLEAN, false, Importance.LOW,
          "As in ksqlDB: `true` lets a `CREATE STREAM ... AS SELECT` (or `INSERT INTO`) over a stream leave "
              + "out every key column, writing a keyless stream (key format `NONE`, null keys). By default such "
              + "a query is refused with a message naming the key columns. A request's properties or `SET` "
              + "override it.");

  private final AbstractConfig values;

  private ServerConfig(Map<String, ?> properties) {
    this.values = new AbstractConfig(DEFINITION, properties, Map.of(), false);
  }

  /**
   * Validates {@code properties} against the declarations.
   *
   * @throws ConfigException naming the key and the problem
   */
  public static ServerConfig of(Map<String, ?> properties) {
    return new ServerConfig(properties);
  }

  /** All defaults: local mode, {@code ./data}, listening on every interface at 8088. */
  public static ServerConfig defaults() {
    return of(Map.of());
  }

  /** A copy with {@code key} set to {@code value}. */
  public ServerConfig with(String key, Object value) {
    Map<String, Object> copy = new HashMap<>(values.originals());
    copy.put(key, value);
    return of(copy);
  }

  public List<URI> listeners() {
    List<URI> uris = new ArrayList<>();
    for (String listener : values.getList(LISTENERS)) {
      uris.add(ListenerValidator.parse(listener));
    }
    return uris;
  }

  public String bootstrapServers() {
    return values.getString(BOOTSTRAP_SERVERS).trim();
  }

  /** No Kafka cluster configured: the server runs its own broker. */
  public boolean localMode() {
    return bootstrapServers().isEmpty();
  }

  public String serviceId() {
    return values.getString(SERVICE_ID);
  }

  /** The data directory as configured (relative paths stay relative, for messages). */
  public String dataDirText() {
    return values.getString(DATA_DIR);
  }

  public Path dataDir() {
    return Path.of(dataDirText()).toAbsolutePath().normalize();
  }

  public int localKafkaPort() {
    return values.getInt(LOCAL_KAFKA_PORT);
  }

  /** The directory of user-defined function jars: {@code ksql.extension.dir}, else {@code <data>/ext}. */
  public Path extensionDir() {
    String dir = values.getString(EXTENSION_DIR).trim();
    return dir.isEmpty() ? dataDir().resolve("ext") : Path.of(dir).toAbsolutePath().normalize();
  }

  /** Kafka Streams' state directory: {@code ksql.streams.state.dir} when given, else {@code <data>/streams}. */
  public Path streamsStateDir() {
    Object explicit = streamsProperties().get("state.dir");
    return explicit == null ? dataDir().resolve("streams") : Path.of(explicit.toString()).toAbsolutePath();
  }

  /** Every {@code ksql.streams.*} key without its prefix, plus the declared commit interval. */
  public Map<String, Object> streamsProperties() {
    Map<String, Object> streams = new LinkedHashMap<>(values.originalsWithPrefix(STREAMS_PREFIX));
    streams.put("commit.interval.ms", values.getLong(COMMIT_INTERVAL_MS));
    return streams;
  }

  /** The Schema Registry, when {@value #SCHEMA_REGISTRY_URL} is set. */
  public java.util.Optional<dev.sluice.engine.serde.registry.SchemaRegistryConfig> schemaRegistry() {
    String url = values.getString(SCHEMA_REGISTRY_URL).trim();
    if (url.isEmpty()) {
      return java.util.Optional.empty();
    }
    var config = dev.sluice.engine.serde.registry.SchemaRegistryConfig.of(url);
    String userInfo = values.getPassword(SCHEMA_REGISTRY_USER_INFO).value();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      config = colon < 0 ? config.withBasicAuth(userInfo, "")
          : config.withBasicAuth(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }
    return java.util.Optional.of(config);
  }

  /** The statement defaults this configuration sets explicitly (see {@link #STATEMENT_DEFAULTS}). */
  public Map<String, Object> statementDefaults() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : STATEMENT_DEFAULTS) {
      String value = String.valueOf(values.values().get(key));
      if (values.originals().containsKey(key) && !value.isBlank()) {
        out.put(key, value);
      }
    }
    return out;
  }

  /** Keys that are neither declared nor passed through to Kafka Streams: most likely typos. */
  public Set<String> unknownKeys() {
    Set<String> unknown = new TreeSet<>();
    for (String key : values.originals().keySet()) {
      if (!DEFINITION.names().contains(key) && !key.startsWith(STREAMS_PREFIX)) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  /** Checks the registry URL when one is given. */
  static final class RegistryUrlValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      String url = value == null ? "" : value.toString().trim();
      if (url.isEmpty()) {
        return;
      }
      try {
        dev.sluice.engine.serde.registry.SchemaRegistryConfig.of(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, "expected an http:// or https:// URL");
      }
    }

    @Override
    public String toString() {
      return "empty, or an http(s):// URL";
    }
  }

  /** Checks each listener is an {@code http://host:port} URL; HTTPS is not supported yet. */
  static final class ListenerValidator implements ConfigDef.Validator {

    static URI parse(String listener) {
      URI uri;
      try {
        uri = URI.create(listener.trim());
      } catch (IllegalArgumentException e) {
        throw new ConfigException(LISTENERS, listener, "not a URL: " + e.getMessage());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")) {
        throw new ConfigException(LISTENERS, listener, "only http:// listeners are supported");
      }
      if (uri.getHost() == null || uri.getPort() < 0) {
        throw new ConfigException(LISTENERS, listener, "expected http://host:port");
      }
      return uri;
    }

    @Override
    public void ensureValid(String name, Object value) {
      @SuppressWarnings("unchecked")
      List<String> listeners = (List<String>) value;
      if (listeners == null || listeners.isEmpty()) {
        throw new ConfigException(name, value, "at least one listener is required");
      }
      listeners.forEach(ListenerValidator::parse);
    }

    @Override
    public String toString() {
      return "one or more http://host:port";
    }
  }
}

package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins the defaults (a change to one is a change for every user) and the file-then-flags precedence. */
class ServerConfigTest {

  @Test
  void defaultsAreLocalModeOnPort8088LikeKsqlDb() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.listeners()).containsExactly(URI.create("http://0.0.0.0:8088"));
    assertThat(config.bootstrapServers()).isEmpty();
    assertThat(config.localMode()).isTrue();
    assertThat(config.serviceId()).isEqualTo("default_");
    assertThat(config.dataDirText()).isEqualTo("./data");
    assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
    assertThat(config.localKafkaPort()).isEqualTo(9092);
    assertThat(config.streamsProperties()).isEqualTo(Map.of("commit.interval.ms", 1000L));
    assertThat(config.streamsStateDir()).isEqualTo(Path.of("data", "streams").toAbsolutePath());
    assertThat(config.unknownKeys()).isEmpty();
    assertThat(ServerConfig.of(Map.of("ksql.new.query.planner.enabled", "true")).statementDefaults())
        .isEqualTo(Map.of("ksql.new.query.planner.enabled", "true"));
  }

  @Test
  void everyDeclaredKeyHasDocumentation() {
    ServerConfig.DEFINITION.configKeys().values()
        .forEach(key -> assertThat(key.documentation).as(key.name).isNotBlank());
    assertThat(ServerConfig.DEFINITION.names()).containsExactlyInAnyOrder("listeners", "bootstrap.servers",
        "ksql.service.id", "sluice.data.dir", "sluice.local.kafka.port", "ksql.extension.dir",
        "ksql.streams.commit.interval.ms", "ksql.schema.registry.url", "ksql.schema.registry.basic.auth.user.info",
        "ksql.persistence.default.format.key", "ksql.persistence.default.format.value",
        "ksql.output.topic.name.prefix", "ksql.new.query.planner.enabled");
  }

  @Test
  void statementDefaultsAreThoseSetExplicitly() {
    assertThat(ServerConfig.defaults().statementDefaults()).isEmpty();
    ServerConfig config = ServerConfig.of(Map.of("ksql.persistence.default.format.value", "JSON",
        "ksql.output.topic.name.prefix", "team-a."));
    assertThat(config.statementDefaults()).isEqualTo(Map.of("ksql.persistence.default.format.value", "JSON",
        "ksql.output.topic.name.prefix", "team-a."));
    assertThat(config.unknownKeys()).isEmpty();
  }

  @Test
  void schemaRegistryWithBasicAuth() {
    assertThat(ServerConfig.defaults().schemaRegistry()).isEmpty();
    var registry = ServerConfig.defaults().with("ksql.schema.registry.url", "http://sr:8080/apis/ccompat/v7/")
        .with("ksql.schema.registry.basic.auth.user.info", "me:s:cret").schemaRegistry().orElseThrow();
    assertThat(registry.url()).isEqualTo("http://sr:8080/apis/ccompat/v7");
    assertThat(registry.username()).isEqualTo("me");
    assertThat(registry.password()).isEqualTo("s:cret");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ServerConfig.defaults()
        .with("ksql.schema.registry.url", "ftp://x")).hasMessageContaining("ksql.schema.registry.url");
  }

  @Test
  void extensionDirDefaultsToExtUnderTheDataDir() {
    ServerConfig config = ServerConfig.defaults().with("sluice.data.dir", "/var/lib/sluice");
    assertThat(config.extensionDir()).isEqualTo(Path.of("/var/lib/sluice/ext"));
    assertThat(config.with("ksql.extension.dir", "/opt/udfs").extensionDir()).isEqualTo(Path.of("/opt/udfs"));
  }

  @Test
  void flagsOverrideTheConfigFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sluice.properties");
    Files.writeString(file, String.join("\n",
        "listeners=http://127.0.0.1:9999",
        "sluice.data.dir=/var/lib/sluice",
        "ksql.service.id=orders_",
        "ksql.streams.num.stream.threads=4",
        "ksql.streams.commit.interval.ms=250",
        "bootstrap.servers=from-file:9092"), StandardCharsets.UTF_8);

    CommandLine line = CommandLine.parse("--config", file.toString(), "--listeners=http://127.0.0.1:0",
        "--bootstrap-servers", "kafka:9092");

    ServerConfig config = line.config();
    assertThat(config.listeners()).containsExactly(URI.create("http://127.0.0.1:0"));
    assertThat(config.bootstrapServers()).isEqualTo("kafka:9092");
    assertThat(config.localMode()).isFalse();
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/sluice"));
    assertThat(config.serviceId()).isEqualTo("orders_");
    assertThat(config.streamsProperties())
        .containsEntry("num.stream.threads", "4")
        .containsEntry("commit.interval.ms", 250L);
    assertThat(line.help()).isFalse();
  }

  @Test
  void dataDirFlagAndStreamsStateDirOverride() {
    ServerConfig config = CommandLine.parse("--data-dir", "/tmp/x").config()
        .with("ksql.streams.state.dir", "/srv/state");
    assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
    assertThat(config.streamsStateDir()).isEqualTo(Path.of("/srv/state"));
  }

  @Test
  void severalListeners() {
    ServerConfig config = ServerConfig.of(Map.of("listeners", "http://127.0.0.1:8088, http://localhost:8089"));
    assertThat(config.listeners()).extracting(URI::getPort).containsExactly(8088, 8089);
  }

  @Test
  void rejectsBadValuesNamingTheKey() {
    assertThatThrownBy(() -> ServerConfig.of(Map.of("sluice.local.kafka.port", "70000")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("sluice.local.kafka.port");
    assertThatThrownBy(() -> ServerConfig.of(Map.of("listeners", "https://0.0.0.0:8443")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("only http://");
    assertThatThrownBy(() -> ServerConfig.of(Map.of("listeners", "http://nohost")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("listeners");
    assertThatThrownBy(() -> ServerConfig.of(Map.of("ksql.streams.commit.interval.ms", "soon")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("commit.interval.ms");
  }

  @Test
  void reportsUnknownKeysButPassesStreamsKeys() {
    ServerConfig config = ServerConfig.of(Map.of("listner", "x", "ksql.streams.foo", "1"));
    assertThat(config.unknownKeys()).containsExactly("listner");
  }

  @Test
  void commandLineMistakes() {
    assertThatThrownBy(() -> CommandLine.parse("--port", "1"))
        .isInstanceOf(CommandLine.UsageException.class).hasMessage("unknown option: --port");
    assertThatThrownBy(() -> CommandLine.parse("--data-dir"))
        .isInstanceOf(CommandLine.UsageException.class).hasMessage("option --data-dir needs a value");
    assertThatThrownBy(() -> CommandLine.parse("--config", "/nonexistent/sluice.properties"))
        .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("cannot read config file");
    assertThat(CommandLine.parse("--help").help()).isTrue();
    assertThat(CommandLine.parse("--version").version()).isTrue();
    assertThat(CommandLine.parse().config().listeners()).isEqualTo(List.of(URI.create("http://0.0.0.0:8088")));
  }
}

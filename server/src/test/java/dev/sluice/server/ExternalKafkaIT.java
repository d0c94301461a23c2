package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code bootstrap.servers} set, a server uses that Kafka cluster and starts no broker of its own; a
 * second server with the same service id replays the same command topic and sees the same sources.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ExternalKafkaIT {
  @TempDir
  Path localDir;
  @TempDir
  Path externalDir;

  @Test
  void usesTheGivenClusterAndStartsNoBroker() throws Exception {
    ServerConfig local = LocalServers.localMode(localDir);
    try (SluiceServer first = SluiceServer.start(local)) {
      first.engine().execute("CREATE STREAM pageviews (user_id STRING KEY, page STRING) "
          + "WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=1);", Map.of(), Map.of());

      ServerConfig external = ServerConfig.defaults()
          .with(ServerConfig.LISTENERS, "http://127.0.0.1:0")
          .with(ServerConfig.DATA_DIR, externalDir.toString())
          .with(ServerConfig.BOOTSTRAP_SERVERS, first.bootstrapServers());
      try (SluiceServer second = SluiceServer.start(external)) {
        assertThat(second.bootstrapServers()).isEqualTo(first.bootstrapServers());
        assertThat(second.engine().kafkaClusterId()).isEqualTo(first.engine().kafkaClusterId());
        assertThat(Files.exists(externalDir.resolve("kafka"))).as("no embedded broker data").isFalse();
        var streams = second.engine().execute("SHOW STREAMS;", Map.of(), Map.of());
        assertThat(streams.toString()).contains("PAGEVIEWS");
        assertThat(List.of(Files.list(localDir).map(p -> p.getFileName().toString()).toArray()))
            .contains("kafka");
      }
    }
  }
}

package dev.sluice.server;

import java.nio.file.Path;

/** The configuration the integration tests start servers with: local mode, free ports, quick commits. */
final class LocalServers {
  private LocalServers() {}

  /**
   * Local mode (an embedded broker) with its data under {@code dataDir}, the REST API and the broker on free
   * ports, and Kafka Streams committing every 100 ms, so that results show up quickly.
   */
  static ServerConfig localMode(Path dataDir) {
    return ServerConfig.defaults()
        .with(ServerConfig.LISTENERS, "http://127.0.0.1:0")
        .with(ServerConfig.DATA_DIR, dataDir.toString())
        .with(ServerConfig.LOCAL_KAFKA_PORT, 0)
        .with(ServerConfig.COMMIT_INTERVAL_MS, 100);
  }
}

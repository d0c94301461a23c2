package dev.sluice.engine.runtime;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.env.QueryLauncher;
import org.apache.kafka.streams.Topology;

/** Runs each persistent query as its own Kafka Streams application, reading from the earliest offset. */
public final class StreamsQueryLauncher implements QueryLauncher {
  private final EngineConfig config;

  public StreamsQueryLauncher(EngineConfig config) {
    this.config = config;
  }

  @Override
  public Running launch(String queryId, String applicationId, Topology topology, boolean paused) {
    StreamsApp app = new StreamsApp(queryId, applicationId, topology, config.bootstrapServers(),
        config.stateDir(), config.streamsProperties(), "earliest");
    if (paused) {
      app.pause(); // before start, so not one record is processed before the pause takes hold
    }
    app.start();
    return app;
  }
}

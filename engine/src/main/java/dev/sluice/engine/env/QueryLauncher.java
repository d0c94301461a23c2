package dev.sluice.engine.env;

import dev.sluice.engine.runtime.QueryState;
import org.apache.kafka.streams.Topology;

/**
 * Runs the topology of a persistent query: as a Kafka Streams application on a server, or by handing it
 * to the test runner's {@code TopologyTestDriver}.
 */
public interface QueryLauncher {

  /** A running query, as SHOW QUERIES and TERMINATE see it. */
  interface Running {
    QueryState state();

    /** Stops it; with {@code cleanUp}, also deletes its local state (the query is gone for good). */
    void stop(boolean cleanUp);
  }

  Running launch(String queryId, String applicationId, Topology topology);
}
